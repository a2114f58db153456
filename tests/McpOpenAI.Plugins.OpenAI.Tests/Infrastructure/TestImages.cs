using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;

/// <summary>Small real images written to a temporary folder.</summary>
internal sealed class TestImages : IDisposable
{
    public TestImages() => Folder = Directory.CreateTempSubdirectory("mcp-openai-images-").FullName;

    public string Folder { get; }

    public static byte[] Png => FakeImages.Create("test", 8, 8);

    public static string PngDataUri => "data:image/png;base64," + Convert.ToBase64String(Png);

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp.
        }
    }
}
