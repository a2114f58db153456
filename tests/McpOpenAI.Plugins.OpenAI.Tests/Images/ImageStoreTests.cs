using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Images;

public sealed class ImageStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("image-store-").FullName;

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("image://images/../x.png")]
    [InlineData("openai-image-a/../../b.png")]
    [InlineData("..")]
    public void TryResolve_EscapingReference_ReturnsNull(string reference)
    {
        var store = Store();
        File.WriteAllBytes(Path.Combine(_root, "x.png"), FakeImages.Create("x", 2, 2));

        Assert.Null(store.TryResolve(reference));
    }

    [Fact]
    public async Task SaveAsync_WritesImageAndMetadataAtomically_AndResolvesById()
    {
        var store = Store();

        var saved = await store.SaveAsync(FakeImages.Create("a", 8, 8), new ImageMetadata { Prompt = "p" }, "../../evil name", TestContext.Current.CancellationToken);

        Assert.Equal(store.Folder, Path.GetDirectoryName(saved.Path));
        Assert.Matches(@"^openai-image-\d{8}-\d{6}-[a-f0-9]{10}-evil-name\.png$", saved.Name);
        Assert.True(File.Exists(Path.ChangeExtension(saved.Path, ".json")));
        Assert.Equal(saved.Path, store.TryResolve(saved.Uri));
        Assert.Empty(Directory.GetFiles(store.Folder, "*.tmp"));
        Assert.Equal("p", store.ReadMetadata(saved.Path)!.Prompt);
    }

    [Fact]
    public async Task ReadAsync_UnknownOrEscapingUri_ReturnsNull()
    {
        var store = Store();
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await store.ReadAsync("image://images/../../etc/passwd", ct));
        Assert.Null(await store.ReadAsync("file:///etc/passwd", ct));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ImageStore Store() => new(new AppPaths(outputFolder: Path.Combine(_root, "out"), dataFolder: _root), TimeProvider.System);
}
