namespace McpOpenAI.Server.Tests.OpenAI.Images;

/// <summary>Every validation rule answers with an error naming the argument, and OpenAI sees no request.</summary>
public sealed class ImageValidationTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "generate_image", """{"prompt":"x","model":"dall-e-3","size":"1536x1024"}""", "size" },
        { "generate_image", """{"prompt":"x","model":"gpt-image-1","size":"1792x1024"}""", "size" },
        { "generate_image", """{"prompt":"x","model":"gpt-image-2","size":"1000x1000"}""", "size" },
        { "generate_image", """{"prompt":"x","model":"dall-e-3","n":2}""", "n" },
        { "generate_image", """{"prompt":"x","n":11}""", "n" },
        { "generate_image", """{"prompt":"x","background":"transparent","output_format":"jpeg"}""", "background" },
        { "generate_image", """{"prompt":"x","output_compression":50}""", "output_compression" },
        { "generate_image", """{"prompt":"x","output_format":"webp","output_compression":101}""", "output_compression" },
        { "generate_image", """{"prompt":"x","model":"dall-e-2","quality":"hd"}""", "quality" },
        { "generate_image", """{"prompt":"x","style":"vivid"}""", "style" },
        { "generate_image", """{"prompt":"x","model":"dall-e-3","background":"opaque"}""", "background" },
        { "generate_image", """{"prompt":"x","partial_images":4}""", "partial_images" },
        { "generate_image", """{"prompt":"x","model":"gpt-4o"}""", "model" },
        { "generate_image", "{\"prompt\":\"" + new string('a', 1001) + "\",\"model\":\"dall-e-2\"}", "prompt" },
        { "generate_image", "{\"prompt\":\"" + new string('a', 4001) + "\",\"model\":\"dall-e-3\"}", "prompt" },
        { "edit_image", """{"prompt":"x"}""", "images" },
        { "edit_image", """{"prompt":"x","model":"dall-e-3","images":["a.png"]}""", "model" },
        { "edit_image", "{\"prompt\":\"x\",\"images\":[" + string.Join(",", Enumerable.Repeat("\"a.png\"", 17)) + "]}", "images" },
        { "edit_image", """{"prompt":"x","images":["notimage.png"]}""", "images" },
        { "edit_image", """{"prompt":"x","images":["a.png"],"mask":"small.png"}""", "mask" },
        { "edit_image", """{"prompt":"x","images":["a.png"],"mask":"a.jpg"}""", "mask" },
        { "edit_image", """{"prompt":"x","thread":"thr_0000000000"}""", "thread" },
        { "create_variations", """{"image":"a.png","n":11}""", "n" },
        { "batch_generate_images", """{"prompts":["ok","fine"],"variants":[{"size":"9x9"}]}""", "size" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Tool_InvalidArgument_ErrorNamesItAndNoRequestIsMade(string tool, string json, string argument)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        await File.WriteAllBytesAsync(server.Folder.Combine("a.png"), TestKit.FakeOpenAI.FakeImages.Create("a", 64, 64), ct);
        await File.WriteAllBytesAsync(server.Folder.Combine("small.png"), TestKit.FakeOpenAI.FakeImages.Create("s", 32, 32), ct);
        await File.WriteAllBytesAsync(server.Folder.Combine("a.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0], ct);
        await File.WriteAllTextAsync(server.Folder.Combine("notimage.png"), "just text", ct);
        var args = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(
            json.Replace("\"a.png\"", Quote("a.png", server)).Replace("\"small.png\"", Quote("small.png", server))
                .Replace("\"a.jpg\"", Quote("a.jpg", server)).Replace("\"notimage.png\"", Quote("notimage.png", server)))!;
        server.Fake.ClearRequests();

        var result = await server.CallAsync(tool, args, ct);

        Assert.True(result.IsError, ImageServer.Text(result));
        var text = ImageServer.Text(result);
        Assert.Contains(argument, text);
        Assert.Equal(0, server.Fake.RequestCount());
    }

    private static string Quote(string name, ImageServer server) => System.Text.Json.JsonSerializer.Serialize(server.Folder.Combine(name));
}
