using System.Text.Json.Nodes;
using McpOpenAI.Server.Tests.Jobs;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpOpenAI.Server.Tests.Team;

/// <summary>
/// Two instances on one PostgreSQL and one Redis serve as one: what a client starts through the balancer or on one
/// instance continues, or is read, on the other.
/// </summary>
[Collection(TeamCollection.Name)]
public sealed class SharedStateTests(TeamFixture team)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImageThread_StartedOnOne_ContinuesOnTheOther()
    {
        team.SkipIfUnavailable();
        var a = await team.ConnectAsync(team.A.Endpoint, Ct);
        var b = await team.ConnectAsync(team.B.Endpoint, Ct);

        var first = TeamFixture.Structured(await TeamFixture.CallAsync(a, "generate_image", new() { ["prompt"] = "a lighthouse at dusk" }, Ct));
        var thread = first.GetProperty("thread").GetString()!;
        var firstResponse = first.GetProperty("images")[0].GetProperty("response_id").GetString()!;
        var next = TeamFixture.Structured(await TeamFixture.CallAsync(b, "edit_image", new() { ["prompt"] = "add a storm", ["thread"] = thread }, Ct));

        Assert.Equal(thread, next.GetProperty("thread").GetString());
        Assert.Equal(2, next.GetProperty("images")[0].GetProperty("step").GetInt32());
        var continued = team.Fake.Requests.Last(r => r.Path == "/v1/responses");
        Assert.Equal(firstResponse, continued.Json!["previous_response_id"]?.GetValue<string>());
        var listed = TeamFixture.Text(await TeamFixture.CallAsync(a, "list_image_threads", new(), Ct));
        Assert.Contains("add a storm", listed);
    }

    [Fact]
    public async Task Ticket_CreatedThroughTheBalancer_IsReadOnEachInstance()
    {
        team.SkipIfUnavailable();
        var balanced = await team.ConnectAsync(team.Balancer.Endpoint, Ct);

        var created = TeamFixture.Structured(await TeamFixture.CallAsync(balanced, "create_ticket", new()
        {
            ["customer_id"] = 1, ["subject"] = "Tent pole snapped", ["description"] = "Second night out.", ["priority"] = "normal",
        }, Ct));
        var id = created.GetProperty("ticket_id").GetInt64();

        foreach (var instance in team.Instances)
        {
            var client = await team.ConnectAsync(instance.Endpoint, Ct);
            var read = TeamFixture.Structured(await TeamFixture.CallAsync(client, "get_ticket", new() { ["ticket_id"] = id }, Ct));
            Assert.Equal("Tent pole snapped", read.GetProperty("subject").GetString());
            var customer = TeamFixture.Structured(await TeamFixture.CallAsync(client, "get_customer", new() { ["customer_id"] = 1 }, Ct));
            Assert.Contains(customer.GetProperty("tickets").EnumerateArray(), t => t.GetProperty("ticket_id").GetInt64() == id);
        }
        var escalated = TeamFixture.Structured(await TeamFixture.CallAsync(await team.ConnectAsync(team.B.Endpoint, Ct), "escalate",
            new() { ["ticket_id"] = id, ["reason"] = "Customer asks for a refund over $500" }, Ct));
        Assert.Equal(2, escalated.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task AgentSession_StartedOnOne_ContinuesOnTheOther()
    {
        team.SkipIfUnavailable();
        var a = await team.ConnectAsync(team.A.Endpoint, Ct);
        var b = await team.ConnectAsync(team.B.Endpoint, Ct);
        team.Fake.ChatHandler = _ => FakeChatReply.FromText("We have many customers.");
        try
        {
            var first = TeamFixture.Structured(await TeamFixture.CallAsync(a, "ask_database", new() { ["question"] = "How many customers?" }, Ct));
            var session = first.GetProperty("session").GetString();
            team.Fake.ChatHandler = _ => FakeChatReply.FromText("Still many.");
            var second = TeamFixture.Structured(await TeamFixture.CallAsync(b, "ask_database", new() { ["question"] = "And now?", ["session"] = session }, Ct));

            Assert.Equal(session, second.GetProperty("session").GetString());
            var messages = team.Fake.ChatRequests[^1].Messages;
            Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.Role));
            Assert.Equal("How many customers?", messages[1].Text);
            Assert.Equal("We have many customers.", messages[2].Text);
        }
        finally
        {
            team.Fake.ChatHandler = null;
        }
    }

    [Fact]
    public async Task Job_StartedOnOne_IsFetchedOnTheOther()
    {
        team.SkipIfUnavailable();
        var a = await team.ConnectAsync(team.A.Endpoint, Ct);
        var b = await team.ConnectAsync(team.B.Endpoint, Ct);
        team.Fake.Faults.Enqueue("chat/completions", FakeFault.Latency(TimeSpan.FromSeconds(4)));

        var started = await TeamFixture.CallAsync(a, "chat", new() { ["messages"] = new[] { new { role = "user", content = "Write a long poem." } }, ["wait_seconds"] = 1 }, Ct);
        var job = JobAssert.Running(started);
        var listed = TeamFixture.Structured(await TeamFixture.CallAsync(b, "list_jobs", new(), Ct));
        var done = await TeamFixture.CallAsync(b, "get_job", JobAssert.Get(job, 30), Ct);

        Assert.Contains(listed.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("job").GetString() == job);
        Assert.True(done.IsError != true, TeamFixture.Text(done));
        Assert.False(done.StructuredContent is { } s && s.TryGetProperty("job", out _), TeamFixture.Text(done));
    }

    [Fact]
    public async Task TokenLimit_HoldsAcrossBothInstances()
    {
        team.SkipIfUnavailable();
        var a = await team.ConnectAsync(team.A.Endpoint, Ct, TeamFixture.LimitedToken);
        var b = await team.ConnectAsync(team.B.Endpoint, Ct, TeamFixture.LimitedToken);
        var stats = new Dictionary<string, object?> { ["text"] = "one two three" };

        var allowed = new List<CallToolResult>();
        for (var i = 0; i < TeamFixture.LimitedPerMinute; i++)
            allowed.Add(await TeamFixture.CallAsync(i % 2 == 0 ? a : b, "text_stats", stats, Ct));
        var overOnA = await TeamFixture.CallAsync(a, "text_stats", stats, Ct);
        var overOnB = await TeamFixture.CallAsync(b, "text_stats", stats, Ct);

        Assert.All(allowed, r => Assert.True(r.IsError != true, TeamFixture.Text(r)));
        foreach (var refused in new[] { overOnA, overOnB })
        {
            Assert.True(refused.IsError == true);
            Assert.StartsWith("Error (rate_limited):", TeamFixture.Text(refused));
            Assert.Contains($"{TeamFixture.LimitedPerMinute} calls a minute", TeamFixture.Text(refused));
        }
    }

    [Fact]
    public async Task Usage_RecordedOnBoth_IsReportedByEither()
    {
        team.SkipIfUnavailable();
        var a = await team.ConnectAsync(team.A.Endpoint, Ct);
        var b = await team.ConnectAsync(team.B.Endpoint, Ct);

        var before = EmbedRequests(Totals(await TeamFixture.CallAsync(a, "get_usage", new() { ["group_by"] = "tool" }, Ct)));
        await TeamFixture.CallAsync(a, "embed", new() { ["texts"] = new[] { "usage on a" } }, Ct);
        await TeamFixture.CallAsync(b, "embed", new() { ["texts"] = new[] { "usage on b" } }, Ct);
        // Each instance stores a call's usage just after answering it (UsageLedger queues the write), so B's record may reach
        // the shared store a moment after A reads: both must agree within a bounded wait.
        string fromA, fromB;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            fromA = Totals(await TeamFixture.CallAsync(a, "get_usage", new() { ["group_by"] = "tool" }, Ct));
            fromB = Totals(await TeamFixture.CallAsync(b, "get_usage", new() { ["group_by"] = "tool" }, Ct));
        }
        while ((fromA != fromB || EmbedRequests(fromA) < before + 2) && DateTime.UtcNow < until);

        Assert.Equal(fromA, fromB);
        Assert.Equal(before + 2, EmbedRequests(fromA));
    }

    [Fact]
    public async Task ResponseCache_AnswerCachedOnOne_ServesTheOther_AndStreamEventsAreInRedis()
    {
        team.SkipIfUnavailable();
        var a = await team.ConnectAsync(team.A.Endpoint, Ct);
        var b = await team.ConnectAsync(team.B.Endpoint, Ct);
        var question = new Dictionary<string, object?>
        {
            ["messages"] = new[] { new { role = "user", content = $"Name a colour ({Guid.NewGuid():N})." } }, ["temperature"] = 0,
        };

        var before = team.Fake.RequestCount("chat/completions");
        var first = TeamFixture.Text(await TeamFixture.CallAsync(a, "chat", question, Ct));
        var second = TeamFixture.Text(await TeamFixture.CallAsync(b, "chat", question, Ct));

        Assert.Equal(before + 1, team.Fake.RequestCount("chat/completions"));
        Assert.Equal(first, second);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(team.Redis.Configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        Assert.NotEmpty(server.Keys(pattern: "mcpopenai:cache:*").Take(1));
        Assert.NotEmpty(server.Keys(pattern: "mcpopenai:events:*").Take(1));
    }

    // The report without its time window, which each call takes at its own moment.
    private static int EmbedRequests(string totals) =>
        JsonNode.Parse(totals)!["by_tool"]?["embed"]?["requests"]?.GetValue<int>() ?? 0;

    private static string Totals(CallToolResult result)
    {
        var report = JsonNode.Parse(TeamFixture.Structured(result).GetRawText())!.AsObject();
        report.Remove("since");
        report.Remove("until");
        return report.ToJsonString();
    }

    [Fact]
    public async Task Logs_HoldNoPasswordTokenOrConnectionString()
    {
        team.SkipIfUnavailable();
        var client = await team.ConnectAsync(team.Balancer.Endpoint, Ct);
        await TeamFixture.CallAsync(client, "text_stats", new() { ["text"] = "hello" }, Ct);

        Assert.All(team.Instances, i => Assert.Contains("Shared state: PostgreSQL (State:PostgreSQL), Redis at 127.0.0.1:", i.Log));
        team.AssertNoSecretLogged(team.Instances);
    }
}
