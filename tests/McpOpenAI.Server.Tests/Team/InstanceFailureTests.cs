using System.Diagnostics;
using McpOpenAI.Server.Tests.Jobs;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol;

namespace McpOpenAI.Server.Tests.Team;

/// <summary>
/// One of two stateless instances behind a round-robin balancer is killed while a client keeps calling: every call it
/// answered (tickets, a finished job) is still read on the other, and the client goes on through the balancer without
/// a restart.
/// </summary>
[Collection(TeamCollection.Name)]
public sealed class InstanceFailureTests(TeamFixture team)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InstanceKilledMidRun_EveryAcknowledgedTicketIsReadOnTheOther_AndTheClientContinues()
    {
        team.SkipIfUnavailable();
        var (doomed, survivor, balancer) = await team.StartPairAsync("c", "d", stateless: true, Ct);
        var client = await team.ConnectAsync(balancer.Endpoint, Ct);
        // A job the doomed instance ran to its end and reported done.
        var onDoomed = await team.ConnectAsync(doomed.Endpoint, Ct);
        team.Fake.Faults.Enqueue("chat/completions", FakeFault.Latency(TimeSpan.FromSeconds(2)));
        var job = JobAssert.Running(await TeamFixture.CallAsync(onDoomed, "chat",
            new() { ["messages"] = new[] { new { role = "user", content = "A slow answer, please." } }, ["wait_seconds"] = 0 }, Ct));
        var finished = await TeamFixture.CallAsync(onDoomed, "get_job", JobAssert.Get(job, 30), Ct);
        Assert.True(finished.IsError != true, TeamFixture.Text(finished));
        var acknowledged = new List<long>();
        var afterKill = 0;
        var lost = 0;
        Task? kill = null;
        var clock = Stopwatch.StartNew();

        // Two callers at once, so calls are in flight on the instance when it dies.
        async Task CallerAsync(int caller)
        {
            while (afterKill < 20 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    var result = await TeamFixture.CallAsync(client, "create_ticket", new()
                    {
                        ["customer_id"] = 2, ["subject"] = $"Stove valve leaks ({caller})", ["description"] = "Smells of gas.", ["priority"] = "high",
                    }, Ct);
                    var id = TeamFixture.Structured(result).GetProperty("ticket_id").GetInt64();
                    lock (acknowledged)
                    {
                        acknowledged.Add(id);
                        if (kill is not null)
                            afterKill++;
                        else if (acknowledged.Count == 10)
                            kill = doomed.KillAsync();
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or McpException or IOException)
                {
                    Interlocked.Increment(ref lost);
                }
            }
        }
        await Task.WhenAll(CallerAsync(1), CallerAsync(2));
        await kill!;

        Assert.True(doomed.HasExited);
        Assert.True(afterKill >= 20, $"Only {afterKill} calls succeeded after the kill ({lost} failed) in {clock.Elapsed.TotalSeconds:0.0} s.");
        // Only the calls in flight on the instance as it died (or on a kept-alive connection to it) may fail.
        Assert.True(lost <= 6, $"{lost} calls failed around the kill.");
        var direct = await team.ConnectAsync(survivor.Endpoint, Ct);
        var fetched = await TeamFixture.CallAsync(direct, "get_job", JobAssert.Get(job, 0), Ct);
        Assert.Equal(TeamFixture.Text(finished), TeamFixture.Text(fetched));
        foreach (var id in acknowledged)
        {
            var read = TeamFixture.Structured(await TeamFixture.CallAsync(direct, "get_ticket", new() { ["ticket_id"] = id }, Ct));
            Assert.Equal(id, read.GetProperty("ticket_id").GetInt64());
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"kill test: {acknowledged.Count} acknowledged, {lost} lost around the kill, {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
