using System.Globalization;
using System.Text;
using McpOpenAI.Plugins.Database.Results;

namespace McpOpenAI.Plugins.Database.Querying;

/// <summary>Writes the compact schema text an agent puts into its prompt.</summary>
internal static class SchemaSummaryWriter
{
    public static string Write(string database, string dialect, IReadOnlyList<TableDescription> tables, int totalTables, IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Database: {database} (dialect: {dialect})\n");
        foreach (var table in tables)
        {
            var rows = table.RowCount is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " rows" : "rows unknown";
            var kind = table.Type == "view" ? "view, " : "";
            var columns = string.Join(", ", table.Columns.Select(c => $"{c.Name} {c.Type}{(c.PrimaryKey ? " PK" : "")}".TrimEnd()));
            text.Append(CultureInfo.InvariantCulture, $"- {table.Name} ({kind}{rows}): {columns}");
            if (table.ForeignKeys.Count > 0)
            {
                var keys = table.ForeignKeys.Select(k => $"{string.Join("+", k.Columns)} → {k.ReferencedTable}.{string.Join("+", k.ReferencedColumns)}");
                text.Append("; FK ").AppendJoin(", ", keys);
            }
            text.Append('\n');
        }
        if (totalTables > tables.Count)
            text.Append(CultureInfo.InvariantCulture, $"(and {totalTables - tables.Count} more tables; call list_tables)\n");
        foreach (var note in notes)
            text.Append("Note: ").Append(note).Append('\n');
        return text.ToString();
    }
}
