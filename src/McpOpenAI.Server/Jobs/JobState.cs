using System.Text.Json.Serialization;
using McpOpenAI.Kernel;

namespace McpOpenAI.Server.Jobs;

/// <summary>Where a job is in its life. Written in snake case (<c>running</c>) in results and in the job store.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<JobState>))]
internal enum JobState
{
    /// <summary>The call is still working.</summary>
    Running,

    /// <summary>The call finished with a result.</summary>
    Completed,

    /// <summary>The call finished with a tool error (the error is its result).</summary>
    Failed,

    /// <summary>cancel_job (or the client's cancellation during the first wait) stopped it.</summary>
    Cancelled,

    /// <summary>The server stopped while it ran; its result is lost.</summary>
    Interrupted,
}
