using System.Security.Cryptography;
using System.Text;

namespace McpOpenAI.Server.Security;

/// <summary>Hashes bearer tokens for configuration and makes new ones.</summary>
public static class TokenHasher
{
    /// <summary>The token's SHA-256 as lowercase hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    /// <summary>A new random token: 32 bytes, URL-safe base64, prefixed so it is recognisable in a secret scanner.</summary>
    public static string NewToken() =>
        "mcpo_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Compares a presented token's hash with a stored one in constant time.</summary>
    public static bool Matches(string presentedHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedHash), Encoding.ASCII.GetBytes(storedHash.Trim().ToLowerInvariant()));
}
