using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The JSON schema of the scene the model must return (OpenAI strict structured output: every property required, objects closed).</summary>
internal static class SceneSchema
{
    public const string Name = "scene_3d";

    public static readonly string[] Shapes = ["box", "sphere", "cylinder", "cone", "plane", "torus", "mesh"];

    public static JsonElement Element { get; } = JsonDocument.Parse(Text).RootElement.Clone();

    private const string Text = """
        {
          "type": "object",
          "properties": {
            "name": {"type": "string", "description": "A short name for the model."},
            "description": {"type": "string", "description": "One or two sentences on what the model shows and how it is built."},
            "materials": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {"type": "string"},
                  "base_color": {"type": "array", "items": {"type": "number"}, "description": "RGBA, each 0 to 1 (linear)."},
                  "metallic": {"type": "number", "description": "0 (dielectric) to 1 (metal)."},
                  "roughness": {"type": "number", "description": "0 (mirror) to 1 (matte)."},
                  "emissive": {"type": "array", "items": {"type": "number"}, "description": "RGB light emitted, each 0 to 1; [0,0,0] for none."}
                },
                "required": ["name", "base_color", "metallic", "roughness", "emissive"],
                "additionalProperties": false
              }
            },
            "nodes": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {"type": "string"},
                  "shape": {"type": "string", "enum": ["box", "sphere", "cylinder", "cone", "plane", "torus", "mesh"]},
                  "material": {"type": ["integer", "null"], "description": "Index into materials."},
                  "translation": {"type": "array", "items": {"type": "number"}, "description": "[x, y, z] in metres."},
                  "rotation": {"type": ["array", "null"], "items": {"type": "number"}, "description": "Unit quaternion [x, y, z, w], or null."},
                  "rotation_euler_degrees": {"type": ["array", "null"], "items": {"type": "number"}, "description": "[x, y, z] degrees, applied X then Y then Z; used when rotation is null."},
                  "scale": {"type": "array", "items": {"type": "number"}, "description": "[x, y, z]: the size of the unit shape along each axis."},
                  "mesh": {
                    "anyOf": [
                      {"type": "null"},
                      {
                        "type": "object",
                        "properties": {
                          "positions": {"type": "array", "items": {"type": "number"}},
                          "normals": {"type": ["array", "null"], "items": {"type": "number"}},
                          "indices": {"type": "array", "items": {"type": "integer"}}
                        },
                        "required": ["positions", "normals", "indices"],
                        "additionalProperties": false
                      }
                    ]
                  }
                },
                "required": ["name", "shape", "material", "translation", "rotation", "rotation_euler_degrees", "scale", "mesh"],
                "additionalProperties": false
              }
            }
          },
          "required": ["name", "description", "materials", "nodes"],
          "additionalProperties": false
        }
        """;
}
