using System.Text.Json.Serialization;

namespace McpOpenAI.Plugins.Utility;

/// <summary>
/// Source-generated JSON metadata for this assembly's function parameters and results and the files it writes, added to
/// <see cref="McpOpenAI.Kernel.KernelJson.Options"/> when the plugin is registered (a NativeAOT build has no reflection-based JSON).
/// </summary>
[JsonSerializable(typeof(CurrentTime))]
[JsonSerializable(typeof(TextStatistics))]
internal sealed partial class UtilityJson : JsonSerializerContext;
