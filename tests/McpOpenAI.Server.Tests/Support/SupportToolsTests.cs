using McpOpenAI.Plugins.Database.Sample;
using McpOpenAI.Server.Tests.Infrastructure;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Support;

/// <summary>The support plugin's functions as MCP tools of the real server process, over a small sample company.</summary>
public sealed class SupportToolsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Dictionary<string, string?>> SmallCompanyAsync(TempFolder folder)
    {
        var file = folder.Combine("company", "sample-company.db");
        await SampleDatabase.EnsureCreatedAsync(file, new SampleCompanyGenerator(new DateOnly(2025, 6, 30), scale: 0.05), cancellationToken: Ct);
        return new() { ["Support__CompanyDatabasePath"] = file };
    }

    [Fact]
    public async Task SupportTools_EveryFunction_WorksOverStdio()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder, await SmallCompanyAsync(folder), cancellationToken: Ct);
        var client = server.Client;

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var kb = await client.CallToolAsync("search_kb", new Dictionary<string, object?> { ["query"] = "lost parcel tracking" }, cancellationToken: Ct);
        var order = await client.CallToolAsync("get_order", new Dictionary<string, object?> { ["order_id"] = 5 }, cancellationToken: Ct);
        var customerId = order.StructuredContent!.Value.GetProperty("customer_id").GetInt64();
        var customer = await client.CallToolAsync("get_customer", new Dictionary<string, object?> { ["customer_id"] = customerId }, cancellationToken: Ct);
        var created = await client.CallToolAsync("create_ticket", new Dictionary<string, object?>
        {
            ["customer_id"] = customerId,
            ["subject"] = "Parcel not delivered",
            ["description"] = "No tracking update for 9 business days.",
            ["priority"] = "high",
            ["order_id"] = 5,
        }, cancellationToken: Ct);
        var ticketId = created.StructuredContent!.Value.GetProperty("ticket_id").GetInt64();
        var escalated = await client.CallToolAsync("escalate", new Dictionary<string, object?> { ["ticket_id"] = ticketId, ["reason"] = "Carrier claim needed" }, cancellationToken: Ct);
        var ticket = await client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["ticket_id"] = ticketId }, cancellationToken: Ct);

        Assert.False(tools.Single(t => t.Name == "create_ticket").ProtocolTool.Annotations?.ReadOnlyHint ?? false);
        Assert.True(tools.Single(t => t.Name == "get_order").ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.All(new[] { kb, order, customer, created, escalated, ticket }, r => Assert.NotEqual(true, r.IsError));
        Assert.Equal("policies/shipping-and-delivery", kb.StructuredContent!.Value.GetProperty("hits")[0].GetProperty("article_id").GetString());
        Assert.True(order.StructuredContent!.Value.GetProperty("lines").GetArrayLength() > 0);
        Assert.Equal(customerId, customer.StructuredContent!.Value.GetProperty("customer_id").GetInt64());
        Assert.Equal("tier2", escalated.StructuredContent!.Value.GetProperty("escalation_level").GetString());
        Assert.Equal(2, ticket.StructuredContent!.Value.GetProperty("events").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "mcp-openai", "support.db")));
    }

    [Fact]
    public async Task SupportTools_UnknownIds_NotFoundToolErrors()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder, await SmallCompanyAsync(folder), cancellationToken: Ct);

        var order = await server.Client.CallToolAsync("get_order", new Dictionary<string, object?> { ["order_id"] = 999_999 }, cancellationToken: Ct);
        var customer = await server.Client.CallToolAsync("get_customer", new Dictionary<string, object?> { ["email"] = "ghost@nowhere.example" }, cancellationToken: Ct);
        var ticket = await server.Client.CallToolAsync("create_ticket", new Dictionary<string, object?>
        {
            ["customer_id"] = 999_999, ["subject"] = "s", ["description"] = "d", ["priority"] = "low",
        }, cancellationToken: Ct);
        var escalate = await server.Client.CallToolAsync("escalate", new Dictionary<string, object?> { ["ticket_id"] = 77, ["reason"] = "r" }, cancellationToken: Ct);
        var get = await server.Client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["ticket_id"] = 77 }, cancellationToken: Ct);
        var kb = await server.Client.CallToolAsync("search_kb", new Dictionary<string, object?> { ["query"] = "\"unbalanced" }, cancellationToken: Ct);

        Assert.All(new[] { order, customer, ticket, escalate, get }, r =>
        {
            Assert.True(r.IsError);
            Assert.Contains("not_found", Text(r));
        });
        Assert.Contains("Order ids run from 1 to", Text(order));
        Assert.True(kb.IsError);
        Assert.Contains("invalid_argument", Text(kb));
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
