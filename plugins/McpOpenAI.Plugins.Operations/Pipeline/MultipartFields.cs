using System.Text;

namespace McpOpenAI.Plugins.Operations.Pipeline;

/// <summary>The text fields of a <c>multipart/form-data</c> body (files are skipped), enough to read a model and a prompt.</summary>
internal sealed class MultipartFields
{
    private readonly Dictionary<string, string> _fields;

    private MultipartFields(Dictionary<string, string> fields) => _fields = fields;

    public string? Get(string name) => _fields.TryGetValue(name, out var value) ? value : null;

    public static MultipartFields Parse(byte[] body, string contentType)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var boundary = Boundary(contentType);
        if (boundary is null) return new MultipartFields(fields);
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.AsSpan();
        var start = span.IndexOf(delimiter);
        while (start >= 0)
        {
            var rest = span[(start + delimiter.Length)..];
            var next = rest.IndexOf(delimiter);
            if (next < 0) break;
            var part = rest[..next];
            var headerEnd = part.IndexOf("\r\n\r\n"u8);
            if (headerEnd > 0)
            {
                var headers = Encoding.UTF8.GetString(part[..headerEnd]);
                if (!headers.Contains("filename=", StringComparison.OrdinalIgnoreCase) && Name(headers) is { } name)
                {
                    var value = part[(headerEnd + 4)..];
                    if (value.EndsWith("\r\n"u8)) value = value[..^2];
                    fields.TryAdd(name, Encoding.UTF8.GetString(value));
                }
            }
            span = rest;
            start = next;
        }
        return new MultipartFields(fields);
    }

    private static string? Boundary(string contentType)
    {
        foreach (var piece in contentType.Split(';', StringSplitOptions.TrimEntries))
        {
            if (piece.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
                return piece["boundary=".Length..].Trim('"');
        }
        return null;
    }

    private static string? Name(string headers)
    {
        var at = headers.IndexOf("name=\"", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var from = at + "name=\"".Length;
        var end = headers.IndexOf('"', from);
        return end < 0 ? null : headers[from..end];
    }
}
