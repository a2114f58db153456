using System.Security.Cryptography;
using System.Text;
using McpOpenAI.TestKit.Imaging;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Makes the fake's images: real PNGs of the asked size, coloured from a hash of the prompt.</summary>
public static class FakeImages
{
    /// <summary>A PNG gradient of <paramref name="width"/> x <paramref name="height"/> whose colours depend on <paramref name="seed"/>.</summary>
    public static byte[] Create(string seed, int width, int height, bool transparent = false)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return PngEncoder.Gradient(width, height, (hash[0], hash[1], hash[2]), (hash[3], hash[4], hash[5]), transparent);
    }

    /// <summary>Parses <c>WIDTHxHEIGHT</c>; false for <c>auto</c>, null or malformed text.</summary>
    public static bool TryParseSize(string? size, out int width, out int height)
    {
        width = height = 0;
        var parts = size?.Split('x');
        return parts is { Length: 2 } && int.TryParse(parts[0], out width) && int.TryParse(parts[1], out height)
            && width is > 0 and <= 4096 && height is > 0 and <= 4096;
    }
}
