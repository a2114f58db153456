using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>A prompt made in code: named string parameters and messages with any content. As a tool it returns the contents.</summary>
public abstract class FixturePrompt : AIFunction
{
    private readonly JsonElement _schema;

    /// <summary>Creates the prompt with its required string parameters.</summary>
    protected FixturePrompt(string name, string description, params string[] parameters)
    {
        Name = name;
        Description = description;
        Prompt = new PromptDescriptor(
            parameters.Select(p => new PromptParameter(p, null, IsRequired: true, Default: null)).ToArray(),
            (_, arguments, _) => ValueTask.FromResult(Render(new AIFunctionArguments(arguments))),
            new FunctionTraits { ReadOnly = true });
        var properties = new JsonObject();
        foreach (var parameter in parameters)
            properties[parameter] = new JsonObject { ["type"] = "string" };
        _schema = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(parameters.Select(p => (JsonNode?)p).ToArray()),
        });
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override JsonElement JsonSchema => _schema;

    /// <summary>The function as an MCP prompt: its parameters and how it renders.</summary>
    public PromptDescriptor Prompt { get; }

    /// <summary>The prompt's messages for the given arguments.</summary>
    protected abstract IReadOnlyList<ChatMessage> Render(AIFunctionArguments arguments);

    /// <inheritdoc />
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>(Render(arguments).SelectMany(m => m.Contents).ToList());
}
