using System.Net.Sockets;
using McpOpenAI.Kernel.Errors;
using Npgsql;
using StackExchange.Redis;

namespace McpOpenAI.Kernel.State;

/// <summary>
/// Turns a shared store that cannot be reached into a tool error naming the setting — never the connection string, which
/// may hold a password.
/// </summary>
public static class StateErrors
{
    /// <summary>Whether <paramref name="exception"/> says the PostgreSQL server cannot be reached or used (rather than a bad statement).</summary>
    public static bool IsPostgreSQLUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("3D", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException or TimeoutException or SocketException or IOException => true,
        _ => false,
    };

    /// <summary>Whether <paramref name="exception"/> says the Redis server cannot be reached.</summary>
    public static bool IsRedisUnavailable(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or SocketException or TimeoutException;

    /// <summary>The tool error for a PostgreSQL server that cannot be reached.</summary>
    public static FunctionException PostgreSQL(Exception exception) => new(ErrorCodes.StateUnavailable,
        $"The shared state database ({SharedState.PostgreSQLSetting}) cannot be reached: {Reason(exception)}.",
        [$"Check that the PostgreSQL server is running and that {SharedState.PostgreSQLSetting} points at it, then try again."], exception);

    /// <summary>The tool error for a Redis server that cannot be reached.</summary>
    public static FunctionException Redis(Exception exception) => new(ErrorCodes.StateUnavailable,
        $"The shared state server ({SharedState.RedisSetting}) cannot be reached: {(exception is RedisConnectionException c ? $"no connection ({c.FailureType})" : "it did not answer in time")}.",
        [$"Check that the Redis server is running and that {SharedState.RedisSetting} points at it, then try again."], exception);

    // Npgsql's messages name the host and port at most; the innermost socket error says why.
    private static string Reason(Exception exception)
    {
        var text = exception is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : exception.Message.TrimEnd('.');
        var inner = exception.InnerException;
        while (inner?.InnerException is not null)
            inner = inner.InnerException;
        return inner is SocketException or IOException or TimeoutException ? $"{text} ({inner.Message.TrimEnd('.')})" : text;
    }
}
