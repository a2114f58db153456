using System.Text.Json.Serialization;
using McpOpenAI.Plugins.Research.Results;

namespace McpOpenAI.Plugins.Research;

/// <summary>
/// Source-generated JSON metadata for this assembly's function parameters and results and the files it writes, added to
/// <see cref="McpOpenAI.Kernel.KernelJson.Options"/> when the plugin is registered (a NativeAOT build has no reflection-based JSON).
/// </summary>
[JsonSerializable(typeof(DocumentSearchResult))]
[JsonSerializable(typeof(DocumentContent))]
[JsonSerializable(typeof(WebSearchResult))]
internal sealed partial class ResearchJson : JsonSerializerContext;
