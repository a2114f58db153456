using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Server.Cli;

/// <summary><c>mcp-openai list</c>: plugins, their functions (with tool names and parameters), and prompt-file errors.</summary>
internal static class ListCommand
{
    public static async Task<int> RunAsync(KernelHost host, IReadOnlyList<string> promptErrors, TextWriter output)
    {
        var tools = ToolNaming.Assign(host.Plugins);
        foreach (var group in tools.GroupBy(t => t.Plugin))
        {
            await output.WriteLineAsync($"{group.Key.Name}  — {group.Key.Description}".TrimEnd(' ', '—')).ConfigureAwait(false);
            foreach (var tool in group)
            {
                var traits = tool.Function.GetTraits(tool.Plugin);
                var flags = string.Join(",", new[] { traits.ReadOnly == true ? "read-only" : null, traits.Destructive == true ? "destructive" : null, traits.OpenWorld == true ? "open-world" : null }.OfType<string>());
                await output.WriteLineAsync($"  {tool.ToolName}({Parameters(ToolSchema.Of(tool.Function, tool.Plugin).InputSchema)}){(flags.Length > 0 ? $" [{flags}]" : "")}").ConfigureAwait(false);
                await output.WriteLineAsync($"      {tool.Function.Description}").ConfigureAwait(false);
            }
        }
        if (promptErrors.Count > 0)
        {
            await output.WriteLineAsync($"\nPrompt-file errors ({promptErrors.Count}):").ConfigureAwait(false);
            foreach (var error in promptErrors)
                await output.WriteLineAsync($"  {error}").ConfigureAwait(false);
        }
        return 0;
    }

    private static string Parameters(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var props))
            return "";
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        return string.Join(", ", props.EnumerateObject().Select(p => required.Contains(p.Name) ? p.Name : p.Name + "?"));
    }
}
