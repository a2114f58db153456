using System.Text.Json;
using McpOpenAI.Server.Tests.Agents;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static McpOpenAI.Server.Tests.Agents.ScriptedModel;

namespace McpOpenAI.Server.Tests.McpServers;

/// <summary>
/// Other MCP servers as agent tools, end to end: the real server runs a second copy of itself over stdio as the
/// configured server 'Inner' (and a server whose command does not exist as 'Broken'); an agent file names Inner's tools.
/// </summary>
public sealed class McpServerToolsForAgentsTests
{
    [Fact]
    public async Task Agent_ToolsOfAnotherServerOverStdio_AreCalledAndTheirFailuresAreClear()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Agents/stats.agent.yaml", """
            name: stats
            description: Measures a text with another server's tools.
            input_variables:
              - name: text
            instructions: Measure the text with the tools.
            tools: [Inner.text_stats, Inner.run_query]
            """);
        folder.Write("prompts/Agents/broken.agent.yaml", "instructions: Use the tools.\ntools: [Broken]\n");
        await using var fake = await FakeOpenAIServer.StartAsync(ct);
        await using var server = await StartAsync(folder, fake, ct);

        // The other server connects in the background: its tools arrive after the server's own, named after it, for
        // agents only; this server's own tools keep their names, and its clients are offered none of the other's.
        await WaitForToolAsync(server.Client, "inner_text_stats", ct);
        var offered = await server.Client.ListToolsAsync(cancellationToken: ct);
        Assert.Contains(offered, t => t.Name == "text_stats");
        Assert.DoesNotContain(offered, t => t.Name.StartsWith("inner_", StringComparison.Ordinal));
        var direct = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await server.Client.CallToolAsync("inner_text_stats", new Dictionary<string, object?> { ["text"] = "a b" }, cancellationToken: ct));
        Assert.Contains("Unknown tool", direct.Message, StringComparison.Ordinal);
        var status = AgentServer.Structured(await server.Client.CallToolAsync("prompt_status", cancellationToken: ct));
        var broken = Assert.Single(status.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString()!.Contains("'Broken'", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(broken.GetRawText());
        Assert.Contains("could not be started", broken.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("no-such-program", broken.GetProperty("message").GetString(), StringComparison.Ordinal);

        fake.ChatHandler = Steps(
            _ => Call("inner_run_query", new { sql = "DELETE FROM customers" }),
            _ => Call("inner_text_stats", new { text = "one two three" }),
            _ => FakeChatReply.FromText("Three words."));
        var result = AgentServer.Structured(await server.Client.CallToolAsync("stats", new Dictionary<string, object?> { ["text"] = "one two three" }, cancellationToken: ct));

        Assert.Equal("Three words.", result.GetProperty("answer").GetString());
        var calls = result.GetProperty("tool_calls").EnumerateArray().ToArray();
        Assert.Equal(["inner_run_query", "inner_text_stats"], calls.Select(c => c.GetProperty("name").GetString()));
        Assert.False(calls[0].GetProperty("ok").GetBoolean());
        Assert.Contains("on the MCP server 'Inner' failed", calls[0].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.True(calls[1].GetProperty("ok").GetBoolean());
        var sent = fake.ChatRequests[^1].Messages.Where(m => m.Role == "tool").Select(m => m.Text).ToArray();
        Assert.Equal(3, JsonDocument.Parse(sent[1]).RootElement.GetProperty("words").GetInt32());
        Assert.Equal(["inner_run_query", "inner_text_stats"], fake.ChatRequests[0].Tools.Select(t => t.Name).Order(StringComparer.Ordinal));

        // The server that cannot start gives a clear error to the agent that needs it; everything else works.
        var failed = await server.Client.CallToolAsync("broken", new Dictionary<string, object?> { ["input"] = "x" }, cancellationToken: ct);
        Assert.True(failed.IsError);
        Assert.Contains("MCP server 'Broken'", string.Concat(failed.Content.OfType<TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);
        var time = await server.Client.CallToolAsync("get_current_time", cancellationToken: ct);
        Assert.NotEqual(true, time.IsError);
    }

    [Fact]
    public async Task OtherServerExitsLater_ItsToolsGoWithAClearErrorAndComeBackWhenItRestarts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Agents/stats.agent.yaml", "instructions: Measure the text.\ntools: [Inner.text_stats]\n");
        await using var fake = await FakeOpenAIServer.StartAsync(ct);
        await using var server = await StartAsync(folder, fake, ct);
        await WaitForToolAsync(server.Client, "inner_text_stats", ct);

        InnerServerProcess(folder).Kill();

        await Eventually.WaitAsync(() => !InnerTools(server.Client).Contains("inner_text_stats"), ct, TimeSpan.FromSeconds(30));
        var failed = await server.Client.CallToolAsync("stats", new Dictionary<string, object?> { ["input"] = "x" }, cancellationToken: ct);
        Assert.True(failed.IsError);
        Assert.Contains("it stopped", string.Concat(failed.Content.OfType<TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);
        // It is started again in the background.
        await WaitForToolAsync(server.Client, "inner_text_stats", ct);
    }

    // The copy of the server that the server under test started for 'Inner': the one whose prompts folder is this test's.
    private static System.Diagnostics.Process InnerServerProcess(TempFolder folder)
    {
        var marker = $"Server__PromptsPath={folder.Combine("inner", "prompts")}";
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "environ")).Split('\0').Contains(marker))
                    return System.Diagnostics.Process.GetProcessById(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's process, or one that just ended.
            }
        }
        throw new InvalidOperationException("The inner server process was not found.");
    }

    // The other server's tools as prompt_status lists them (the tool list does not offer them).
    private static string[] InnerTools(McpClient client)
    {
        var status = AgentServer.Structured(client.CallToolAsync("prompt_status").AsTask().GetAwaiter().GetResult());
        return [.. status.GetProperty("functions").EnumerateArray()
            .Where(f => f.GetProperty("plugin").GetString() == "Inner")
            .Select(f => f.GetProperty("function").GetString()!)];
    }

    private static Task<StdioServerSession> StartAsync(TempFolder folder, FakeOpenAIServer fake, CancellationToken ct) =>
        ServerProcess.StartAsync(folder, new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = fake.ApiKey,
            ["OPENAI_BASE_URL"] = fake.BaseUrl,
            ["OpenAI__MaxRetries"] = "0",
            ["Server__DataFolder"] = folder.Combine("state"),
        },
        [
            "--Agents:McpServers:0:Name=Inner",
            "--Agents:McpServers:0:Command=dotnet",
            $"--Agents:McpServers:0:Arguments:0={ServerProcess.ServerDll}",
            // The inner server inherits this one's isolated environment; it gets its own folders (and no servers of its own).
            $"--Agents:McpServers:0:Environment:Server__PromptsPath={folder.Combine("inner", "prompts")}",
            $"--Agents:McpServers:0:Environment:Server__DataFolder={folder.Combine("inner", "state")}",
            "--Agents:McpServers:1:Name=Broken",
            $"--Agents:McpServers:1:Command={folder.Combine("no-such-program")}",
        ], cancellationToken: ct);

    private static async Task WaitForToolAsync(McpClient client, string name, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!InnerTools(client).Contains(name))
        {
            Assert.True(DateTime.UtcNow < until, $"The tool '{name}' did not appear.");
            await Task.Delay(250, ct);
        }
    }
}
