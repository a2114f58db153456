using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.OpenAI.Tests.Images;

/// <summary>edit_image with a thread: an unknown, empty or unusable thread is a tool error before any request.</summary>
public sealed class EditImageThreadTests : IDisposable
{
    private const string Empty = "thr_ffffffffff";
    private readonly string _root = Directory.CreateTempSubdirectory("edit-thread-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("thr_9999999999", null)]
    [InlineData("thr_9999999999", 1)]
    [InlineData("not-a-thread", null)]
    public async Task EditImage_UnknownThread_NotFoundAndNoRequest(string thread, int? fromStep)
    {
        await using var context = await PluginContext.StartAsync();
        var image = await WriteImageAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() => Functions(context).EditImageAsync("darker", images: [image], thread: thread, fromStep: fromStep, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Contains("Unknown image thread", error.Message);
        Assert.DoesNotContain("no image to edit", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Theory]
    [InlineData(null, 1, "images", "has no images yet")]
    [InlineData("gpt-image-1", 2, "n", "a thread step makes one image")]
    [InlineData("dall-e-2", 1, "model", "Responses API")]
    public async Task EditImage_ThreadStepThatCannotBe_InvalidArgumentAndNoRequest(string? model, int n, string argument, string expected)
    {
        await using var context = await PluginContext.StartAsync();
        ThreadTargetTests.Seed(_root, Empty);
        string[] images = argument == "images" ? [] : [await WriteImageAsync()];

        var error = await Assert.ThrowsAsync<FunctionException>(() => Functions(context).EditImageAsync("darker", images: images, thread: Empty, model: model, n: n, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains($"'{argument}'", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Fact]
    public async Task EditImage_ThreadWithoutStepsAndAnImage_EditsItAsTheThreadsFirstStep()
    {
        await using var context = await PluginContext.StartAsync();
        ThreadTargetTests.Seed(_root, Empty);

        var output = await Functions(context).EditImageAsync("darker", images: [await WriteImageAsync()], thread: Empty, cancellationToken: Ct);

        var result = Assert.IsType<ImageResult>(output.Value);
        Assert.Equal(Empty, result.Thread);
        var request = Assert.Single(context.Server.Requests, r => r.Path == "/v1/responses");
        Assert.Null(request.Json!["previous_response_id"]);
        var step = Assert.Single(new ImageThreadStore(new AppPaths(dataFolder: _root), TimeProvider.System).Get(Empty)!.Steps);
        Assert.Equal((1, (int?)null), (step.Step, step.Parent));
    }

    private ImageFunctions Functions(PluginContext context)
    {
        var services = new ServiceCollection()
            .AddSingleton(new AppPaths(outputFolder: Path.Combine(_root, "out"), dataFolder: _root))
            .AddSingleton(context.Factory)
            .BuildServiceProvider();
        return new ImageFunctions(services);
    }

    private async Task<string> WriteImageAsync()
    {
        var path = Path.Combine(_root, "in.png");
        await File.WriteAllBytesAsync(path, FakeImages.Create("in", 64, 64), Ct);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
