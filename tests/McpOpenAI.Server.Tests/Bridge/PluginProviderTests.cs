using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestPlugins;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Bridge;

public sealed class PluginProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Through the real loading path: the test plugin assembly named in Server:PluginAssemblies.
    private static Task<InProcessServer> StartAsync() => InProcessServer.StartAsync(
        [$"--Server:PluginAssemblies:0={typeof(ExtrasProvider).Assembly.Location}"], cancellationToken: Ct);

    [Fact]
    public async Task ListTools_ProviderFunctionWithHandWrittenSchema_SchemaPassesThroughUntouched()
    {
        await using var server = await StartAsync();

        var tools = await server.Client.ListToolsAsync(cancellationToken: Ct);

        var tool = Assert.Single(tools, t => t.Name == "place_label");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(HandWrittenSchemaFunction.SchemaJson), JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())),
            tool.ProtocolTool.InputSchema.GetRawText());
    }

    [Fact]
    public async Task CallTool_ProviderFunction_RunsThroughTheKernel()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallToolAsync("place_label", new Dictionary<string, object?> { ["label"] = "here" }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("label=here", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task GetPrompt_MessageWithImageAndResources_BecomesOneBlockPerContent()
    {
        await using var server = await StartAsync();

        var prompt = await server.Client.GetPromptAsync("review_material", new Dictionary<string, object?> { ["topic"] = "poster" }, cancellationToken: Ct);

        Assert.Collection(prompt.Messages,
            m => Assert.Equal("Review this poster:", Assert.IsType<TextContentBlock>(m.Content).Text),
            m =>
            {
                var image = Assert.IsType<ImageContentBlock>(m.Content);
                Assert.Equal("image/png", image.MimeType);
                Assert.Equal(RichPromptFunction.Png, image.DecodedData.ToArray());
            },
            m =>
            {
                var text = Assert.IsType<TextResourceContents>(Assert.IsType<EmbeddedResourceBlock>(m.Content).Resource);
                Assert.Equal(("test://note", "text/plain", "A note."), (text.Uri, text.MimeType, text.Text));
            },
            m =>
            {
                var blob = Assert.IsType<BlobResourceContents>(Assert.IsType<EmbeddedResourceBlock>(m.Content).Resource);
                Assert.Equal("test://raw", blob.Uri);
                Assert.Equal(new byte[] { 1, 2, 3 }, blob.DecodedData.ToArray());
            },
            m =>
            {
                Assert.Equal(Role.Assistant, m.Role);
                Assert.Equal("Understood.", Assert.IsType<TextContentBlock>(m.Content).Text);
            });
        Assert.All(prompt.Messages.Take(4), m => Assert.Equal(Role.User, m.Role));
    }

    [Fact]
    public async Task CallTool_PromptWithRichContent_ReturnsTheSameBlocksAsATool()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallToolAsync("review_material", new Dictionary<string, object?> { ["topic"] = "poster" }, cancellationToken: Ct);

        Assert.Equal(["text", "image", "resource", "resource", "text"], result.Content.Select(c => c.Type));
    }
}
