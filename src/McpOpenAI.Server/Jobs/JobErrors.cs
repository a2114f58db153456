using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Server.Jobs;

/// <summary>The errors of the job tools.</summary>
internal static class JobErrors
{
    /// <summary>No job of the caller's has the id (another caller's job is as unknown as none).</summary>
    public static FunctionException Unknown(string id, TimeSpan retention) => new(ErrorCodes.NotFound, $"There is no job '{id}'.",
    [
        "Pass the id exactly as the long-running tool returned it; list_jobs shows your jobs.",
        $"Finished jobs are kept for {Durations.Words(retention)}; after that call the tool again.",
    ]);

    /// <summary>The argument must be a string.</summary>
    public static FunctionException NotText(string argument) =>
        FunctionException.InvalidArgument(argument, "it must be a string.", "the id a long-running tool returned", "job_0123456789abcdef01234567");
}
