using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>Reads job statuses and tool errors out of results.</summary>
internal static class JobAssert
{
    /// <summary>Asserts the result is a normal (non-error) status of a running job, whose text says how to fetch the rest; returns its id.</summary>
    public static string Running(CallToolResult result)
    {
        var status = Status(result, "running");
        Assert.Contains("get_job", Text(result));
        return status.GetProperty("job").GetString()!;
    }

    /// <summary>Asserts the result is a normal job status with that status; returns the structured content.</summary>
    public static JsonElement Status(CallToolResult result, string expected)
    {
        Assert.True(result.IsError != true, Text(result));
        var status = result.StructuredContent ?? throw new InvalidOperationException("No structured content: " + Text(result));
        Assert.Equal(expected, status.GetProperty("status").GetString());
        Assert.Matches("^job_[0-9a-f]{24}$", status.GetProperty("job").GetString());
        return status;
    }

    /// <summary>Asserts the result is a tool error with that code; returns its text.</summary>
    public static string Error(CallToolResult result, string code)
    {
        var text = Text(result);
        Assert.True(result.IsError == true, text);
        Assert.StartsWith($"Error ({code}):", text);
        return text;
    }

    /// <summary>get_job's arguments.</summary>
    public static Dictionary<string, object?> Get(string job, int waitSeconds) => new() { ["job"] = job, ["wait_seconds"] = waitSeconds };

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
