using System.Net;
using System.Xml;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Turns rendered prompt text into chat messages as Semantic Kernel's chat prompt parser does: the text is read
/// as XML under a root element; each top-level <c>&lt;message role="…"&gt;</c> becomes a message whose content
/// is its inner XML (or CDATA text), trimmed and HTML-decoded; <c>&lt;text&gt;</c> and <c>&lt;image&gt;</c> children
/// become content items. Text without message tags (or that is not well-formed) is one user message; unlike
/// Semantic Kernel, its HTML entities are decoded so the model reads the caller's text, not its encoding.
/// </summary>
public static class ChatPromptParser
{
    /// <summary>Parses rendered prompt text into messages.</summary>
    public static IReadOnlyList<ChatMessage> Parse(string rendered)
    {
        if (rendered.Contains("<message", StringComparison.OrdinalIgnoreCase) && TryParseMessages(rendered) is { Count: > 0 } messages)
            return messages;
        return [new ChatMessage(ChatRole.User, WebUtility.HtmlDecode(rendered.Trim()))];
    }

    /// <summary>
    /// Rendered text as Semantic Kernel should send it: text with message tags as it is; well-formed text without them
    /// as one user message. Semantic Kernel sends text without message tags to the model as it is, HTML entities and
    /// all; inside a message they are decoded, so the model reads the caller's text, as <see cref="Parse"/> does.
    /// </summary>
    public static string ToChatPrompt(string rendered)
    {
        if (rendered.Contains("<message", StringComparison.OrdinalIgnoreCase))
            return rendered;
        var message = $"<message role=\"user\">{rendered}</message>";
        return Load(message) is null ? rendered : message;
    }

    private static XmlDocument? Load(string rendered)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader($"<root>{rendered}</root>"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document.Load(reader);
            return document;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static List<ChatMessage>? TryParseMessages(string rendered)
    {
        if (Load(rendered) is not { } document)
            return null;
        var messages = new List<ChatMessage>();
        foreach (XmlNode node in document.DocumentElement!.ChildNodes)
        {
            if (node is XmlElement element && element.Name.Equals("message", StringComparison.OrdinalIgnoreCase) && element.HasAttribute("role"))
                messages.Add(ToMessage(element));
        }
        return messages;
    }

    private static ChatMessage ToMessage(XmlElement element)
    {
        var role = new ChatRole(element.GetAttribute("role"));
        var items = new List<AIContent>();
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child is not XmlElement item || Content(item) is not { } content)
                continue;
            switch (item.Name.ToUpperInvariant())
            {
                case "TEXT":
                    items.Add(new TextContent(content));
                    break;
                case "IMAGE":
                case "AUDIO":
                case "BINARY":
                    var mediaType = item.GetAttribute("mimetype") is { Length: > 0 } m ? m : DefaultMediaType(item.Name);
                    items.Add(content.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                        ? new DataContent(content)
                        : new UriContent(new Uri(content), mediaType));
                    break;
            }
        }
        if (items.Count == 0 || items is [TextContent])
            return new ChatMessage(role, items is [TextContent only] ? only.Text : Content(element) ?? string.Empty);
        return new ChatMessage(role, items);
    }

    private static string? Content(XmlElement element)
    {
        var first = element.ChildNodes.Cast<XmlNode>().FirstOrDefault(n => n.NodeType is not XmlNodeType.Whitespace and not XmlNodeType.SignificantWhitespace);
        var text = first?.NodeType == XmlNodeType.CDATA ? element.InnerText.Trim() : element.InnerXml.Trim();
        return text.Length == 0 ? null : WebUtility.HtmlDecode(text);
    }

    private static string DefaultMediaType(string tag) => tag.ToUpperInvariant() switch
    {
        "IMAGE" => "image/*",
        "AUDIO" => "audio/*",
        _ => "application/octet-stream",
    };
}
