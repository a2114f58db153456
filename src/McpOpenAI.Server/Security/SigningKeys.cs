using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace McpOpenAI.Server.Security;

/// <summary>Reads <see cref="JwtOptions.SigningKey"/>: a public key in PEM (RSA or EC), given inline or as a file path.</summary>
internal static class SigningKeys
{
    /// <summary>The key; throws <see cref="InvalidOperationException"/> saying what is wrong.</summary>
    public static SecurityKey Load(string value)
    {
        var pem = value.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? value
            : File.Exists(value) ? File.ReadAllText(value)
            : throw new InvalidOperationException("Http:Jwt:SigningKey must be a PEM public key or the path of a PEM file.");
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            // Not RSA: an EC key uses the same PEM label.
        }
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"Http:Jwt:SigningKey is not an RSA or EC public key in PEM: {ex.Message}", ex);
        }
    }
}
