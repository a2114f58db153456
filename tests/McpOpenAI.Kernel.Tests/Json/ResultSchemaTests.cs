using System.ComponentModel;
using System.Text.Json;
using McpOpenAI.Kernel;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Json;

public sealed class ResultSchemaTests
{
    private sealed record Column(string Name, string? Default, int? Width, IReadOnlyList<string> Tags);

    private sealed record Table([Description("name")] string Name, IReadOnlyList<Column> Columns, Column? Primary, Column Last, double? Similarity);

    [Fact]
    public void ResultSchema_NullableProperties_AreNotRequiredAtEveryLevel()
    {
        var schema = KernelJson.ResultSchema(AIJsonUtilities.CreateJsonSchema(typeof(Table), serializerOptions: KernelJson.Options));

        Assert.Equal(["name", "columns", "last"], Required(schema));
        var column = schema.GetProperty("properties").GetProperty("columns").GetProperty("items");
        Assert.Equal(["name", "tags"], Required(column));
    }

    [Fact]
    public void ResultSchema_SerializedNullsAndValues_BothValidate()
    {
        var schema = KernelJson.ResultSchema(AIJsonUtilities.CreateJsonSchema(typeof(Table), serializerOptions: KernelJson.Options));
        var empty = new Table("t", [], null, new Column("c", null, null, []), null);
        var full = new Table("t", [new Column("a", "0", 3, ["x"])], new Column("p", "1", 1, []), new Column("c", "d", 2, ["y"]), 0.5);

        foreach (var value in new[] { empty, full })
        {
            var json = JsonSerializer.SerializeToElement(value, KernelJson.Options);
            Assert.Empty(McpOpenAI.TestKit.Mcp.OutputSchemaValidator.Check("t", schema, Wrap(json)));
        }
    }

    [Fact]
    public void ResultSchema_NullableReferenceAndBranches_AreOptional()
    {
        var schema = JsonDocument.Parse("""
            {"type":"object","properties":{
              "a":{"type":"string"},
              "b":{"anyOf":[{"type":"string"},{"type":"null"}]},
              "c":{"$ref":"#/properties/b"},
              "d":{},
              "e":{"enum":["x",null]},
              "f":{"$ref":"#/properties/a"}},
             "required":["a","b","c","d","e","f"]}
            """).RootElement;

        Assert.Equal(["a", "f"], Required(KernelJson.ResultSchema(schema)));
    }

    [Fact]
    public void Validator_MissingRequiredOrWrongType_IsReportedWithTheLocation()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"n":{"type":"integer"},"s":{"type":"string"}},"required":["n","s"]}""").RootElement;

        var problems = McpOpenAI.TestKit.Mcp.OutputSchemaValidator.Check("t", schema, Wrap(JsonDocument.Parse("""{"n":"x"}""").RootElement));

        var problem = Assert.Single(problems);
        Assert.Contains("/n", problem);
        Assert.Contains("\"s\"", problem);
        Assert.Contains("has an output schema but did not return structured content",
            Assert.Single(McpOpenAI.TestKit.Mcp.OutputSchemaValidator.Check("t", schema, JsonDocument.Parse("""{"content":[]}""").RootElement)));
        Assert.Empty(McpOpenAI.TestKit.Mcp.OutputSchemaValidator.Check("t", schema, JsonDocument.Parse("""{"isError":true,"content":[]}""").RootElement));
    }

    private static JsonElement Wrap(JsonElement structured) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["content"] = Array.Empty<object>(), ["structuredContent"] = structured });

    private static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
}
