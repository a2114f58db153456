using System.Text.Json.Serialization;
using McpOpenAI.Plugins.Operations.Caching;
using McpOpenAI.Plugins.Operations.Usage;

namespace McpOpenAI.Plugins.Operations;

/// <summary>
/// Source-generated JSON metadata for this assembly's function parameters and results and the files it writes, added to
/// <see cref="McpOpenAI.Kernel.KernelJson.Options"/> when the plugin is registered (a NativeAOT build has no reflection-based JSON).
/// </summary>
[JsonSerializable(typeof(CacheStatistics))]
[JsonSerializable(typeof(ClearCacheResult))]
[JsonSerializable(typeof(UsageReport))]
[JsonSerializable(typeof(Dictionary<string, ModelPrice>))]
internal sealed partial class OperationsJson : JsonSerializerContext;
