namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>A temporary prompts folder, deleted on dispose.</summary>
internal sealed class PromptTestFolder : IDisposable
{
    public PromptTestFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mcpopenai-prompts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
