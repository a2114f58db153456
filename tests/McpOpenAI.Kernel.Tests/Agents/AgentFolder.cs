namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>A scratch folder for agent files and session databases, removed at the end of the test.</summary>
internal sealed class AgentFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("mcpopenai-agents-").FullName;

    public string Write(string relativePath, string yaml)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    // Session stores do not pool connections, so nothing holds the files open by now.
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
