using System.Runtime.CompilerServices;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>Paths in the source tree (tests run from an artifacts folder elsewhere).</summary>
internal static class RepositoryPaths
{
    public static string PromptsFolder => Path.Combine(Root(), "prompts");

    private static string Root([CallerFilePath] string here = "")
    {
        var directory = Path.GetDirectoryName(here);
        while (directory is not null && !File.Exists(Path.Combine(directory, "McpOpenAI.sln")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
