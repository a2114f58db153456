using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Bridge;

/// <summary>Turns what a kernel function returned into an MCP tool result.</summary>
internal static class ToolResults
{
    /// <summary>Converts a result; <paramref name="structured"/> says whether the tool declared an output schema.</summary>
    public static CallToolResult From(object? value, bool structured)
    {
        switch (value)
        {
            case null:
                return new CallToolResult { Content = [new TextContentBlock { Text = "Done." }] };
            case string text:
                return new CallToolResult { Content = [new TextContentBlock { Text = text }] };
            case CallToolResult result:
                return result;
            case FunctionOutput output:
            {
                var result = output.Value is null ? new CallToolResult() : From(output.Value, structured);
                foreach (var content in output.Contents)
                    result.Content.Add(ToBlock(content));
                return result;
            }
            case AIContent content:
                return new CallToolResult { Content = [ToBlock(content)] };
            case IEnumerable<AIContent> contents:
                return new CallToolResult { Content = contents.Select(ToBlock).ToList() };
        }

        // Serialized once: the text copy is the structured content's own compact JSON.
        var json = value is JsonElement element ? element : KernelJson.SerializeToElement(value);
        if (json.ValueKind == JsonValueKind.String)
            return new CallToolResult { Content = [new TextContentBlock { Text = json.GetString()! }] };
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = json.GetRawText() }],
            StructuredContent = structured && json.ValueKind == JsonValueKind.Object ? json : null,
        };
    }

    /// <summary>Maps one piece of Microsoft.Extensions.AI content to an MCP content block.</summary>
    public static ContentBlock ToBlock(AIContent content) => content switch
    {
        TextContent text => new TextContentBlock { Text = text.Text },
        DataContent data when data.HasTopLevelMediaType("image") => ImageContentBlock.FromBytes(data.Data, data.MediaType),
        DataContent data when data.HasTopLevelMediaType("audio") => AudioContentBlock.FromBytes(data.Data, data.MediaType),
        EmbeddedResourceContent embedded => new EmbeddedResourceBlock { Resource = ToResourceContents(embedded.Resource) },
        UriContent uri => new ResourceLinkBlock
        {
            Uri = uri.Uri.ToString(),
            Name = uri.AdditionalProperties?.TryGetValue("name", out var name) == true && name is string n ? n : Path.GetFileName(uri.Uri.LocalPath),
            MimeType = uri.MediaType,
            Size = uri.AdditionalProperties?.TryGetValue("size", out var size) == true && size is long s ? s : null,
        },
        _ => new TextContentBlock { Text = KernelJson.Serialize(content) },
    };

    private static ResourceContents ToResourceContents(Kernel.Resources.ResourceContent resource) => resource.Bytes is { } bytes
        ? BlobResourceContents.FromBytes(bytes, resource.Uri, resource.MimeType)
        : new TextResourceContents { Uri = resource.Uri, MimeType = resource.MimeType, Text = resource.Text ?? string.Empty };
}
