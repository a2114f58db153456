using System.Text.Json;
using McpOpenAI.ConformanceFixtures;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestPlugins;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Bridge;

public sealed class UserInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<InProcessServer> StartAsync(Func<ElicitRequestParams?, ElicitResult>? answer) => InProcessServer.StartAsync(
        [$"--Server:PluginAssemblies:0={typeof(ExtrasProvider).Assembly.Location}"],
        answer is null ? null : new McpClientOptions
        {
            Handlers = new McpClientHandlers { ElicitationHandler = (request, _) => ValueTask.FromResult(answer(request)) },
        },
        s => s.AddPlugin<ConformancePlugin>("Conformance"), Ct);

    private static string TextOf(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    [Fact]
    public async Task CallTool_ClientAcceptsForm_FunctionGetsTheValuesAndClientSeesTheSchema()
    {
        ElicitRequestParams? asked = null;
        await using var server = await StartAsync(request =>
        {
            asked = request;
            return new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement>
                {
                    ["name"] = JsonSerializer.SerializeToElement("Grace"),
                    ["size"] = JsonSerializer.SerializeToElement("large"),
                    ["count"] = JsonSerializer.SerializeToElement(3),
                },
            };
        });

        var result = await server.Client.CallToolAsync("ask_user", cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("accepted: count=3, name=\"Grace\", size=\"large\"", TextOf(result));
        Assert.Equal("Who are you?", asked!.Message);
        var schema = JsonSerializer.SerializeToElement(asked.RequestedSchema, ModelContextProtocol.McpJsonUtilities.DefaultOptions);
        var size = schema.GetProperty("properties").GetProperty("size");
        Assert.Equal(["small", "large"], size.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("small", size.GetProperty("default").GetString());
        Assert.Equal(2, schema.GetProperty("properties").GetProperty("count").GetProperty("default").GetInt32());
        Assert.Equal(["name"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("decline", "not accepted: Decline")]
    [InlineData("cancel", "not accepted: Cancel")]
    public async Task CallTool_ClientDeclinesOrCancels_FunctionSeesTheAction(string action, string expected)
    {
        await using var server = await StartAsync(_ => new ElicitResult { Action = action });

        var result = await server.Client.CallToolAsync("ask_user", cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(expected, TextOf(result));
    }

    [Fact]
    public async Task CallTool_ClientWithoutElicitation_ReturnsUserInputUnavailableError()
    {
        await using var server = await StartAsync(answer: null);

        var result = await server.Client.CallToolAsync("ask_user", cancellationToken: Ct);

        Assert.True(result.IsError);
        Assert.StartsWith("Error (user_input_unavailable): This function needs to ask you for input", TextOf(result));
    }

    [Fact]
    public async Task CallTool_PluginMethodTakingUserInput_GetsItBoundAndHidesItFromTheSchema()
    {
        await using var server = await StartAsync(_ => new ElicitResult
        {
            Action = "accept",
            Content = new Dictionary<string, JsonElement> { ["username"] = JsonSerializer.SerializeToElement("u"), ["email"] = JsonSerializer.SerializeToElement("e@x") },
        });

        var tool = Assert.Single(await server.Client.ListToolsAsync(cancellationToken: Ct), t => t.Name == "test_elicitation");
        var result = await server.Client.CallToolAsync("test_elicitation", new Dictionary<string, object?> { ["message"] = "Hi" }, cancellationToken: Ct);

        Assert.Equal(["message"], tool.ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("""User response: action=accept, content={"username":"u","email":"e@x"}""", TextOf(result));
    }
}
