using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIErrorMapperTests
{
    [Fact]
    public void Map_HttpRequestException_UpstreamErrorWithoutKey()
    {
        var key = "sk-test-" + Guid.NewGuid().ToString("N");

        var error = OpenAIErrorMapper.Map(new HttpRequestException($"Connection refused ({key})"), key);

        Assert.Equal(ErrorCodes.UpstreamError, error.Code);
        Assert.DoesNotContain(key, error.Message);
        Assert.Contains("[redacted]", error.Message);
    }

    [Fact]
    public void Map_TaskCanceledFromTimeout_Timeout()
    {
        var error = OpenAIErrorMapper.Map(new TaskCanceledException("timed out", new TimeoutException()));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.NotEmpty(error.Suggestions);
    }

    [Fact]
    public void Map_FunctionException_ReturnedUnchanged()
    {
        var original = new FunctionException(ErrorCodes.InvalidArgument, "bad");

        Assert.Same(original, OpenAIErrorMapper.Map(original));
    }

    [Fact]
    public void Scrub_KeyShapedText_Redacted()
    {
        var text = OpenAIErrorMapper.Scrub("Incorrect API key provided: sk-proj-********************abcd.");

        Assert.DoesNotContain("abcd", text);
    }

    [Fact]
    public void MissingApiKey_NotConfiguredWithSuggestions()
    {
        var error = OpenAIErrorMapper.MissingApiKey();

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Contains(error.Suggestions, s => s.Contains("OPENAI_API_KEY"));
    }
}
