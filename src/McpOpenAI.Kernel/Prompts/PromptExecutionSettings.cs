using System.Text.Json;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>One entry of a prompt's <c>execution_settings</c> map: the settings for one service id.</summary>
/// <param name="ServiceId">The map key (<c>default</c> for the default service).</param>
/// <param name="ModelId">The <c>model_id</c> setting, when given.</param>
/// <param name="Settings">Every other setting as written (<c>temperature</c>, <c>max_tokens</c>, …).</param>
public sealed record PromptExecutionSettings(string ServiceId, string? ModelId, IReadOnlyDictionary<string, JsonElement> Settings)
{
    /// <summary>The service id Semantic Kernel uses for settings that apply to any service.</summary>
    public const string DefaultServiceId = "default";
}
