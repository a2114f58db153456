using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Tests.Shared;

public sealed class KeyFingerprintTests
{
    [Fact]
    public void Of_OpenAIKey_PrefixAndLastFour()
    {
        var key = "sk-test-" + Guid.NewGuid().ToString("N");

        var fingerprint = KeyFingerprint.Of(key);

        Assert.Equal("sk-…" + key[^4..], fingerprint);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("short-key", "(set, too short to fingerprint)")]
    public void Of_NoneOrShort_NothingRevealed(string? key, string? expected) =>
        Assert.Equal(expected, KeyFingerprint.Of(key));
}
