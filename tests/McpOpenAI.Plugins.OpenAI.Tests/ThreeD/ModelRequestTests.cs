using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

public sealed class ModelRequestTests
{
    [Fact]
    public void From_Defaults_MediumDetailAllFormatsDefaultModel()
    {
        var request = ModelRequest.From("  a chair ", null, null, null, "gpt-4.1-mini");

        Assert.Equal("a chair", request.Description);
        Assert.Equal("medium", request.Detail.Name);
        Assert.Equal(["gltf", "glb", "obj"], request.Formats);
        Assert.Equal("gpt-4.1-mini", request.Model);
    }

    [Fact]
    public void From_FormatsGiven_NormalisedDedupedInFixedOrder()
    {
        var request = ModelRequest.From("a chair", "HIGH", [".OBJ", "glb", "mtl"], "gpt-4o", "gpt-4.1-mini");

        Assert.Equal(["glb", "obj"], request.Formats);
        Assert.Equal(48, request.Detail.Segments);
        Assert.Equal("gpt-4o", request.Model);
    }

    [Theory]
    [InlineData("", null, null, null, "description")]
    [InlineData("   ", null, null, null, "description")]
    [InlineData("x", "ultra", null, null, "detail")]
    [InlineData("x", null, "fbx", null, "formats[0]")]
    [InlineData("x", null, null, "bad model!", "model")]
    public void From_InvalidArgument_ErrorNamesIt(string description, string? detail, string? format, string? model, string argument)
    {
        var error = Assert.Throws<FunctionException>(() => ModelRequest.From(description, detail, format is null ? null : [format], model, "gpt-4.1-mini"));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains($"'{argument}'", error.Message);
    }

    [Fact]
    public void From_DescriptionTooLong_ErrorNamesDescription()
    {
        var error = Assert.Throws<FunctionException>(() => ModelRequest.From(new string('a', ModelRequest.MaxDescriptionLength + 1), null, null, null, "m"));

        Assert.Contains("'description'", error.Message);
    }
}
