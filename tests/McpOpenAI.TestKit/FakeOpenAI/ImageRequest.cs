using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>The parameters of an images API request, from JSON or multipart.</summary>
internal sealed record ImageRequest
{
    public string? Model { get; init; }
    public string? Prompt { get; init; }
    public int N { get; init; } = 1;
    public string? Size { get; init; }
    public string? Quality { get; init; }
    public string? ResponseFormat { get; init; }
    public string? OutputFormat { get; init; }
    public int? OutputCompression { get; init; }
    public string? Background { get; init; }
    public bool Stream { get; init; }
    public int PartialImages { get; init; }

    public static ImageRequest FromJson(JsonObject body) => new()
    {
        Model = body["model"]?.GetValue<string>(),
        Prompt = body["prompt"]?.GetValue<string>(),
        N = (int?)ChatRequestParser.Number(body["n"]) ?? 1,
        Size = body["size"]?.GetValue<string>(),
        Quality = body["quality"]?.GetValue<string>(),
        ResponseFormat = body["response_format"]?.GetValue<string>(),
        OutputFormat = body["output_format"]?.GetValue<string>(),
        OutputCompression = (int?)ChatRequestParser.Number(body["output_compression"]),
        Background = body["background"]?.GetValue<string>(),
        Stream = ChatRequestParser.Bool(body["stream"]) == true,
        PartialImages = (int?)ChatRequestParser.Number(body["partial_images"]) ?? 0,
    };

    public static ImageRequest FromForm(RecordedRequest request) => new()
    {
        Model = request.FormField("model"),
        Prompt = request.FormField("prompt"),
        N = int.TryParse(request.FormField("n"), out var n) ? n : 1,
        Size = request.FormField("size"),
        Quality = request.FormField("quality"),
        ResponseFormat = request.FormField("response_format"),
        OutputFormat = request.FormField("output_format"),
        OutputCompression = int.TryParse(request.FormField("output_compression"), out var c) ? c : null,
        Background = request.FormField("background"),
        Stream = string.Equals(request.FormField("stream"), "true", StringComparison.OrdinalIgnoreCase),
        PartialImages = int.TryParse(request.FormField("partial_images"), out var p) ? p : 0,
    };
}
