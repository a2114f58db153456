using System.Globalization;
using System.Text.Json;
using McpOpenAI.Plugins.Database.Results;
using McpOpenAI.SemanticKernel;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using PluginApps.Tests.Infrastructure;

namespace PluginApps.Tests;

/// <summary>
/// The model asks for a plugin function and gets its result, in each kind of app: Semantic Kernel's auto function
/// calling, Microsoft.Extensions.AI's FunctionInvokingChatClient, and an Agent Framework ChatClientAgent.
/// </summary>
public sealed class FunctionCallingTests(SampleDataFolder data)
{
    private const string Question = "How many customers does the company have?";
    private const string Sql = "SELECT COUNT(*) AS customers FROM customers";
    private const string Answer = "The company has that many customers.";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task SemanticKernel_FunctionChoiceBehaviorAuto_RunsTheFunctionThroughTheKernelsFilters()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var filter = new RecordingFilter();
        var builder = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(TestApp.Model, app.OpenAI.BaseUri, app.OpenAI.ApiKey)
            .AddMcpOpenAIPlugins(app.Configuration);
        builder.Services.AddSingleton<IFunctionInvocationFilter>(filter);
        var kernel = builder.Build();
        // The OpenAI connector names a kernel function Plugin-function.
        ScriptToolCall(app, "Database-run_query", "call_sk");

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var answer = await kernel.InvokePromptAsync(Question, new(settings), cancellationToken: Cancellation);

        Assert.Equal(Answer, answer.ToString());
        Assert.Contains(app.OpenAI.ChatRequests[0].Tools, t => t.Name == "Database-run_query");
        Assert.Contains("Database.run_query", filter.Invoked);
        await AssertResultReachedModelAsync(app, kernel, "call_sk");
    }

    [Fact(Timeout = 120_000)]
    public async Task FunctionInvokingChatClient_RunsTheFunctionWithoutTheKernelsFilters()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.Database).Build();
        var filter = new RecordingFilter();
        kernel.FunctionInvocationFilters.Add(filter);
        using var client = app.CreateChatClient().AsBuilder().UseFunctionInvocation().Build();
        // AsAIFunctions clones each function bound to this kernel, named Plugin_function.
        var options = new ChatOptions { Tools = [.. kernel.Plugins[McpOpenAIPlugins.Database].AsAIFunctions(kernel)] };
        ScriptToolCall(app, "Database_run_query", "call_meai");

        var response = await client.GetResponseAsync(Question, options, Cancellation);

        Assert.Equal(Answer, response.Text);
        Assert.Contains(app.OpenAI.ChatRequests[0].Tools, t => t.Name == "Database_run_query");
        // Invoked as an AIFunction, a kernel function skips the kernel's filters; kernel.InvokeAsync runs them.
        Assert.Empty(filter.Invoked);
        await AssertResultReachedModelAsync(app, kernel, "call_meai");
        Assert.Equal(["Database.run_query"], filter.Invoked);
    }

    [Fact(Timeout = 120_000)]
    public async Task ChatClientAgent_RunsTheFunction()
    {
        await using var app = await TestApp.StartAsync(data, Cancellation);
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration).Build();
        AIAgent agent = new ChatClientAgent(app.CreateChatClient(),
            instructions: "You answer questions about the company from its database.",
            name: "analyst",
            tools: [.. kernel.Plugins.SelectMany(p => p.AsAIFunctions(kernel))]);
        ScriptToolCall(app, "Database_run_query", "call_agent");

        var response = await agent.RunAsync(Question, cancellationToken: Cancellation);

        Assert.Equal(Answer, response.Text);
        var first = app.OpenAI.ChatRequests[0];
        Assert.Contains("from its database", Assert.Single(first.Messages, m => m.Role is "system" or "developer").Text, StringComparison.Ordinal);
        Assert.Equal(kernel.Plugins.Sum(p => p.FunctionCount), first.Tools.Count);
        await AssertResultReachedModelAsync(app, kernel, "call_agent");
    }

    // The model first asks for the query, then answers.
    private static void ScriptToolCall(TestApp app, string tool, string callId)
    {
        app.OpenAI.ChatReplies.Enqueue(FakeChatReply.FromToolCall(tool, new { sql = Sql }, callId));
        app.OpenAI.ChatReplies.Enqueue(FakeChatReply.FromText(Answer));
    }

    // The second request carries the function's result for the call, as the server's JSON (snake_case), with the real count.
    private static async Task AssertResultReachedModelAsync(TestApp app, Kernel kernel, string callId)
    {
        var requests = app.OpenAI.ChatRequests;
        Assert.Equal(2, requests.Count);
        var tool = Assert.Single(requests[1].Messages, m => m.Role == "tool");
        Assert.Equal(callId, tool.ToolCallId);
        using var result = JsonDocument.Parse(tool.Text);
        Assert.Equal(["customers"], result.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, result.RootElement.GetProperty("row_count").GetInt32());

        var direct = await kernel.InvokeAsync(McpOpenAIPlugins.Database, "run_query", new() { ["sql"] = Sql }, Cancellation);
        var customers = Convert.ToInt64(direct.GetValue<QueryResult>()!.Rows[0][0], CultureInfo.InvariantCulture);
        Assert.True(customers > 0);
        Assert.Equal(customers, result.RootElement.GetProperty("rows")[0][0].GetInt64());
    }
}
