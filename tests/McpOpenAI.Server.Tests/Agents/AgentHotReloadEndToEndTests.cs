using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Agents;

/// <summary>Agents are files: a new file while the server runs is a new tool, announced with list_changed.</summary>
public sealed class AgentHotReloadEndToEndTests
{
    [Fact]
    public async Task AgentFileAdded_WhileRunning_ClientIsNotifiedAndCanCallIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AgentServer.StartAsync(ct, "ask_database.agent.yaml");
        Assert.Contains(await server.Client.ListToolsAsync(cancellationToken: ct), t => t.Name == "ask_database");
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = server.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });

        File.WriteAllText(Path.Combine(server.AgentsFolder, "haiku.agent.yaml"), """
            description: Writes a haiku about a table in the database.
            input_variables:
              - name: table
                description: The table.
            instructions: Write one haiku about the table the user names. Look at it first.
            tools: [Database.describe_table]
            """);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
        var tool = (await server.Client.ListToolsAsync(cancellationToken: ct)).Single(t => t.Name == "haiku");
        Assert.Equal("Writes a haiku about a table in the database.", tool.Description);
        Assert.Equal(["session", "table", "wait_seconds"], tool.ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        server.Fake.ChatHandler = _ => FakeChatReply.FromText("Rows of customers / …");

        var result = AgentServer.Structured(await server.CallAsync("haiku", new() { ["table"] = "customers" }, ct));

        Assert.Equal("Rows of customers / …", result.GetProperty("answer").GetString());
        Assert.Equal(["describe_table"], server.Fake.ChatRequests[^1].Tools.Select(t => t.Name));
        Assert.Equal("customers", server.Fake.ChatRequests[^1].LastUserText);
    }
}
