using McpOpenAI.Server.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Prompts;

/// <summary>Editing prompt files while the real server runs changes its tools and prompts and tells the client.</summary>
public sealed class HotReloadEndToEndTests
{
    [Fact]
    public async Task PromptFile_AddedEditedRenamedDeleted_ToolsFollowAndClientIsNotified()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: ct);
        var toolChanges = 0;
        var promptChanges = 0;
        await using var tools = server.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            Interlocked.Increment(ref toolChanges);
            return ValueTask.CompletedTask;
        });
        await using var prompts = server.Client.RegisterNotificationHandler(NotificationMethods.PromptListChangedNotification, (_, _) =>
        {
            Interlocked.Increment(ref promptChanges);
            return ValueTask.CompletedTask;
        });

        // Add, once the server has loaded (the initial load itself announces nothing).
        await WaitForTools(server.Client, names => names.Contains("greet"), ct);
        folder.Write("prompts/Greeter/shout.yaml", PromptFiles.Shout);
        await WaitForTools(server.Client, names => names.Contains("shout"), ct);
        // The list can show the tool before the client's thread pool has run the notification handlers.
        await Eventually.WaitAsync(() => Volatile.Read(ref toolChanges) > 0 && Volatile.Read(ref promptChanges) > 0, ct);

        // Edit: the description changes.
        folder.Write("prompts/Greeter/shout.yaml", PromptFiles.Shout.Replace("Repeats a text loudly.", "Repeats a text VERY loudly.", StringComparison.Ordinal));
        await WaitFor(async () => (await server.Client.ListToolsAsync(cancellationToken: ct)).Single(t => t.Name == "shout").Description == "Repeats a text VERY loudly.", ct);

        // Rename: the file's name is the function's name only for folders; YAML keeps its 'name', so rename to a folder prompt.
        File.Move(folder.Combine("prompts", "Greeter", "shout.yaml"), folder.Combine("prompts", "Greeter", "yell.yaml"));
        File.WriteAllText(folder.Combine("prompts", "Greeter", "yell.yaml"), PromptFiles.Shout.Replace("name: shout", "name: yell", StringComparison.Ordinal));
        await WaitForTools(server.Client, names => names.Contains("yell") && !names.Contains("shout"), ct);

        // Delete.
        File.Delete(folder.Combine("prompts", "Greeter", "yell.yaml"));
        await WaitForTools(server.Client, names => !names.Contains("yell") && names.Contains("greet"), ct);
        Assert.DoesNotContain(await server.Client.ListPromptsAsync(cancellationToken: ct), p => p.Name == "yell");
    }

    [Fact]
    public async Task BrokenPromptFile_IsSkippedWithFileAndLine_OthersKeepWorking()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        folder.Write("prompts/Greeter/broken.yaml", PromptFiles.Broken);
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: ct);

        var names = (await server.Client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToArray();
        var status = await server.Client.CallToolAsync("prompt_status", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.Contains("greet", names);
        Assert.DoesNotContain("broken", names);
        var errors = status.StructuredContent!.Value.GetProperty("errors").EnumerateArray().ToArray();
        var error = Assert.Single(errors);
        Assert.EndsWith("broken.yaml", error.GetProperty("file").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains("colour", error.GetProperty("message").GetString());
        Assert.Contains("broken.yaml", server.Stderr);
    }

    [Fact]
    public async Task BrokenAgentFile_IsReportedByPromptStatus_OtherAgentsKeepWorking()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Agents/helper.agent.yaml", "name: helper\ndescription: Helps.\ninstructions: You help.\ntools: [Utility]\n");
        folder.Write("prompts/Agents/broken.agent.yaml", "name: broken\ndescription: Broken.\nflavour: sour\ninstructions: x\n");
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: ct);

        var names = (await server.Client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToArray();
        var status = (await server.Client.CallToolAsync("prompt_status", new Dictionary<string, object?>(), cancellationToken: ct)).StructuredContent!.Value;

        Assert.Contains("helper", names);
        Assert.DoesNotContain("broken", names);
        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("broken.agent.yaml", error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains(status.GetProperty("functions").EnumerateArray(), f => f.GetProperty("function").GetString() == "helper");
    }

    private static Task WaitForTools(McpClient client, Func<HashSet<string>, bool> condition, CancellationToken ct) =>
        WaitFor(async () => condition((await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet()), ct);

    // Hot reload promises under a second; the bound here is generous so a loaded CI machine does not flake.
    private static async Task WaitFor(Func<Task<bool>> condition, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException("The server did not pick up the prompt-file change.");
            await Task.Delay(100, ct);
        }
    }
}
