using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Calls;

/// <summary>
/// The <see cref="IUserInput"/> service a plugin method receives through <c>[FromKernelServices] IUserInput input</c>:
/// it asks through the host of the call in progress (<see cref="CallContext.Current"/>), and fails with a clear error
/// when that host cannot ask the user.
/// </summary>
public sealed class AmbientUserInput : IUserInput
{
    /// <summary>The one instance.</summary>
    public static AmbientUserInput Instance { get; } = new();

    /// <inheritdoc />
    public bool IsAvailable => CallContext.Current?.UserInput?.IsAvailable == true;

    /// <inheritdoc />
    public ValueTask<UserInputResponse> RequestAsync(UserInputRequest request, CancellationToken cancellationToken = default) =>
        CallContext.Current?.UserInput is { IsAvailable: true } input
            ? input.RequestAsync(request, cancellationToken)
            : throw new FunctionException(UserInputRequest.UnavailableCode,
                "This function needs to ask you for input, but the client cannot show forms (it does not offer MCP elicitation).",
                ["Use a client that supports elicitation, or call a function that takes the values as arguments."]);
}
