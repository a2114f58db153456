namespace McpOpenAI.Plugins.Research.Tests;

/// <summary>A temporary corpus folder and data folder, deleted on dispose.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Root = Directory.CreateTempSubdirectory("research-tests-").FullName;
        Corpus = Path.Combine(Root, "corpus");
        Data = Path.Combine(Root, "data");
        Directory.CreateDirectory(Corpus);
    }

    public string Root { get; }

    public string Corpus { get; }

    public string Data { get; }

    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Corpus, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public DocumentFunctions Functions(ResearchOptions? options = null)
    {
        options ??= new ResearchOptions();
        options.CorpusPath ??= Corpus;
        return new DocumentFunctions(options, Data);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp.
        }
    }
}
