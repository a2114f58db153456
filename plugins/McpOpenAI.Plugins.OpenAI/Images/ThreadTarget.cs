using System.Globalization;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Where a Responses API result joins: an existing thread (and the step it branches from), or a new one.</summary>
/// <param name="ThreadId">The thread, or null to start one.</param>
/// <param name="ParentStep">The step continued, or null.</param>
/// <param name="PreviousResponseId">The response id to continue, or null.</param>
internal sealed record ThreadTarget(string? ThreadId, int? ParentStep, string? PreviousResponseId)
{
    /// <summary>
    /// Resolves <c>thread</c>, <c>from_step</c> and <c>previous_response_id</c> against the stored threads before any request:
    /// null when none is given. An unknown thread is <c>not_found</c>; a step the thread lacks, or arguments that name
    /// different steps, are <c>invalid_argument</c>. A thread with no steps yet gets its first step (no response to continue).
    /// </summary>
    public static ThreadTarget? Resolve(ImageThreadStore threads, string? thread, int? fromStep, string? previousResponseId)
    {
        if (thread is null)
        {
            if (fromStep is not null)
            {
                throw FunctionException.InvalidArgument("from_step", previousResponseId is null
                    ? "from_step needs a thread."
                    : "from_step picks a step of 'thread'; with previous_response_id alone, that response is the step continued.",
                    "a step number of the thread given in 'thread'", "2");
            }
            if (previousResponseId is null) return null;
            var known = threads.FindByResponse(previousResponseId);
            return new ThreadTarget(known?.Thread.Id, known?.Step.Step, previousResponseId);
        }
        var found = threads.Get(thread) ?? throw Unknown(thread);
        var step = Step(found, fromStep, previousResponseId);
        return new ThreadTarget(found.Id, step?.Step, step?.ResponseId);
    }

    // The step to continue: from_step, else the one previous_response_id names, else the last; null for a thread without steps.
    private static ImageThreadStep? Step(ImageThread thread, int? fromStep, string? previousResponseId)
    {
        var byResponse = previousResponseId is null ? null : thread.Steps.FirstOrDefault(s => s.ResponseId == previousResponseId)
            ?? throw FunctionException.InvalidArgument("previous_response_id", $"'{Arguments.Shorten(previousResponseId)}' is not a response of thread {thread.Id}.",
                $"a response id of thread {thread.Id} (see list_image_threads), or leave it out and pick the step with from_step");
        if (fromStep is null) return byResponse ?? thread.Steps.LastOrDefault();
        var count = thread.Steps.Count.ToString(CultureInfo.InvariantCulture);
        var byNumber = thread.Steps.FirstOrDefault(s => s.Step == fromStep)
            ?? throw FunctionException.InvalidArgument("from_step", thread.Steps.Count == 0 ? $"thread {thread.Id} has no steps yet." : $"thread {thread.Id} has no step {fromStep}.",
                thread.Steps.Count == 0 ? "no from_step until the thread has a step" : $"1 to {count}", count);
        if (byResponse is not null && byResponse.Step != byNumber.Step)
        {
            throw FunctionException.InvalidArgument("from_step", $"from_step {fromStep} and previous_response_id (step {byResponse.Step}) name different steps of thread {thread.Id}.",
                "one of them", byResponse.Step.ToString(CultureInfo.InvariantCulture));
        }
        return byNumber;
    }

    private static FunctionException Unknown(string thread)
    {
        var shape = ImageThreadStore.IsThreadId(thread) ? "" : " (thread ids look like thr_ and 10 hex digits, e.g. thr_0a1b2c3d4e)";
        return new FunctionException(ErrorCodes.NotFound, $"Unknown image thread '{Arguments.Shorten(thread)}'{shape}: no thread with that id is stored, so there is nothing to continue.",
        [
            "List the threads, with their steps and response ids, with list_image_threads.",
            "Start a new thread by leaving out 'thread': edit_image with images, or generate_image with a gpt-image model and n=1; the result's 'thread' is the id to continue.",
            "To continue an OpenAI response you know, pass its id as previous_response_id instead.",
        ]);
    }
}
