using System.Text;

namespace McpOpenAI.Plugins.Database.Querying;

/// <summary>Renders rows as a compact Markdown table that a person or a model can read at a glance.</summary>
internal static class MarkdownTable
{
    private const int MaxCell = 60;

    public static string Render(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, int maxRows = 50)
    {
        if (columns.Count == 0)
            return "(no columns)";
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", columns.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', columns.Select(_ => "---")).Append("|\n");
        foreach (var row in rows.Take(maxRows))
            text.Append("| ").AppendJoin(" | ", row.Select(v => Cell(DbValues.ToText(v)))).Append(" |\n");
        if (rows.Count == 0)
            text.Append("(no rows)\n");
        else if (rows.Count > maxRows)
            text.Append($"({rows.Count - maxRows} more rows in 'rows')\n");
        return text.ToString();
    }

    private static string Cell(string value)
    {
        var flat = value.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");
        return flat.Length > MaxCell ? flat[..(MaxCell - 1)] + "…" : flat;
    }
}
