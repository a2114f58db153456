using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Host-supplied values that travel with a call in <see cref="AIFunctionArguments.Context"/>:
/// the progress reporter, the caller's chat client (e.g. MCP sampling) and a way to ask the user (e.g. MCP elicitation). Hosts set them; plugins and
/// prompt functions read them.
/// </summary>
public static class FunctionContext
{
    private static readonly object ProgressKey = typeof(IProgress<FunctionProgress>);
    private static readonly object CallerChatClientKey = new();
    private static readonly object UserInputKey = typeof(IUserInput);

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

    /// <summary>
    /// The way to ask the user for input during this call; when the host offers none, one whose
    /// <see cref="IUserInput.IsAvailable"/> is false and whose requests fail with a clear <see cref="FunctionException"/>.
    /// </summary>
    public static IUserInput GetUserInput(AIFunctionArguments? arguments) =>
        arguments?.Context is { } context && context.TryGetValue(UserInputKey, out var value) && value is IUserInput input
            ? input
            : UnavailableUserInput.Instance;

    /// <summary>Offers a way to ask the user to the functions of a call.</summary>
    public static void SetUserInput(AIFunctionArguments arguments, IUserInput userInput) =>
        (arguments.Context ??= new Dictionary<object, object?>())[UserInputKey] = userInput;

    private sealed class UnavailableUserInput : IUserInput
    {
        public static readonly UnavailableUserInput Instance = new();

        public bool IsAvailable => false;

        public ValueTask<UserInputResponse> RequestAsync(UserInputRequest request, CancellationToken cancellationToken = default) =>
            throw new FunctionException(UserInputRequest.UnavailableCode,
                "This function needs to ask you for input, but the client cannot show forms (it does not offer MCP elicitation).",
                ["Use a client that supports elicitation, or call a function that takes the values as arguments."]);
    }

    private sealed class NullProgress : IProgress<FunctionProgress>
    {
        public static readonly NullProgress Instance = new();

        public void Report(FunctionProgress value)
        {
        }
    }
}
