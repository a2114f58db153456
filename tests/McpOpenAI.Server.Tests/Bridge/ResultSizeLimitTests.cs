using System.Text.Json;
using McpOpenAI.Server.Bridge;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Bridge;

public sealed class ResultSizeLimitTests
{
    [Fact]
    public void Fit_SmallResult_IsLeftAsItIs()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "small" }] };

        Assert.Same(result, ResultSizeLimit.Fit(result));
    }

    [Fact]
    public void Fit_PreviewsOverTheLimit_DropsTheLargestFirstAndKeepsTheLinks()
    {
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "two images" },
                ImageContentBlock.FromBytes(new byte[600_000], "image/png"),
                ImageContentBlock.FromBytes(new byte[300_000], "image/jpeg"),
                new ResourceLinkBlock { Uri = "image://images/a.png", Name = "a.png" },
                new ResourceLinkBlock { Uri = "image://images/b.jpg", Name = "b.jpg" },
            ],
        };

        var fitted = ResultSizeLimit.Fit(result);

        Assert.True(ResultSizeLimit.Measure(fitted) <= ResultSizeLimit.MaxBytes);
        Assert.Equal("image/jpeg", Assert.Single(fitted.Content.OfType<ImageContentBlock>()).MimeType);
        Assert.Equal(2, fitted.Content.OfType<ResourceLinkBlock>().Count());
        Assert.Contains(fitted.Content.OfType<TextContentBlock>(), t => t.Text.StartsWith("1 image preview was left out", StringComparison.Ordinal));
        Assert.NotEqual(true, fitted.IsError);
    }

    [Fact]
    public void Fit_LargeStructuredResult_DropsItsTextCopyAndKeepsTheStructuredContent()
    {
        var structured = JsonSerializer.SerializeToElement(new { data = new string('x', 700_000) });
        var result = new CallToolResult { Content = [new TextContentBlock { Text = structured.GetRawText() }], StructuredContent = structured };

        var fitted = ResultSizeLimit.Fit(result);

        Assert.True(ResultSizeLimit.Measure(fitted) <= ResultSizeLimit.MaxBytes);
        Assert.Equal(700_000, fitted.StructuredContent!.Value.GetProperty("data").GetString()!.Length);
        Assert.Contains("structured content", Assert.IsType<TextContentBlock>(Assert.Single(fitted.Content)).Text);
    }

    [Fact]
    public void Fit_TooLargeEvenWithoutPreviews_IsAClearToolError()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = new string('y', 2_000_000) }, ImageContentBlock.FromBytes(new byte[10_000], "image/png")] };

        var fitted = ResultSizeLimit.Fit(result);

        Assert.True(fitted.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(fitted.Content)).Text;
        Assert.StartsWith("Error (result_too_large):", text);
        Assert.Contains("Ask for less", text);
    }
}
