using System.Security.Cryptography;
using McpOpenAI.Server.Security;
using Microsoft.IdentityModel.Tokens;

namespace McpOpenAI.Server.Tests.Http;

public sealed class SigningKeysTests
{
    [Fact]
    public void Load_RsaPem_IsAnRsaKey()
    {
        using var rsa = RSA.Create(2048);

        Assert.IsType<RsaSecurityKey>(SigningKeys.Load(rsa.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Load_EcPemFile_IsAnEcKey()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, ec.ExportSubjectPublicKeyInfoPem());

            Assert.IsType<ECDsaSecurityKey>(SigningKeys.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    public void Load_Nonsense_SaysWhatIsExpected(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Load(value));

        Assert.Contains("Http:Jwt:SigningKey", error.Message);
    }
}
