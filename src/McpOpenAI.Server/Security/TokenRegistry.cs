using McpOpenAI.Server.Http;
using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Server.Security;

/// <summary>The configured tokens (<c>Http:Tokens</c>), looked up by hash.</summary>
internal sealed class TokenRegistry
{
    public TokenRegistry(IConfiguration configuration)
    {
        Tokens = configuration.GetSection($"{HttpOptions.SectionName}:Tokens").Get<List<AccessToken>>() ?? [];
        foreach (var token in Tokens)
        {
            if (string.IsNullOrWhiteSpace(token.Name))
                throw new InvalidOperationException("Every Http:Tokens entry needs a Name.");
            if (token.Sha256.Trim().Length != 64 || !token.Sha256.Trim().All(Uri.IsHexDigit))
                throw new InvalidOperationException($"Http:Tokens '{token.Name}': Sha256 must be 64 hex digits (make it with: mcp-openai hash-token).");
        }
        // The name is the caller's identity: it owns sessions and rate limits, so two tokens must not share one.
        if (Tokens.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"Http:Tokens: two tokens are named '{twice.Key}'; every token needs its own Name.");
    }

    public IReadOnlyList<AccessToken> Tokens { get; }

    public bool RequiresToken => Tokens.Count > 0;

    /// <summary>The token whose hash matches, or null. Every entry is compared, so timing reveals nothing.</summary>
    public AccessToken? Find(string presented)
    {
        var hash = TokenHasher.Hash(presented);
        AccessToken? found = null;
        foreach (var token in Tokens)
        {
            if (TokenHasher.Matches(hash, token.Sha256))
                found = token;
        }
        return found;
    }
}
