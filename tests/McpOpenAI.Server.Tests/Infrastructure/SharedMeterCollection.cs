namespace McpOpenAI.Server.Tests.Infrastructure;

/// <summary>
/// Tests that start OpenTelemetry metric providers. A provider subscribes to the <c>McpOpenAI</c> meter by name, so it also sees
/// the meters of every other server in the test process, and when one of those servers stops, the stream they shared
/// ends for it too. These tests therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedMeterCollection
{
    public const string Name = "Shared McpOpenAI meter";
}
