using System.Text;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Calls;

/// <summary>
/// Runs one kernel function for a host (the MCP bridge, the command line) through the kernel, so its filters apply.
/// A prompt function's answer is streamed: its text goes out as progress while the model writes, and the whole text is
/// the result.
/// </summary>
public static class KernelCalls
{
    /// <summary>Invokes the function and returns its result value.</summary>
    public static async Task<object?> InvokeAsync(Microsoft.SemanticKernel.Kernel kernel, KernelPlugin plugin, KernelFunction function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        if (plugin is IPromptPlugin prompts && prompts.TryGetPrompt(function.Name, out var prompt) && prompt.StreamsText && CallContext.Current?.Progress is { } progress)
        {
            var batcher = new TextDeltaBatcher(progress);
            var answer = new StringBuilder();
            await foreach (var chunk in function.InvokeStreamingAsync<string>(kernel, arguments, cancellationToken).ConfigureAwait(false))
            {
                answer.Append(chunk);
                batcher.Add(chunk);
            }
            batcher.Flush();
            return answer.ToString();
        }
        var result = await function.InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        return result.GetValue<object>();
    }
}
