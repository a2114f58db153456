using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.TestPlugins;

/// <summary>Asks the user for a name and a size through <see cref="AmbientUserInput"/> and reports the answer.</summary>
public sealed class AskUserFunction : AIFunction
{
    /// <summary>The form it shows.</summary>
    public const string FormJson = """
        {"type":"object","properties":{
          "name":{"type":"string","description":"Your name","default":"Ada"},
          "size":{"type":"string","enum":["small","large"],"default":"small"},
          "count":{"type":"integer","minimum":1,"default":2}},
         "required":["name"]}
        """;

    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    /// <inheritdoc />
    public override string Name => "ask_user";

    /// <inheritdoc />
    public override string Description => "Asks the user for a name, a size and a count.";

    /// <inheritdoc />
    public override JsonElement JsonSchema => Schema;

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var response = await AmbientUserInput.Instance.RequestAsync(UserInputRequest.FromJson("Who are you?", FormJson), cancellationToken);
        return response.IsAccepted
            ? $"accepted: {string.Join(", ", response.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.GetRawText()}"))}"
            : $"not accepted: {response.Action}";
    }
}
