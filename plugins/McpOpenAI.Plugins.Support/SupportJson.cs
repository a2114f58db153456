using System.Text.Json.Serialization;
using McpOpenAI.Plugins.Support.Results;

namespace McpOpenAI.Plugins.Support;

/// <summary>
/// Source-generated JSON metadata for this assembly's function parameters and results and the files it writes, added to
/// <see cref="McpOpenAI.Kernel.KernelJson.Options"/> when the plugin is registered (a NativeAOT build has no reflection-based JSON).
/// </summary>
[JsonSerializable(typeof(CustomerDetails))]
[JsonSerializable(typeof(OrderDetails))]
[JsonSerializable(typeof(KbSearchResult))]
[JsonSerializable(typeof(TicketDetails))]
internal sealed partial class SupportJson : JsonSerializerContext;
