namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>A parsed prompt template: what it references (checked at load) and how it renders.</summary>
internal interface IPromptTemplate
{
    /// <summary>The variables the template reads (outside loops and other context changes).</summary>
    IReadOnlyList<TemplateVariableReference> Variables { get; }

    /// <summary>The kernel functions the template calls.</summary>
    IReadOnlyList<TemplateFunctionReference> Functions { get; }

    /// <summary>Renders the template to text (message tags included, values encoded as the prompt says).</summary>
    ValueTask<string> RenderAsync(TemplateRenderContext context);
}
