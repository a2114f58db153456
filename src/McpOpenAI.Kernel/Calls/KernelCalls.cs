using System.Text;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Calls;

/// <summary>
/// Runs one kernel function for a host (the MCP bridge, the command line) through the kernel, so its filters apply.
/// A prompt function's answer is always streamed: its text goes out as progress while the model writes (when the host
/// takes progress), and the whole text is the result.
/// </summary>
public static class KernelCalls
{
    /// <summary>Invokes the function and returns its result value.</summary>
    public static async Task<object?> InvokeAsync(Microsoft.SemanticKernel.Kernel kernel, KernelPlugin plugin, KernelFunction function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        // Streamed even without progress: invoked without streaming, Semantic Kernel's result is the chat client's whole
        // response object rather than its text.
        if (plugin is IPromptPlugin prompts && prompts.TryGetPrompt(function.Name, out var prompt) && prompt.StreamsText)
        {
            var batcher = CallContext.Current?.Progress is { } progress ? new TextDeltaBatcher(progress) : null;
            var answer = new StringBuilder();
            await foreach (var chunk in function.InvokeStreamingAsync<string>(kernel, arguments, cancellationToken).ConfigureAwait(false))
            {
                answer.Append(chunk);
                batcher?.Add(chunk);
            }
            batcher?.Flush();
            return answer.ToString();
        }
        var result = await function.InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        return result.GetValue<object>();
    }
}
