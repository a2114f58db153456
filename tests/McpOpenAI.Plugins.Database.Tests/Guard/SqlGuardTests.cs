using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Database.Guard;

namespace McpOpenAI.Plugins.Database.Tests.Guard;

public sealed class SqlGuardTests
{
    [Theory]
    [InlineData("SELECT 1", "SELECT 1")]
    [InlineData("  select 1 ;  ", "select 1")]
    [InlineData("SELECT 1;;", "SELECT 1")]
    [InlineData("SELECT 1; -- done", "SELECT 1")]
    [InlineData("WITH a AS (SELECT 1) SELECT * FROM a", "WITH a AS (SELECT 1) SELECT * FROM a")]
    [InlineData("((SELECT 1))", "((SELECT 1))")]
    [InlineData("SELECT t.update, t.delete FROM t", "SELECT t.update, t.delete FROM t")]
    public void EnsureReadOnly_SingleSelect_ReturnsStatement(string sql, string expected)
    {
        Assert.Equal(expected, SqlGuard.EnsureReadOnly(sql, SqlDialect.Sqlite));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("-- only a comment", "empty")]
    [InlineData(";", "semicolon")]
    [InlineData("SELECT 1; SELECT 2", "more than one statement")]
    [InlineData("EXPLAIN SELECT 1", "not SELECT or WITH")]
    [InlineData("VALUES (1)", "not SELECT or WITH")]
    [InlineData("SELECT 'unterminated", "never closed")]
    [InlineData("SELECT \"unterminated", "never closed")]
    [InlineData("SELECT 1 /* unterminated", "never closed")]
    [InlineData("SELECT 1 /* /* nested */ */", "nested")]
    [InlineData("SELECT * FROM t FOR UPDATE", "UPDATE")]
    [InlineData("SELECT a INTO b FROM c", "INTO")]
    public void EnsureReadOnly_Refused_SaysWhy(string sql, string reason)
    {
        var error = Assert.Throws<FunctionException>(() => SqlGuard.EnsureReadOnly(sql, SqlDialect.Sqlite));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(reason, error.Message);
        Assert.NotEmpty(error.Suggestions);
    }

    [Theory]
    // PostgreSQL reads E'\'' as one string holding a quote, so the DELETE below is a real second statement.
    [InlineData("SELECT E'\\'' ; DELETE FROM t; SELECT '")]
    // PostgreSQL nests comments: the quote sits inside the comment and the DELETE is live.
    [InlineData("SELECT 1 /* /* */ ' */ ; DELETE FROM t; -- '")]
    [InlineData("SELECT $a$ x $a$; DELETE FROM t")]
    [InlineData("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")]
    [InlineData("SELECT pg_read_file('/etc/passwd')")]
    [InlineData("SELECT pg_catalog.pg_read_file('/etc/passwd')")]
    [InlineData("SELECT \"pg_read_file\"('/etc/passwd')")]
    [InlineData("SELECT pg_terminate_backend(1)")]
    [InlineData("SELECT set_config('default_transaction_read_only', 'off', false)")]
    [InlineData("SELECT lo_import('/etc/passwd')")]
    [InlineData("SELECT * FROM dblink('host=x', 'DELETE FROM t') AS r(x int)")]
    [InlineData("SELECT query_to_xml('DELETE FROM t', true, true, '')")]
    [InlineData("SELECT pg_advisory_lock(1)")]
    [InlineData("SELECT nextval('s')")]
    [InlineData("COPY t TO PROGRAM 'rm -rf /'")]
    [InlineData("SELECT 1; SET default_transaction_read_only = off")]
    [InlineData("DO $$ BEGIN DELETE FROM t; END $$")]
    [InlineData("SELECT 1; COMMIT; DELETE FROM t")]
    public void EnsureReadOnly_PostgresTricks_Refused(string sql)
    {
        var error = Assert.Throws<FunctionException>(() => SqlGuard.EnsureReadOnly(sql, SqlDialect.Postgres));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }

    [Theory]
    [InlineData("SELECT $$;DELETE FROM t$$ AS s")]
    [InlineData("SELECT $tag$ ; DROP TABLE t; $tag$")]
    [InlineData("SELECT E'it\\'s; DELETE' AS s")]
    [InlineData("SELECT 'a\\' AS s")]
    [InlineData("SELECT x::text, arr[1] FROM t WHERE y = $1")]
    [InlineData("SELECT date_trunc('quarter', now()) - INTERVAL '3 months'")]
    public void EnsureReadOnly_PostgresHarmless_Allowed(string sql)
    {
        Assert.True(SqlGuard.TryCheck(sql, SqlDialect.Postgres, out _, out var reason), reason);
    }

    [Fact]
    public void EnsureReadOnly_BracketIdentifiers_AreSqliteOnly()
    {
        Assert.True(SqlGuard.TryCheck("SELECT [a;b] FROM t", SqlDialect.Sqlite, out _, out _));
        Assert.False(SqlGuard.TryCheck("SELECT [a;b] FROM t", SqlDialect.Postgres, out _, out _));
    }
}
