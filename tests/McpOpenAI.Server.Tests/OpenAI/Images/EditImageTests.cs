using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.Tests.OpenAI.Images;

/// <summary>edit_image end to end: input images, masks, and multi-turn threads across a restart.</summary>
public sealed class EditImageTests
{
    [Fact]
    public async Task EditImage_ThreadAcrossServerRestart_ContinuesAndBranches()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        var first = ImageServer.Structured(await server.CallAsync("generate_image", new() { ["prompt"] = "a house on a hill" }, ct));
        var thread = first.GetProperty("thread").GetString()!;
        var firstResponse = first.GetProperty("images")[0].GetProperty("response_id").GetString()!;

        await server.RestartAsync(ct);
        var threads = ImageServer.Structured(await server.CallAsync("list_image_threads", new(), ct));
        var step2 = ImageServer.Structured(await server.CallAsync("edit_image", new() { ["prompt"] = "make the sky darker", ["thread"] = thread }, ct));
        var branch = ImageServer.Structured(await server.CallAsync("edit_image", new() { ["prompt"] = "add snow", ["thread"] = thread, ["from_step"] = 1 }, ct));

        Assert.Contains(thread, threads.GetRawText());
        var sent = server.Fake.Requests.Where(r => r.Path == "/v1/responses").Select(r => r.Json!["previous_response_id"]?.GetValue<string>() ?? "").ToArray();
        Assert.Equal(["", firstResponse, firstResponse], sent);
        Assert.Equal(2, step2.GetProperty("images")[0].GetProperty("step").GetInt32());
        Assert.Equal(3, branch.GetProperty("images")[0].GetProperty("step").GetInt32());
        Assert.Equal(thread, branch.GetProperty("thread").GetString());
        var read = await server.Client.ReadResourceAsync("image://threads/" + thread, cancellationToken: ct);
        Assert.Contains("add snow", ((ModelContextProtocol.Protocol.TextResourceContents)read.Contents[0]).Text);
    }

    [Fact]
    public async Task EditImage_UnknownThread_ToolErrorSaysSoWithSuggestionsAndNoRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        var known = ImageServer.Structured(await server.CallAsync("generate_image", new() { ["prompt"] = "a house on a hill" }, ct)).GetProperty("thread").GetString()!;
        server.Fake.ClearRequests();

        var result = await server.CallAsync("edit_image", new() { ["prompt"] = "make the sky darker", ["thread"] = "thr_9999999999", ["from_step"] = 1 }, ct);

        Assert.True(result.IsError);
        var text = ImageServer.Text(result);
        Assert.Contains("not_found", text);
        Assert.Contains("Unknown image thread 'thr_9999999999'", text);
        Assert.Contains("list_image_threads", text);
        Assert.Contains("leaving out 'thread'", text);
        Assert.DoesNotContain("no image to edit", text);
        Assert.Equal(0, server.Fake.RequestCount());
        Assert.Contains(known, ImageServer.Structured(await server.CallAsync("list_image_threads", new(), ct)).GetRawText());
    }

    [Fact]
    public async Task EditImage_SeveralImagesAndMaskOnImagesApi_SendsEveryFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        var a = server.Folder.Combine("a.png");
        var b = server.Folder.Combine("b.png");
        var mask = server.Folder.Combine("mask.png");
        await File.WriteAllBytesAsync(a, FakeImages.Create("a", 64, 64), ct);
        await File.WriteAllBytesAsync(b, FakeImages.Create("b", 32, 32), ct);
        await File.WriteAllBytesAsync(mask, FakeImages.Create("m", 64, 64, transparent: true), ct);

        var result = ImageServer.Structured(await server.CallAsync("edit_image", new()
        {
            ["prompt"] = "combine them", ["images"] = new[] { a, b }, ["mask"] = mask, ["n"] = 2, ["input_fidelity"] = "high",
        }, ct));

        Assert.Equal("images_api", result.GetProperty("api").GetString());
        Assert.Equal(2, result.GetProperty("images").GetArrayLength());
        var request = server.Fake.Requests.Single(r => r.Path == "/v1/images/edits");
        Assert.Equal(2, request.Files.Count(f => f.FieldName == "image[]"));
        Assert.Single(request.Files, f => f.FieldName == "mask");
        Assert.Equal("high", request.FormField("input_fidelity"));
    }

    [Fact]
    public async Task EditImage_EarlierResultById_IsUsedAsInput()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        var generated = ImageServer.Structured(await server.CallAsync("generate_image", new() { ["prompt"] = "a cup", ["n"] = 2 }, ct));
        var id = generated.GetProperty("images")[0].GetProperty("id").GetString()!;
        var path = generated.GetProperty("images")[0].GetProperty("path").GetString()!;

        ImageServer.Structured(await server.CallAsync("edit_image", new() { ["prompt"] = "make it blue", ["images"] = new[] { id }, ["n"] = 2 }, ct));

        var sent = server.Fake.Requests.Single(r => r.Path == "/v1/images/edits").Files.Single(f => f.FieldName == "image[]");
        Assert.Equal(await File.ReadAllBytesAsync(path, ct), sent.Content);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("image://images/../../secret.png")]
    [InlineData("openai-image-..-x.png")]
    [InlineData("na\u0000me.png")]
    public async Task EditImage_PathEscapesAndNonImages_AreRejectedWithoutARequest(string reference)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);

        var result = await server.CallAsync("edit_image", new() { ["prompt"] = "x", ["images"] = new[] { reference } }, ct);

        Assert.True(result.IsError);
        Assert.Contains("invalid_argument", ImageServer.Text(result));
        Assert.Equal(0, server.Fake.RequestCount());
    }

    [Fact]
    public async Task ReadResource_PathEscape_IsNotServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        await File.WriteAllBytesAsync(server.Folder.Combine("openai-image-secret.png"), FakeImages.Create("s", 4, 4), ct);

        await Assert.ThrowsAnyAsync<Exception>(() => server.Client.ReadResourceAsync("image://images/../openai-image-secret.png", cancellationToken: ct).AsTask());
    }
}
