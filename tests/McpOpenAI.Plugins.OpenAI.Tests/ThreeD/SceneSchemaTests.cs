using McpOpenAI.Plugins.OpenAI.Chat;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>The schema the model answers to and the validator agree: every bound of the schema, at and just past it.</summary>
public sealed class SceneSchemaTests
{
    private static readonly IReadOnlyList<SchemaBound> All = SchemaWalk.Bounds(SceneSchema.Element);

    public static TheoryData<string, string, double> Bounds => [.. All.Select(b => (b.Path, b.Keyword, b.Value))];

    [Fact]
    public void Schema_UsesOnlyKeywordsOpenAIStrictModeSupports()
    {
        string[] supported = ["type", "properties", "required", "additionalProperties", "items", "anyOf", "enum", "description", "minItems", "maxItems", "minimum", "maximum"];

        Assert.Empty(SchemaWalk.Keywords(SceneSchema.Element).Except(supported));
        Assert.True(StrictSchema.IsCompatible(SceneSchema.Element));
    }

    [Fact]
    public void Schema_LimitsComeFromSceneLimits()
    {
        Assert.Contains(All, b => b is { Path: "nodes", Keyword: "maxItems" } && b.Value == SceneLimits.MaxNodes);
        Assert.Contains(All, b => b is { Path: "materials", Keyword: "maxItems" } && b.Value == SceneLimits.MaxMaterials);
        Assert.Contains(All, b => b is { Path: "nodes[].material", Keyword: "maximum" } && b.Value == SceneLimits.MaxMaterials - 1);
        Assert.Contains(All, b => b is { Path: "nodes[].mesh.positions", Keyword: "maxItems" } && b.Value == 3 * SceneLimits.MaxMeshVertices);
        Assert.Contains(All, b => b is { Path: "nodes[].mesh.indices", Keyword: "maxItems" } && b.Value == SceneLimits.MaxMeshIndices);
        Assert.Contains(All, b => b is { Path: "nodes[].mesh.indices[]", Keyword: "maximum" } && b.Value == SceneLimits.MaxMeshVertices - 1);
        Assert.Contains(All, b => b is { Path: "nodes[].translation[]", Keyword: "maximum" } && b.Value == SceneLimits.MaxCoordinate);
        Assert.Contains(All, b => b is { Path: "nodes[].scale[]", Keyword: "minimum" } && b.Value == SceneLimits.MinScale);
        Assert.All(BoundaryScenes.Adjusted, path => Assert.Contains(All, b => b.Path == path));
    }

    // No separate check bounds the vertices of a whole scene: a node is one mesh or one primitive, each within MaxMeshVertices.
    [Fact]
    public void Limits_EveryPrimitiveAtEveryDetailFitsTheMeshLimit_SoTheSceneTotalFollows()
    {
        foreach (var detail in (DetailLevel[])[DetailLevel.Low, DetailLevel.Medium, DetailLevel.High])
        {
            Assert.All(SceneSchema.PrimitiveShapes, shape => Assert.InRange(Primitives.Create(shape, detail.Segments).VertexCount, 1, SceneLimits.MaxMeshVertices));
        }
        Assert.Equal((long)SceneLimits.MaxNodes * SceneLimits.MaxMeshVertices, SceneLimits.MaxTotalVertices);
    }

    [Fact]
    public void BaseScene_SchemaAndValidatorAccept()
    {
        var scene = BoundaryScenes.Base();

        Assert.Empty(SceneJsonSchema.Problems(scene.ToJsonString()));
        Assert.Equal(9, TestScenes.Checked(scene).Nodes.Count);
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void SceneAtBound_SchemaAndValidatorAccept(string path, string keyword, double value)
    {
        var json = BoundaryScenes.With(Find(path, keyword, value), value).ToJsonString();

        Assert.Empty(SceneJsonSchema.Problems(json));
        SceneValidator.Check(SceneReader.Read(json), DetailLevel.High.Segments);
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void SceneJustPastBound_SchemaRejectsItThere(string path, string keyword, double value)
    {
        var bound = Find(path, keyword, value);

        var problems = SceneJsonSchema.Problems(BoundaryScenes.With(bound, bound.Beyond).ToJsonString());

        // The scene at the bound passes (see above) and differs only in this value, so this is the bound refusing it.
        Assert.Empty(SceneJsonSchema.Problems(BoundaryScenes.With(bound, bound.Value).ToJsonString()));
        Assert.Contains(problems, p => bound.Covers(p.Location));
    }

    private static SchemaBound Find(string path, string keyword, double value) => All.Single(b => b.Path == path && b.Keyword == keyword && b.Value == value);
}
