using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Images;

namespace McpOpenAI.Plugins.OpenAI.Tests.Images;

public sealed class ImageValidatorTests
{
    [Theory]
    [InlineData("2048x1152")]
    [InlineData("3840x1280")]
    [InlineData("auto")]
    public void Validate_GptImage2CustomSize_Accepted(string size) =>
        ImageValidator.Validate(new ImageSettings { Model = "gpt-image-2", Size = size }, "x");

    [Theory]
    [InlineData("2050x1152")]
    [InlineData("4000x2000")]
    [InlineData("3840x1024")]
    [InlineData("512x512")]
    public void Validate_GptImage2BadSize_ThrowsNamingSize(string size)
    {
        var error = Assert.Throws<FunctionException>(() => ImageValidator.Validate(new ImageSettings { Model = "gpt-image-2", Size = size }, "x"));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'size'", error.Message);
        Assert.Contains(error.Suggestions, s => s.StartsWith("Example:", StringComparison.Ordinal));
    }
}
