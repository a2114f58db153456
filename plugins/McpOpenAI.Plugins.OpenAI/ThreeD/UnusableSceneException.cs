using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A scene the model returned that cannot be written: an <c>upstream_error</c> whose <see cref="Problem"/> says what to change.</summary>
internal sealed class UnusableSceneException(string problem) : FunctionException(ErrorCodes.UpstreamError,
    $"The model returned a 3D scene that cannot be used: {problem}",
    ["Try again: the model answers differently each time.", "A simpler description or detail=low gives a smaller scene.", "Or name a stronger model with 'model'."])
{
    /// <summary>What is wrong and what to change, in words the model can act on.</summary>
    public string Problem { get; } = problem;
}
