namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>An image file in the output folder with its metadata.</summary>
internal sealed record SavedImage(string Path, ImageMetadata Metadata, ImageFileType Type, long Length)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public string Uri => ImageStore.UriScheme + Name;
}
