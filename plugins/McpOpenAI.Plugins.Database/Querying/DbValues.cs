using System.Globalization;

namespace McpOpenAI.Plugins.Database.Querying;

/// <summary>Turns database values into values that serialize to plain, readable JSON.</summary>
internal static class DbValues
{
    private const int MaxTextLength = 2000;

    public static object? ToPlain(object? value) => value switch
    {
        null or DBNull => null,
        string s => s.Length > MaxTextLength ? s[..MaxTextLength] + "…" : s,
        bool or byte or short or int or long or float or double or decimal => value,
        sbyte or ushort or uint or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        byte[] bytes => $"<blob, {bytes.Length} bytes>",
        Guid g => g.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(v => ToText(ToPlain(v)))) + "]",
        _ => value.ToString(),
    };

    public static string ToText(object? plain) => plain switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => plain.ToString() ?? string.Empty,
    };
}
