using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A checked node: a mesh placed by translation, unit rotation quaternion and non-zero scale.</summary>
internal sealed record SceneNode(string Name, int Mesh, Vector3 Translation, Quaternion Rotation, Vector3 Scale)
{
    public Matrix4x4 World => Matrix4x4.CreateScale(Scale) * Matrix4x4.CreateFromQuaternion(Rotation) * Matrix4x4.CreateTranslation(Translation);
}
