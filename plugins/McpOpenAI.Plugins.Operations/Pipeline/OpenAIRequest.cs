using System.ClientModel.Primitives;
using System.Text.Json;

namespace McpOpenAI.Plugins.Operations.Pipeline;

/// <summary>
/// What the operations policies need to know about one outgoing OpenAI request — the endpoint, the models it names,
/// whether it streams, its prompt texts and a rough token estimate — read once from the request and kept on the message.
/// </summary>
public sealed class OpenAIRequest
{
    private OpenAIRequest(OpenAIRequestKind kind, string method, byte[] body, JsonElement? json, MultipartFields? form)
    {
        Kind = kind;
        Method = method;
        Body = body;
        Json = json;
        Form = form;
        Model = json is { } j ? String(j, "model") : form?.Get("model");
    }

    /// <summary>The endpoint.</summary>
    public OpenAIRequestKind Kind { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The raw body (empty for a GET).</summary>
    public byte[] Body { get; }

    /// <summary>The body as JSON, when it is JSON.</summary>
    public JsonElement? Json { get; }

    /// <summary>The model the request names, when it names one.</summary>
    public string? Model { get; }

    /// <summary>The fields of a multipart body (image edits and variations).</summary>
    internal MultipartFields? Form { get; }

    /// <summary>Moderations and the model list cost nothing.</summary>
    public bool IsFree => Kind is OpenAIRequestKind.Moderations or OpenAIRequestKind.Models;

    /// <summary>True when the answer comes as server-sent events.</summary>
    public bool Stream => Json is { } j ? j.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True : Form?.Get("stream") == "true";

    /// <summary>The image model of a Responses request's <c>image_generation</c> tool (default gpt-image-1), else null.</summary>
    public string? ImageToolModel => ImageTool() is { } tool ? String(tool, "model") ?? "gpt-image-1" : null;

    /// <summary>The size and quality a Responses request's <c>image_generation</c> tool asks for.</summary>
    public (string? Size, string? Quality) ImageToolSettings => ImageTool() is { } tool ? (String(tool, "size"), String(tool, "quality")) : (null, null);

    /// <summary>The size and quality an Images API request asks for.</summary>
    public (string? Size, string? Quality) ImageSettings =>
        Json is { } j ? (String(j, "size"), String(j, "quality")) : (Form?.Get("size"), Form?.Get("quality"));

    /// <summary>Every model whose limits the request counts against: its own and its image tool's.</summary>
    public IReadOnlyList<string> LimitedModels =>
        [.. new[] { Model, ImageToolModel }.OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The request of <paramref name="message"/>, read on first use.</summary>
    public static OpenAIRequest Of(PipelineMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.TryGetProperty(typeof(OpenAIRequest), out var known) && known is OpenAIRequest request)
            return request;
        request = Read(message.Request);
        message.SetProperty(typeof(OpenAIRequest), request);
        return request;
    }

    /// <summary>Reads a request (for tests and tools that hold a raw request).</summary>
    public static OpenAIRequest Read(PipelineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Array.Empty<byte>();
        if (request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer);
            body = buffer.ToArray();
        }
        var contentType = request.Headers.TryGetValue("Content-Type", out var type) ? type ?? "" : "";
        return Create(KindOf(request.Method, request.Uri?.AbsolutePath ?? ""), request.Method, body, contentType);
    }

    /// <summary>A request from its parts.</summary>
    public static OpenAIRequest Create(OpenAIRequestKind kind, string method, byte[] body, string contentType)
    {
        JsonElement? json = null;
        MultipartFields? form = null;
        if (contentType.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            form = MultipartFields.Parse(body, contentType);
        }
        else if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON: nothing to read from it, and the endpoint will say so.
            }
        }
        return new OpenAIRequest(kind, method, body, json, form);
    }

    /// <summary>The endpoint a method and path are for (the path may carry any base, e.g. <c>/v1</c>).</summary>
    public static OpenAIRequestKind KindOf(string method, string path)
    {
        var p = path.TrimEnd('/');
        if (method == "GET")
            return p.EndsWith("/models", StringComparison.Ordinal) || p.Contains("/models/", StringComparison.Ordinal) ? OpenAIRequestKind.Models : OpenAIRequestKind.Other;
        if (method != "POST") return OpenAIRequestKind.Other;
        return p switch
        {
            _ when p.EndsWith("/chat/completions", StringComparison.Ordinal) => OpenAIRequestKind.Chat,
            _ when p.EndsWith("/responses", StringComparison.Ordinal) => OpenAIRequestKind.Responses,
            _ when p.EndsWith("/images/generations", StringComparison.Ordinal) => OpenAIRequestKind.ImageGeneration,
            _ when p.EndsWith("/images/edits", StringComparison.Ordinal) => OpenAIRequestKind.ImageEdit,
            _ when p.EndsWith("/images/variations", StringComparison.Ordinal) => OpenAIRequestKind.ImageVariation,
            _ when p.EndsWith("/embeddings", StringComparison.Ordinal) => OpenAIRequestKind.Embeddings,
            _ when p.EndsWith("/moderations", StringComparison.Ordinal) => OpenAIRequestKind.Moderations,
            _ => OpenAIRequestKind.Other,
        };
    }

    /// <summary>The prompt texts a person wrote: chat and Responses user messages, the prompt of an image request.</summary>
    public IReadOnlyList<string> PromptTexts() => PromptReader.Read(this);

    /// <summary>
    /// A rough count of the tokens the request spends: its text (about four characters a token; inline images and
    /// other long base64 runs left out) plus the most it may write, when it says.
    /// </summary>
    public int EstimatedTokens()
    {
        long characters = 0;
        if (Json is { } j) characters = TextLength(j);
        else if (Form?.Get("prompt") is { } prompt) characters = prompt.Length;
        long output = 0;
        if (Json is { } root)
        {
            foreach (var name in (string[])["max_tokens", "max_completion_tokens", "max_output_tokens"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
                    output = Math.Max(output, n);
            }
        }
        return (int)Math.Min(int.MaxValue, (characters / 4) + output + 1);
    }

    private static long TextLength(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() is { } s && !(s.Length > 1024 && s.StartsWith("data:", StringComparison.Ordinal)) ? s.Length : 0,
        JsonValueKind.Object => element.EnumerateObject().Sum(p => TextLength(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Sum(TextLength),
        _ => 0,
    };

    private JsonElement? ImageTool()
    {
        if (Kind != OpenAIRequestKind.Responses || Json is not { } j || !j.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var tool in tools.EnumerateArray())
        {
            if (String(tool, "type") == "image_generation")
                return tool;
        }
        return null;
    }

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
