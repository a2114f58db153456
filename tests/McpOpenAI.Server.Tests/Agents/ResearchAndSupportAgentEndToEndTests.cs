using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using static McpOpenAI.Server.Tests.Agents.ScriptedModel;

namespace McpOpenAI.Server.Tests.Agents;

/// <summary>The shipped research and support agents through the real server: their tools run on the shipped corpus and the sample company.</summary>
public sealed class ResearchAndSupportAgentEndToEndTests
{
    [Fact]
    public async Task Research_SearchThenRead_ModelReceivesTheRealPolicyAndAnswersWithCitations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AgentServer.StartAsync(ct, "research.agent.yaml");
        string? documentId = null;
        server.Fake.ChatHandler = Steps(
            _ => Call("search_documents", new { query = "refund opened items" }),
            request =>
            {
                // Read the top hit the search really returned.
                using var hits = JsonDocument.Parse(request.Messages[^1].Text);
                documentId = hits.RootElement.GetProperty("hits")[0].GetProperty("id").GetString();
                return Call("read_document", new { path_or_id = documentId });
            },
            _ => FakeChatReply.FromText("Opened items can be returned within the return window [1].\n\nSources:\n[1] Returns and refunds policy"));

        var result = AgentServer.Structured(await server.CallAsync("research", new() { ["question"] = "What does our refund policy say about opened items?" }, ct));

        Assert.Equal("completed", result.GetProperty("stop_reason").GetString());
        Assert.All(result.GetProperty("tool_calls").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean()));
        Assert.Equal("policies/returns-and-refunds", documentId);
        var sent = server.ToolResultsSentInLastRequest();
        Assert.Contains("restocking", sent[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[1]", result.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(["read_document", "search_documents", "web_search"], server.Fake.ChatRequests[0].Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Support_AngryEmail_LooksUpCustomerAndPolicyAndOpensARealTicket()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AgentServer.StartAsync(ct, "support.agent.yaml");
        server.Fake.ChatHandler = Steps(
            _ => Call("get_customer", new { customer_id = 7 }),
            _ => Call("search_kb", new { query = "damaged item return" }),
            _ => Call("create_ticket", new { customer_id = 7, subject = "Damaged tent on arrival", description = "Customer reports a torn tent and asks for a refund.", priority = "high" }),
            _ => FakeChatReply.FromText("I'm sorry about the tent. I've opened a ticket and our team will follow up within one business day."));

        var result = AgentServer.Structured(await server.CallAsync("support", new()
        {
            ["message"] = "This is the THIRD time I'm writing! The tent arrived torn. I want my money back NOW.",
            ["customer"] = "7",
        }, ct));

        Assert.All(result.GetProperty("tool_calls").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean()));
        var sent = server.ToolResultsSentInLastRequest();
        using var customer = JsonDocument.Parse(sent[0]);
        Assert.Equal(7, customer.RootElement.GetProperty("customer_id").GetInt64());
        Assert.NotEmpty(JsonDocument.Parse(sent[1]).RootElement.GetProperty("hits").EnumerateArray());
        var ticketId = JsonDocument.Parse(sent[2]).RootElement.GetProperty("ticket_id").GetInt64();

        // The ticket is real: a separate call reads it back from the support database.
        var ticket = AgentServer.Structured(await server.CallAsync("get_ticket", new() { ["ticket_id"] = ticketId }, ct));
        Assert.Equal("Damaged tent on arrival", ticket.GetProperty("subject").GetString());
        Assert.Equal("high", ticket.GetProperty("priority").GetString());
        Assert.Equal(7, ticket.GetProperty("customer_id").GetInt64());
    }
}
