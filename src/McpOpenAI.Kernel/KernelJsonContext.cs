using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel;

/// <summary>
/// Source-generated JSON metadata for what this assembly serializes: its functions' results (agents, prompt status),
/// prompt configurations (<see cref="PromptTemplateConfig"/>), JSON values and the plain values YAML files hold
/// (text, numbers, booleans, lists and mappings). Part of <see cref="KernelJson.Options"/>.
/// </summary>
[JsonSerializable(typeof(AgentResult))]
[JsonSerializable(typeof(FunctionOutput))]
[JsonSerializable(typeof(PromptStatusReport))]
[JsonSerializable(typeof(PromptTemplateConfig))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonValue))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(List<object>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(IDictionary<string, object>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object>))]
internal sealed partial class KernelJsonContext : JsonSerializerContext;
