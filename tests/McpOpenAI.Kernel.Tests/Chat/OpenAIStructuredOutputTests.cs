using McpOpenAI.Kernel.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIStructuredOutputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AIFunction Lookup = AIFunctionFactory.Create((string city, int? days) => city, "lookup", "Looks a city up.");

    [Fact]
    public async Task GetResponseAsync_StrictFalse_SchemaSentNotStrict()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema<City>(),
            AdditionalProperties = new() { [OpenAIStructuredOutput.StrictKey] = false },
        };

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], options, Ct);

        var schema = Assert.Single(context.Server.ChatRequests).ResponseFormat!["json_schema"]!;
        Assert.False(schema["strict"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetResponseAsync_StrictByDefault_ToolsLeftAsTheyAre()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema<City>(), Tools = [Lookup] };

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], options, Ct);

        var sent = Assert.Single(context.Server.ChatRequests);
        Assert.True(sent.ResponseFormat!["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.Null(Assert.Single(sent.Tools).Strict);
        Assert.Null(options.RawRepresentationFactory);
    }

    [Theory]
    [InlineData("my schema!", "my_schema_")]
    [InlineData(null, "response")]
    public async Task GetResponseAsync_SchemaName_FitsOpenAIsRule(string? name, string sent)
    {
        await using var context = await OpenAITestContext.StartAsync();
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(City));
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, name) };

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], options, Ct);

        Assert.Equal(sent, Assert.Single(context.Server.ChatRequests).ResponseFormat!["json_schema"]!["name"]!.GetValue<string>());
    }

    private sealed record City(string Name, int Population);
}
