using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The error for a scene the model returned that cannot be written.</summary>
internal static class UnusableScene
{
    public static FunctionException Error(string problem) => new(ErrorCodes.UpstreamError,
        $"The model returned a 3D scene that cannot be used: {problem}",
        ["Try again: the model answers differently each time.", "A simpler description or detail=low gives a smaller scene.", "Or name a stronger model with 'model'."]);
}
