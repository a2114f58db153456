using System.Text.Json.Serialization;
using McpOpenAI.Plugins.Database.Results;

namespace McpOpenAI.Plugins.Database;

/// <summary>
/// Source-generated JSON metadata for this assembly's function parameters and results and the files it writes, added to
/// <see cref="McpOpenAI.Kernel.KernelJson.Options"/> when the plugin is registered (a NativeAOT build has no reflection-based JSON).
/// </summary>
[JsonSerializable(typeof(QueryResult))]
[JsonSerializable(typeof(SchemaSummary))]
[JsonSerializable(typeof(TableDescription))]
[JsonSerializable(typeof(TableList))]
internal sealed partial class DatabaseJson : JsonSerializerContext;
