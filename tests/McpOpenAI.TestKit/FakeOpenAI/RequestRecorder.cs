using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Reads a request fully and turns it into a <see cref="RecordedRequest"/>.</summary>
internal static class RequestRecorder
{
    public static async Task<RecordedRequest> RecordAsync(HttpContext http)
    {
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
            headers[header.Key] = header.Value.ToString();

        JsonNode? json = null;
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var files = new List<RecordedFile>();
        var contentType = request.ContentType ?? "";
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && body.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                json = null;
            }
        }
        else if (request.HasFormContentType)
        {
            request.Body = new MemoryStream(body);
            var form = await request.ReadFormAsync(http.RequestAborted);
            foreach (var field in form)
                fields[field.Key] = [.. field.Value.Select(v => v ?? "")];
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, http.RequestAborted);
                files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
            }
        }

        return new RecordedRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.QueryString.Value ?? "",
            Headers = headers,
            Body = body,
            Json = json,
            FormFields = fields,
            Files = files,
        };
    }
}
