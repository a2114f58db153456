namespace McpOpenAI.Server.Security;

/// <summary>
/// OAuth 2.1 access tokens (JWTs) from the team's identity provider (configuration <c>Http:Jwt</c>). Set
/// <see cref="Authority"/> (or <see cref="MetadataAddress"/>) to fetch the signing keys from the provider's discovery
/// document, or <see cref="SigningKey"/> to give a public key directly. What a token may call comes from its scopes
/// (<c>mcp:tools</c>, <c>mcp:tools:&lt;tool&gt;</c>, <c>mcp:plugins:&lt;Plugin&gt;</c>) and from the claims named by
/// <see cref="ToolsClaim"/> and <see cref="PluginsClaim"/>.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The identity provider's issuer URL; its <c>/.well-known/openid-configuration</c> gives the keys. Listed as the authorization server in the protected-resource metadata.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's URL, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The <c>iss</c> a token must carry; default <see cref="Authority"/> (or the discovery document's issuer).</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The <c>aud</c> values a token may carry. Empty: the token must be for this server's own URL as the client sees it
    /// (the <c>resource</c> of the protected-resource metadata), as RFC 8707 resource indicators make it.
    /// </summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>A public key (PEM, RSA or EC) that signs the tokens, or the path of a PEM file; for providers without discovery.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The start of every scope this server reads; default <c>mcp:</c>.</summary>
    public string ScopePrefix { get; set; } = "mcp:";

    /// <summary>A claim listing tool names or <c>Plugin.function</c> the token may call (a JSON array or space-separated).</summary>
    public string ToolsClaim { get; set; } = "mcp_tools";

    /// <summary>A claim listing plugins the token may call whole.</summary>
    public string PluginsClaim { get; set; } = "mcp_plugins";

    /// <summary>The claim that names the caller (logs, sessions, rate limits); default <c>sub</c>.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Tool calls a minute for each caller; 0 means no limit.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>True when access tokens are accepted.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>The scope that grants every tool.</summary>
    public string AllToolsScope => ScopePrefix + "tools";
}
