using System.Text.Json;
using McpOpenAI.Server.Security;
using McpOpenAI.Server.Tests.Agents;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using McpOpenAI.TestKit.Mcp;
using McpOpenAI.TestKit.Services;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Team;

/// <summary>
/// A team as it would run: a real PostgreSQL and Redis (Debian's packages), the fake OpenAI, two stateful
/// <c>mcp-openai --http</c> instances sharing them (each with its own data folder, both on one output folder, as a
/// mounted volume would be) and haproxy in front, sticky on <c>Mcp-Session-Id</c>. Skips only when a package cannot be
/// installed.
/// </summary>
public sealed class TeamFixture : IAsyncLifetime
{
    public const string Token = "team-token-3b1f0c9e";
    public const string LimitedToken = "limited-token-77d2a4f1";
    public const int LimitedPerMinute = 4;
    public const string PostgresPassword = "pg-secret-5e8a1d";
    public const string RedisPassword = "redis-secret-c41f9b";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<McpClient> _clients = [];
    private readonly TempFolder _shared = new();

    public string? SkipReason { get; private set; }

    public string HaproxyProgram { get; private set; } = "";

    public string RedisProgram { get; private set; } = "";

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public FakeOpenAIServer Fake { get; private set; } = null!;

    public TeamInstance A { get; private set; } = null!;

    public TeamInstance B { get; private set; } = null!;

    public Haproxy Balancer { get; private set; } = null!;

    public string PostgresSetting => $"{Postgres.ConnectionString};Password={PostgresPassword}";

    public string OutputFolder => _shared.Combine("out");

    public IEnumerable<TeamInstance> Instances => [A, B];

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
            Assert.Skip(SkipReason);
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var initdb = PostgresServer.FindBinaries()
            ?? (await DebianPackage.FindOrInstallAsync("initdb", "postgresql", cancellationToken: ct) is null ? null : PostgresServer.FindBinaries());
        var redis = await DebianPackage.FindOrInstallAsync("redis-server", RedisServer.Package, cancellationToken: ct);
        var haproxy = await DebianPackage.FindOrInstallAsync("haproxy", "haproxy", cancellationToken: ct);
        var missing = new[] { (initdb, "postgresql"), (redis, "redis-server"), (haproxy, "haproxy") }.Where(p => p.Item1 is null).Select(p => p.Item2).ToList();
        if (missing.Count > 0)
        {
            SkipReason = $"The team tests need Debian's {string.Join(", ", missing)}, which could not be installed here; install with: "
                + DebianPackage.InstallCommand(string.Join(' ', missing));
            return;
        }
        HaproxyProgram = haproxy!;
        RedisProgram = redis!;
        Postgres = Own(await PostgresServer.StartAsync(ct));
        Redis = Own(await RedisServer.StartAsync(RedisProgram, RedisPassword, ct));
        Fake = Own(await FakeOpenAIServer.StartAsync(ct));
        File.Copy(Path.Combine(AgentServer.RepositoryRoot(), "prompts", "Agents", "ask_database.agent.yaml"),
            _shared.Write(Path.Combine("prompts", "Agents", "ask_database.agent.yaml"), ""), overwrite: true);
        (A, B, Balancer) = await StartPairAsync("a", "b", stateless: false, ct);
    }

    /// <summary>What every instance of the team is started with.</summary>
    public Dictionary<string, string?> Environment() => new()
    {
        ["OPENAI_API_KEY"] = Fake.ApiKey,
        ["OPENAI_BASE_URL"] = Fake.BaseUrl,
        ["OpenAI__MaxRetries"] = "0",
        ["Server__PromptsPath"] = _shared.Combine("prompts"),
        ["Server__OutputFolder"] = OutputFolder,
        ["State__PostgreSQL"] = PostgresSetting,
        ["State__Redis"] = Redis.Configuration,
        ["Http__Tokens__0__Name"] = "team",
        ["Http__Tokens__0__Sha256"] = TokenHasher.Hash(Token),
        ["Http__Tokens__1__Name"] = "limited",
        ["Http__Tokens__1__Sha256"] = TokenHasher.Hash(LimitedToken),
        ["Http__Tokens__1__RequestsPerMinute"] = LimitedPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Information",
        // Four server processes at once: configuration reload polls, so they take fewer of the machine's inotify instances.
        ["DOTNET_USE_POLLING_FILE_WATCHER"] = "1",
    };

    /// <summary>Two more instances on the same state, and a balancer for them (sticky for stateful ones, round-robin else).</summary>
    public async Task<(TeamInstance First, TeamInstance Second, Haproxy Balancer)> StartPairAsync(string first, string second, bool stateless, CancellationToken ct)
    {
        var environment = Environment();
        var instances = await Task.WhenAll(
            TeamInstance.StartAsync(first, environment, stateless, ct),
            TeamInstance.StartAsync(second, environment, stateless, ct));
        foreach (var instance in instances)
            Own(instance);
        var balancer = Own(await Haproxy.StartAsync(HaproxyProgram, sticky: !stateless, instances, ct));
        return (instances[0], instances[1], balancer);
    }

    /// <summary>An MCP client over Streamable HTTP with a bearer token; closed with the fixture.</summary>
    public async Task<McpClient> ConnectAsync(Uri endpoint, CancellationToken ct, string token = Token)
    {
        var transport = new SchemaCheckingTransport(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }));
        var client = await McpClient.CreateAsync(transport, cancellationToken: ct);
        lock (_clients)
            _clients.Add(client);
        return client;
    }

    public static async Task<CallToolResult> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken ct) =>
        await client.CallToolAsync(tool, arguments, cancellationToken: ct);

    /// <summary>The structured result of a call that must have succeeded (tools without an output schema answer JSON text).</summary>
    public static JsonElement Structured(CallToolResult result)
    {
        Assert.True(result.IsError != true, Text(result));
        return result.StructuredContent ?? JsonDocument.Parse(result.Content.OfType<TextContentBlock>().First().Text).RootElement;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>Asserts that no instance logged a secret: a password, a token, or the PostgreSQL connection string.</summary>
    public void AssertNoSecretLogged(IEnumerable<TeamInstance> instances)
    {
        foreach (var instance in instances)
        {
            foreach (var secret in new[] { PostgresPassword, RedisPassword, Token, LimitedToken, Fake.ApiKey, Postgres.ConnectionString })
                Assert.DoesNotContain(secret, instance.Log, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                await client.DisposeAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                // Its instance was killed on purpose.
            }
        }
        for (var i = _owned.Count - 1; i >= 0; i--)
            await _owned[i].DisposeAsync();
        _shared.Dispose();
    }

    private T Own<T>(T disposable) where T : IAsyncDisposable
    {
        lock (_owned)
            _owned.Add(disposable);
        return disposable;
    }
}

[CollectionDefinition(Name)]
public sealed class TeamCollection : ICollectionFixture<TeamFixture>
{
    public const string Name = "Team";
}
