using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The checked arguments of <c>generate_3d_model</c>; every problem names its argument, before any request.</summary>
internal sealed record ModelRequest(string Description, DetailLevel Detail, IReadOnlyList<string> Formats, string Model)
{
    public const int MaxDescriptionLength = 4000;

    public static ModelRequest From(string? description, string? detail, IReadOnlyList<string>? formats, string? model, string defaultModel)
    {
        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
            throw FunctionException.InvalidArgument("description", "the description is empty.", "what to model, in words", "\"a wooden chair with four legs\"");
        if (text.Length > MaxDescriptionLength)
            throw FunctionException.InvalidArgument("description", $"the description has {text.Length} characters; at most {MaxDescriptionLength} are allowed.", $"1 to {MaxDescriptionLength} characters", "\"a red bicycle\"");
        var level = DetailLevel.From(Arguments.OneOf(detail, "detail", DetailLevel.Names));
        return new ModelRequest(text, level, ParseFormats(formats), Arguments.Model(model, defaultModel));
    }

    // The formats to write, in a fixed order; none given means all. "mtl" comes with "obj".
    private static List<string> ParseFormats(IReadOnlyList<string>? formats)
    {
        if (formats is null || formats.Count == 0) return [.. ModelFileKind.Formats];
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < formats.Count; i++)
        {
            var value = formats[i]?.Trim().TrimStart('.').ToLowerInvariant() ?? "";
            if (value == "mtl") value = "obj";
            if (!ModelFileKind.Formats.Contains(value))
                throw FunctionException.InvalidArgument($"formats[{i}]", $"'{Arguments.Shorten(formats[i] ?? "")}' is not a 3D format.", string.Join(", ", ModelFileKind.Formats), "[\"glb\", \"obj\"]");
            chosen.Add(value);
        }
        return ModelFileKind.Formats.Where(chosen.Contains).ToList();
    }
}
