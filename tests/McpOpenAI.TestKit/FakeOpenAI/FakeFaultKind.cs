namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>What an injected fault does to the request it hits.</summary>
public enum FakeFaultKind
{
    /// <summary>Answers with an HTTP error in OpenAI's envelope.</summary>
    Error,

    /// <summary>Waits, then answers normally.</summary>
    Latency,

    /// <summary>Aborts the connection part-way through a streamed answer (at once for non-streamed ones).</summary>
    BrokenStream,

    /// <summary>Never answers until the client gives up.</summary>
    Hang,

    /// <summary>Streams normally but pauses for the fault's delay after the first SSE event of a given name.</summary>
    SlowStream,
}
