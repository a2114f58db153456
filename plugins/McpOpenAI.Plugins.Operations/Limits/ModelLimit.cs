namespace McpOpenAI.Plugins.Operations.Limits;

/// <summary>One model's limits (<c>OpenAI:Limits:&lt;model&gt;</c>); null means no limit of that kind.</summary>
public sealed record ModelLimit(int? RequestsPerMinute = null, int? TokensPerMinute = null)
{
    /// <summary>The smaller of two limits of each kind (a limit that is null does not count).</summary>
    public ModelLimit Tighten(ModelLimit? other) => other is null ? this
        : new(Min(RequestsPerMinute, other.RequestsPerMinute), Min(TokensPerMinute, other.TokensPerMinute));

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
