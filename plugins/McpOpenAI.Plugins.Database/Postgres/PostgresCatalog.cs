using McpOpenAI.Plugins.Database.Results;
using Npgsql;

namespace McpOpenAI.Plugins.Database.Postgres;

/// <summary>Reads tables, columns, keys and indexes from the PostgreSQL system catalog.</summary>
internal static class PostgresCatalog
{
    public static async Task<List<PostgresTable>> TablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.oid, n.nspname, c.relname, CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
              AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY CASE WHEN c.relkind IN ('v', 'm') THEN 1 ELSE 0 END, n.nspname <> 'public', n.nspname, c.relname
            """;
        var command = new NpgsqlCommand(sql, connection);
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var tables = new List<PostgresTable>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            tables.Add(new PostgresTable(reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return tables;
    }

    public static async Task<Dictionary<uint, List<ColumnInfo>>> ColumnsAsync(NpgsqlConnection connection, uint[] oids, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid),
                   EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey))
            FROM pg_catalog.pg_attribute a
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = ANY (@oids) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;
        var command = new NpgsqlCommand(sql, connection);
        await using var commandDisposal = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("oids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Oid, oids);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var columns = new Dictionary<uint, List<ColumnInfo>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var oid = reader.GetFieldValue<uint>(0);
            if (!columns.TryGetValue(oid, out var list))
                columns[oid] = list = [];
            list.Add(new ColumnInfo(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5)));
        }
        return columns;
    }

    public static async Task<List<ForeignKeyInfo>> ForeignKeysAsync(NpgsqlConnection connection, uint oid, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT
              ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[],
              CASE WHEN rn.nspname = 'public' THEN r.relname ELSE rn.nspname || '.' || r.relname END,
              ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[]
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class r ON r.oid = con.confrelid
            JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
            WHERE con.conrelid = @oid AND con.contype = 'f'
            ORDER BY con.conname
            """;
        var command = new NpgsqlCommand(sql, connection);
        await using var commandDisposal = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("oid", NpgsqlTypes.NpgsqlDbType.Oid, oid);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var keys = new List<ForeignKeyInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            keys.Add(new ForeignKeyInfo(reader.GetFieldValue<string[]>(0), reader.GetString(1), reader.GetFieldValue<string[]>(2)));
        return keys;
    }

    public static async Task<List<IndexInfo>> IndexesAsync(NpgsqlConnection connection, uint oid, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT ic.relname, i.indisunique,
              ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)::text[]
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = @oid
            ORDER BY ic.relname
            """;
        var command = new NpgsqlCommand(sql, connection);
        await using var commandDisposal = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("oid", NpgsqlTypes.NpgsqlDbType.Oid, oid);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var indexes = new List<IndexInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            indexes.Add(new IndexInfo(reader.GetString(0), reader.GetFieldValue<string[]>(2), reader.GetBoolean(1)));
        return indexes;
    }
}
