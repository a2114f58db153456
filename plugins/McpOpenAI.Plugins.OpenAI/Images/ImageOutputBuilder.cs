using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Turns saved images into a <see cref="FunctionOutput"/>: the structured result, previews under the byte limit, and resource links.</summary>
internal static class ImageOutputBuilder
{
    public static ImageResultItem Item(SavedImage image) => new(image.Metadata.Id, image.Path, image.Uri, image.Type.Format, image.Metadata.Size,
        image.Metadata.RevisedPrompt, image.Metadata.ResponseId, image.Metadata.Thread, image.Metadata.Step);

    public static FunctionOutput Build(ImageResult result, IReadOnlyList<SavedImage> finals, int byteLimit)
    {
        var contents = new List<AIContent>();
        var budget = finals.Count == 0 ? byteLimit : byteLimit / finals.Count;
        var notes = new List<string>();
        foreach (var image in finals)
        {
            (byte[] Bytes, ImageFileType Type)? preview = null;
            try
            {
                preview = ImagePreview.Create(File.ReadAllBytes(image.Path), image.Type, budget);
            }
            catch (IOException)
            {
                // The file is saved; only the preview is lost.
            }
            if (preview is { } p)
            {
                contents.Add(new DataContent(p.Bytes, p.Type.MediaType));
                if (p.Bytes.Length != image.Length) notes.Add($"{image.Name}: preview downscaled to {p.Bytes.Length} bytes; the full image is at the path.");
            }
            else
            {
                notes.Add($"{image.Name}: too large to show here; open the file or read {image.Uri}.");
            }
            contents.Add(new UriContent(new Uri(image.Uri), image.Type.MediaType)
            {
                AdditionalProperties = new() { ["name"] = image.Name, ["size"] = image.Length },
            });
        }
        return new FunctionOutput(result with { PreviewNote = notes.Count == 0 ? null : string.Join(" ", notes) }, contents);
    }
}
