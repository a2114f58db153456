using System.Diagnostics;
using McpOpenAI.Server.Security;
using McpOpenAI.Server.Tests.EndToEnd;
using McpOpenAI.Server.Tests.Http;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.Services;

namespace McpOpenAI.Server.Tests.Team;

/// <summary>
/// A PostgreSQL or Redis that cannot be reached: at start the server stops with a message naming the setting (never the
/// password); during a call the call is a clear state_unavailable tool error, in seconds, and the next call after the
/// server is back works.
/// </summary>
[Collection(TeamCollection.Name)]
public sealed class StateFaultTests(TeamFixture team)
{
    private const string Password = "never-print-me-8c1e";
    private const string Token = "fault-token-51ad";
    private const string FreeToken = "free-token-0b93";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("State__PostgreSQL", "Host=127.0.0.1;Port={0};Username=mcp;Password=" + Password + ";Database=team", "State:PostgreSQL")]
    [InlineData("State__Redis", "127.0.0.1:{0},password=" + Password, "State:Redis")]
    public async Task Start_StateUnreachable_StopsNamingTheSettingNotThePassword(string variable, string value, string setting)
    {
        team.SkipIfUnavailable();
        using var folder = new TempFolder();
        var clock = Stopwatch.StartNew();

        var outcome = await ProcessRunner.RunAsync(folder, new Dictionary<string, string?>
        {
            [variable] = string.Format(System.Globalization.CultureInfo.InvariantCulture, value, FreePort.Next()),
            ["Server__DataFolder"] = folder.Combine("state"),
        }, ["--http", "http://127.0.0.1:0/mcp"], Ct);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"mcp-openai: The shared state", outcome.StandardError);
        Assert.Contains($"({setting}) cannot be reached", outcome.StandardError);
        Assert.DoesNotContain(Password, outcome.StandardError + outcome.StandardOutput);
        Assert.Empty(outcome.StandardOutput.Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Call_PostgresGoneAndBack_ClearToolErrorInSeconds_ThenWorksAgain()
    {
        team.SkipIfUnavailable();
        await using var postgres = await PostgresServer.StartAsync(Ct);
        await using var server = await HttpTestServer.StartAsync([$"--State:PostgreSQL={postgres.ConnectionString};Password={Password}"], cancellationToken: Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);
        var ticket = new Dictionary<string, object?> { ["customer_id"] = 3, ["subject"] = "Lamp flickers", ["description"] = "Since the update.", ["priority"] = "low" };
        var id = TeamFixture.Structured(await client.CallToolAsync("create_ticket", ticket, cancellationToken: Ct)).GetProperty("ticket_id").GetInt64();

        await postgres.StopAsync();
        var clock = Stopwatch.StartNew();
        var failed = await client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["ticket_id"] = id }, cancellationToken: Ct);
        var took = clock.Elapsed;
        await postgres.StartAgainAsync(Ct);
        var again = await client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["ticket_id"] = id }, cancellationToken: Ct);

        Assert.True(failed.IsError == true, TeamFixture.Text(failed));
        Assert.StartsWith("Error (state_unavailable): The shared state database (State:PostgreSQL) cannot be reached", TeamFixture.Text(failed));
        Assert.DoesNotContain(Password, TeamFixture.Text(failed));
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took}");
        Assert.Equal("Lamp flickers", TeamFixture.Structured(again).GetProperty("subject").GetString());
        TestContext.Current.TestOutputHelper?.WriteLine($"PostgreSQL gone: the call failed in {took.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Call_RedisGone_LimitedCallIsAClearToolErrorInSeconds_UnlimitedCallStillWorks()
    {
        team.SkipIfUnavailable();
        await using var redis = await RedisServer.StartAsync(team.RedisProgram, Password, Ct);
        await using var server = await HttpTestServer.StartAsync(
        [
            $"--State:Redis={redis.Configuration}", "--Http:Tokens:0:Name=fault", $"--Http:Tokens:0:Sha256={TokenHasher.Hash(Token)}",
            "--Http:Tokens:0:RequestsPerMinute=100", "--Http:Tokens:1:Name=free", $"--Http:Tokens:1:Sha256={TokenHasher.Hash(FreeToken)}",
        ], cancellationToken: Ct);
        var client = await server.ConnectAsync(Token, cancellationToken: Ct);
        var free = await server.ConnectAsync(FreeToken, cancellationToken: Ct);
        var stats = new Dictionary<string, object?> { ["text"] = "one two" };
        var before = await client.CallToolAsync("text_stats", stats, cancellationToken: Ct);

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();
        var failed = await client.CallToolAsync("text_stats", stats, cancellationToken: Ct);
        var took = clock.Elapsed;
        // Its stream's events cannot be kept for resumption meanwhile; the call itself does not depend on that.
        var unlimited = await free.CallToolAsync("text_stats", stats, cancellationToken: Ct);

        Assert.True(unlimited.IsError != true, TeamFixture.Text(unlimited));
        Assert.True(before.IsError != true, TeamFixture.Text(before));
        Assert.True(failed.IsError == true, TeamFixture.Text(failed));
        Assert.StartsWith("Error (state_unavailable): The shared state server (State:Redis) cannot be reached", TeamFixture.Text(failed));
        Assert.DoesNotContain(Password, TeamFixture.Text(failed));
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took}");
        TestContext.Current.TestOutputHelper?.WriteLine($"Redis gone: the call failed in {took.TotalMilliseconds:0} ms");
    }
}
