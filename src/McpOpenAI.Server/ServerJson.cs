using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using McpOpenAI.Kernel;
using McpOpenAI.Server.Jobs;

namespace McpOpenAI.Server;

/// <summary><see cref="KernelJson.Options"/> with the metadata of the server's own results (jobs), source-generated.</summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(KernelJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ServerJsonContext.Default, KernelJson.Options.TypeInfoResolver),
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSerializable(typeof(JobStatusView))]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(JobProgressSnapshot))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
