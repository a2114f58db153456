using Npgsql;
using StackExchange.Redis;

namespace McpOpenAI.Kernel.State;

/// <summary>
/// The state several instances share when they serve one team: <c>State:PostgreSQL</c> (an Npgsql connection string)
/// for the stores' rows, <c>State:Redis</c> (a StackExchange.Redis configuration string) for rate-limit counters,
/// resumable event streams and the response cache. With neither, every store keeps its embedded default (a SQLite file
/// or memory) and nothing here connects anywhere. Connections are made at first use, with short connect timeouts, and
/// a server that cannot be reached is an error naming the setting, never its value.
/// </summary>
public sealed class SharedState : IAsyncDisposable
{
    /// <summary>The setting that names the PostgreSQL database.</summary>
    public const string PostgreSQLSetting = "State:PostgreSQL";

    /// <summary>The setting that names the Redis server.</summary>
    public const string RedisSetting = "State:Redis";

    private const int DefaultConnectTimeoutSeconds = 5;
    private readonly Lazy<NpgsqlDataSource>? _postgreSql;
    private readonly Lazy<StateDatabase>? _database;
    private readonly ConfigurationOptions? _redisOptions;
    private readonly Lazy<Task<IConnectionMultiplexer>>? _redis;

    /// <summary>Reads the two settings; empty means not configured.</summary>
    /// <exception cref="ArgumentException">A setting is not a valid connection string (the message names the setting only).</exception>
    public SharedState(string? postgreSql, string? redis)
    {
        if (!string.IsNullOrWhiteSpace(postgreSql))
        {
            var connectionString = PostgreSQLConnectionString(postgreSql);
            _postgreSql = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(connectionString));
            _database = new Lazy<StateDatabase>(() => StateDatabase.PostgreSQL(_postgreSql.Value));
        }
        if (!string.IsNullOrWhiteSpace(redis))
        {
            _redisOptions = RedisOptions(redis);
            _redis = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(_redisOptions, TextWriter.Null).ConfigureAwait(false));
        }
    }

    /// <summary>Nothing shared: the embedded defaults.</summary>
    public static SharedState Embedded { get; } = new(null, null);

    /// <summary>Whether <c>State:PostgreSQL</c> is set.</summary>
    public bool HasPostgreSQL => _database is not null;

    /// <summary>Whether <c>State:Redis</c> is set.</summary>
    public bool HasRedis => _redis is not null;

    /// <summary>The Redis server's endpoints (host and port only), for messages.</summary>
    public string RedisEndpoints => _redisOptions is null ? "" : string.Join(", ", _redisOptions.EndPoints.Select(e => e.ToString()));

    /// <summary>The shared PostgreSQL database when configured, else the SQLite file at <paramref name="sqlitePath"/>.</summary>
    public StateDatabase Database(string sqlitePath) => _database?.Value ?? StateDatabase.Sqlite(sqlitePath);

    /// <summary>The shared connection to Redis (it reconnects by itself).</summary>
    /// <exception cref="InvalidOperationException"><c>State:Redis</c> is not set.</exception>
    public Task<IConnectionMultiplexer> RedisAsync() =>
        (_redis ?? throw new InvalidOperationException($"{RedisSetting} is not set.")).Value;

    /// <summary>
    /// Connects to what is configured and fails with a message naming the setting when a server cannot be reached or
    /// used, so a misconfigured instance stops at start instead of failing call after call.
    /// </summary>
    /// <exception cref="InvalidOperationException">A configured server cannot be reached.</exception>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_database is not null)
        {
            try
            {
                await _database.Value.CheckAsync(new StateSchema("check", "", "SELECT 1"), cancellationToken).ConfigureAwait(false);
            }
            catch (Errors.FunctionException ex) when (ex.Code == Errors.ErrorCodes.StateUnavailable)
            {
                throw new InvalidOperationException($"{ex.Message} {ex.Suggestions[0]}", ex);
            }
        }
        if (_redis is not null)
        {
            var redis = await RedisAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (StateErrors.IsRedisUnavailable(ex))
            {
                var error = StateErrors.Redis(ex);
                throw new InvalidOperationException($"{error.Message.TrimEnd('.')} at {RedisEndpoints}. {error.Suggestions[0]}", ex);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgreSql is { IsValueCreated: true })
            await _postgreSql.Value.DisposeAsync().ConfigureAwait(false);
        if (_redis is { IsValueCreated: true } && _redis.Value.IsCompletedSuccessfully)
            await _redis.Value.Result.DisposeAsync().ConfigureAwait(false);
    }

    private static string PostgreSQLConnectionString(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"{PostgreSQLSetting} is not a valid Npgsql connection string (Host=…;Database=…;Username=…).");
        }
        // A server that does not answer must fail a call in seconds, not after Npgsql's default 15 s connect timeout.
        if (builder.Timeout == new NpgsqlConnectionStringBuilder().Timeout)
            builder.Timeout = DefaultConnectTimeoutSeconds;
        builder.ApplicationName ??= "mcp-openai";
        return builder.ConnectionString;
    }

    private static ConfigurationOptions RedisOptions(string value)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(value);
        }
        catch (Exception ex) when (ex is ArgumentException or RedisConnectionException or FormatException)
        {
            throw new ArgumentException($"{RedisSetting} is not a valid StackExchange.Redis configuration string (host:port,password=…).");
        }
        // Never block start or a call on a server that is down: connect in the background, fail commands at once meanwhile.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (!value.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
            options.ConnectTimeout = DefaultConnectTimeoutSeconds * 1000;
        if (!value.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
            options.SyncTimeout = DefaultConnectTimeoutSeconds * 1000;
        if (!value.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
            options.AsyncTimeout = DefaultConnectTimeoutSeconds * 1000;
        options.ClientName ??= "mcp-openai";
        return options;
    }
}
