using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Host-supplied values that travel with a call in <see cref="AIFunctionArguments.Context"/>:
/// the progress reporter and the caller's chat client (e.g. MCP sampling). Hosts set them; plugins and
/// prompt functions read them.
/// </summary>
public static class FunctionContext
{
    private static readonly object ProgressKey = typeof(IProgress<FunctionProgress>);
    private static readonly object CallerChatClientKey = new();

    /// <summary>The progress reporter for this call; a no-op one when the host set none.</summary>
    public static IProgress<FunctionProgress> GetProgress(AIFunctionArguments? arguments) =>
        arguments?.Context is { } context && context.TryGetValue(ProgressKey, out var value) && value is IProgress<FunctionProgress> progress
            ? progress
            : NullProgress.Instance;

    /// <summary>Sets the progress reporter for a call.</summary>
    public static void SetProgress(AIFunctionArguments arguments, IProgress<FunctionProgress> progress) =>
        (arguments.Context ??= new Dictionary<object, object?>())[ProgressKey] = progress;

    /// <summary>The caller's own chat client (MCP sampling), when the host offers one.</summary>
    public static IChatClient? GetCallerChatClient(AIFunctionArguments? arguments) =>
        arguments?.Context is { } context && context.TryGetValue(CallerChatClientKey, out var value) ? value as IChatClient : null;

    /// <summary>Offers the caller's own chat client to the functions of a call.</summary>
    public static void SetCallerChatClient(AIFunctionArguments arguments, IChatClient client) =>
        (arguments.Context ??= new Dictionary<object, object?>())[CallerChatClientKey] = client;

    private sealed class NullProgress : IProgress<FunctionProgress>
    {
        public static readonly NullProgress Instance = new();

        public void Report(FunctionProgress value)
        {
        }
    }
}
