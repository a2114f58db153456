namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Asks the person behind the caller for structured input while a function runs: a message and a form of
/// primitive fields. Hosts supply it (the MCP server over elicitation); a plugin method takes it as a parameter
/// (<c>[FromKernelServices] IUserInput input</c>), and never needs to know which host asked.
/// </summary>
public interface IUserInput
{
    /// <summary>True when the host can ask the user; otherwise <see cref="RequestAsync"/> throws a <see cref="Errors.FunctionException"/>.</summary>
    bool IsAvailable { get; }

    /// <summary>Shows the message and the form and waits for the user's answer.</summary>
    /// <exception cref="Errors.FunctionException">The host cannot ask the user (code <see cref="UserInputRequest.UnavailableCode"/>).</exception>
    ValueTask<UserInputResponse> RequestAsync(UserInputRequest request, CancellationToken cancellationToken = default);
}
