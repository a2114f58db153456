using System.Text;
using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>One HTTP request the fake received, as it came over the wire.</summary>
public sealed class RecordedRequest
{
    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The path, e.g. <c>/v1/chat/completions</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string including the leading <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The request headers (case-insensitive names; repeated values joined with a comma).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The raw body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The body parsed as JSON, when it was JSON.</summary>
    public JsonNode? Json { get; init; }

    /// <summary>The non-file fields of a multipart or form body.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FormFields { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The files of a multipart body.</summary>
    public IReadOnlyList<RecordedFile> Files { get; init; } = [];

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The <c>OpenAI-Organization</c> header, if sent.</summary>
    public string? Organization => Header("OpenAI-Organization");

    /// <summary>The <c>OpenAI-Project</c> header, if sent.</summary>
    public string? Project => Header("OpenAI-Project");

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first value of a form field, or null.</summary>
    public string? FormField(string name) => FormFields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
