using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Chat;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Chat;

public sealed class ResponseFormatParserTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Parse_Text_TextFormat() => Assert.IsType<ChatResponseFormatText>(ResponseFormatParser.Parse(Json("\"text\"")).Format);

    [Fact]
    public void Parse_JsonObject_JsonWithoutSchema()
    {
        var format = Assert.IsType<ChatResponseFormatJson>(ResponseFormatParser.Parse(Json("\"json_object\"")).Format);
        Assert.Null(format.Schema);
    }

    [Fact]
    public void Parse_StrictCompatibleSchema_StrictOn()
    {
        var (format, strict) = ResponseFormatParser.Parse(Json("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}"""));

        Assert.NotNull(Assert.IsType<ChatResponseFormatJson>(format).Schema);
        Assert.True(strict);
    }

    [Fact]
    public void Parse_LooseSchema_StrictOff()
    {
        var (_, strict) = ResponseFormatParser.Parse(Json("""{"type":"object","properties":{"a":{"type":"string"}}}"""));

        Assert.False(strict);
    }

    [Fact]
    public void Parse_OpenAIWrapper_NameAndStrictKept()
    {
        var (format, strict) = ResponseFormatParser.Parse(Json("""{"type":"json_schema","json_schema":{"name":"city","strict":false,"schema":{"type":"object","properties":{}}}}"""));

        Assert.Equal("city", Assert.IsType<ChatResponseFormatJson>(format).SchemaName);
        Assert.False(strict);
    }

    [Theory]
    [InlineData("\"yaml\"", "not a response format")]
    [InlineData("\"json_schema\"", "needs the schema")]
    [InlineData("42", "not a response format")]
    [InlineData("""{"type":"array","items":{}}""", "root must have \"type\": \"object\"")]
    [InlineData("""{"type":"json_schema","json_schema":{"name":"x"}}""", "must hold an object")]
    [InlineData("""{"type":"json_schema","json_schema":{"name":"bad name!","schema":{"type":"object"}}}""", "schema name")]
    public void Parse_Invalid_InvalidArgumentNamingResponseFormat(string json, string expected)
    {
        var error = Assert.Throws<FunctionException>(() => ResponseFormatParser.Parse(Json(json)));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'response_format'", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.NotEmpty(error.Suggestions);
    }
}
