using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.Services;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>Runs the server program as a plain command (list, invoke, a bad configuration) and captures its output.</summary>
internal static class ProcessRunner
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Outcome> RunAsync(TempFolder folder, IDictionary<string, string?> environment, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = ServerProcess.StartInfo();
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in new[] { "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT" })
            start.Environment.Remove(name);
        foreach (var (key, value) in ServerProcess.IsolatedEnvironment(folder).Concat(environment))
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }
        var outcome = await ProcessCommand.RunAsync(start, TimeSpan.FromSeconds(60), ct);
        return new Outcome(outcome.ExitCode, outcome.StandardOutput, outcome.StandardError);
    }
}
