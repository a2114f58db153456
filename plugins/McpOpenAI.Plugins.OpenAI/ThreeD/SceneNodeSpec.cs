namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// A node as the model returns it: a primitive <c>shape</c> (or <c>mesh</c> with <see cref="Mesh"/>), a material index,
/// and a transform (translation; a quaternion <c>rotation</c> [x, y, z, w] or <c>rotation_euler_degrees</c> [x, y, z]; scale).
/// The material index is read as a number because JSON Schema's integers include 2.0.
/// </summary>
internal sealed record SceneNodeSpec(string? Name, string? Shape, double? Material, double[]? Translation, double[]? Rotation,
    double[]? RotationEulerDegrees, double[]? Scale, SceneMeshSpec? Mesh);
