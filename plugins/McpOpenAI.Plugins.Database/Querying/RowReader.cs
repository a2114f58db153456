using System.Data.Common;

namespace McpOpenAI.Plugins.Database.Querying;

/// <summary>Reads at most a given number of rows from a data reader and notes whether more were there.</summary>
internal static class RowReader
{
    public static async Task<(IReadOnlyList<string> Columns, List<object?[]> Rows, bool Truncated)> ReadAsync(
        DbDataReader reader, int maxRows, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == maxRows)
            {
                truncated = true;
                break;
            }
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
                row[i] = DbValues.ToPlain(reader.IsDBNull(i) ? null : reader.GetValue(i));
            rows.Add(row);
        }
        return (columns, rows, truncated);
    }
}
