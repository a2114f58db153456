namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The most a scene may hold, so a runaway answer cannot make huge files.</summary>
internal static class SceneLimits
{
    public const int MaxNodes = 256;
    public const int MaxMaterials = 64;
    public const int MaxMeshVertices = 20_000;
    public const int MaxMeshIndices = 60_000;
    public const int MaxTotalVertices = 1_000_000;
    public const double MaxCoordinate = 100_000;
    public const int MaxNameLength = 80;
}
