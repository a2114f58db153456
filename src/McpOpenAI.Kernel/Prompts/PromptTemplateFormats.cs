namespace McpOpenAI.Kernel.Prompts;

/// <summary>The template syntaxes a prompt file may declare in <c>template_format</c>.</summary>
public static class PromptTemplateFormats
{
    /// <summary>Semantic Kernel's own syntax: <c>{{$var}}</c>, <c>{{plugin.function $arg name='value'}}</c>. The default.</summary>
    public const string SemanticKernel = "semantic-kernel";

    /// <summary>Handlebars through Handlebars.Net: <c>{{var}}</c>, <c>{{#each}}</c>, functions as <c>{{Plugin-function}}</c>.</summary>
    public const string Handlebars = "handlebars";
}
