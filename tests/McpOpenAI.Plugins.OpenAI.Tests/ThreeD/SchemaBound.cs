using System.Text.RegularExpressions;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>One limit a JSON schema sets: where (<c>nodes[].scale[]</c>: properties by name, array items as <c>[]</c>), which keyword, what value.</summary>
internal sealed record SchemaBound(string Path, string Keyword, double Value, bool Integer)
{
    public bool OnLength => Keyword is "minItems" or "maxItems";

    /// <summary>The nearest value the bound excludes: one item or one unit past it, or the next double for numbers.</summary>
    public double Beyond => Keyword switch
    {
        "minItems" => Value - 1,
        "maxItems" => Value + 1,
        "minimum" => Integer ? Value - 1 : Math.BitDecrement(Value),
        _ => Integer ? Value + 1 : Math.BitIncrement(Value),
    };

    /// <summary>Whether a JSON pointer (<c>/nodes/3/scale/0</c>) is a place this bound applies to.</summary>
    public bool Covers(string pointer) =>
        Regex.IsMatch(pointer, "^/" + string.Join("/", Path.Split('.').Select(s => s.EndsWith("[]", StringComparison.Ordinal) ? s[..^2] + @"/\d+" : s)) + "$");

    public override string ToString() => $"{Path} {Keyword} {Value}";
}
