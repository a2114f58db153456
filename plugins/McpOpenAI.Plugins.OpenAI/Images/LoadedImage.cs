namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>An input image's bytes, type and dimensions (when the type allows reading them cheaply).</summary>
internal sealed record LoadedImage(byte[] Bytes, ImageFileType Type, string FileName, int? Width, int? Height)
{
    public string DataUri => $"data:{Type.MediaType};base64,{Convert.ToBase64String(Bytes)}";
}
