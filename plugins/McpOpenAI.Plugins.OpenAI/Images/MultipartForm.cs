using System.Text;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Builds a <c>multipart/form-data</c> body for the images edit and variation endpoints.</summary>
internal sealed class MultipartForm
{
    private readonly MemoryStream _body = new();
    private readonly string _boundary = "----mcp-openai-" + Guid.NewGuid().ToString("N");

    public string ContentType => "multipart/form-data; boundary=" + _boundary;

    public MultipartForm Field(string name, string? value)
    {
        if (value is null) return this;
        Write($"--{_boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        return this;
    }

    public MultipartForm File(string name, string fileName, string contentType, byte[] content)
    {
        Write($"--{_boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName.Replace("\"", "", StringComparison.Ordinal)}\"\r\nContent-Type: {contentType}\r\n\r\n");
        _body.Write(content);
        Write("\r\n");
        return this;
    }

    public BinaryData Build()
    {
        Write($"--{_boundary}--\r\n");
        return BinaryData.FromBytes(_body.ToArray());
    }

    private void Write(string text) => _body.Write(Encoding.UTF8.GetBytes(text));
}
