using System.Security.Cryptography;
using System.Text.Json;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// A hash of everything that decides what a generation makes (prompt, model, size, quality, style, count, background,
/// format, compression, moderation), kept in each image's metadata so an identical generation can reuse its files.
/// </summary>
internal static class ImageRequestKey
{
    public static string Of(string prompt, ImageSettings settings)
    {
        var parts = new object?[] { "generate", prompt, settings.Model, settings.Size, settings.Quality, settings.Style, settings.N, settings.Background,
            settings.EffectiveFormat, settings.OutputCompression, settings.Moderation };
        return Convert.ToHexStringLower(SHA256.HashData(KernelJson.SerializeToUtf8Bytes(parts, KernelJson.PlainOptions)));
    }
}
