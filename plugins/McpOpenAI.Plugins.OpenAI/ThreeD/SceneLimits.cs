namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// The most a scene may hold, so a runaway answer cannot make huge files. <see cref="SceneSchema"/> and
/// <see cref="SceneValidator"/> both read these, so what the model is told and what is checked cannot drift apart.
/// </summary>
internal static class SceneLimits
{
    public const int MaxNodes = 256;
    public const int MaxMaterials = 64;
    public const int MaxMeshVertices = 4_096;
    public const int MaxMeshIndices = 60_000;

    /// <summary>The largest coordinate, translation, scale or angle (in either direction).</summary>
    public const double MaxCoordinate = 100_000;

    /// <summary>The smallest size of a scale axis (in either direction): a zero axis flattens the part away.</summary>
    public const double MinScale = 1e-6;

    public const int MaxNameLength = 80;

    /// <summary>
    /// The most vertices a scene can have: every node is one mesh or one primitive, and neither has more than
    /// <see cref="MaxMeshVertices"/>, so this follows from the per-node limits and needs no check of its own.
    /// </summary>
    public const int MaxTotalVertices = MaxNodes * MaxMeshVertices;

    /// <summary>A raw mesh needs at least one triangle of three different vertices.</summary>
    public const int MinMeshVertices = 3;
}
