using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>Asks the user through the MCP client: a form-mode <c>elicitation/create</c> request on the calling session.</summary>
internal sealed class McpUserInput(McpServer server) : IUserInput
{
    public bool IsAvailable => true;

    /// <summary>True when the client declared it can show forms.</summary>
    public static bool IsSupportedBy(ClientCapabilities? capabilities) =>
        capabilities?.Elicitation is { } elicitation && (elicitation.Form is not null || elicitation.Url is null);

    public async ValueTask<UserInputResponse> RequestAsync(UserInputRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ElicitRequestParams.RequestSchema? schema;
        try
        {
            schema = KernelJson.Deserialize<ElicitRequestParams.RequestSchema>(request.Schema, McpJsonUtilities.DefaultOptions);
        }
        catch (JsonException ex)
        {
            throw new FunctionException(ErrorCodes.Internal, $"The form the function asked to show is not a valid elicitation schema: {ex.Message}",
                ["A form is an object schema whose properties are strings, numbers, integers, booleans or enumerations."], ex);
        }

        var result = await server.ElicitAsync(new ElicitRequestParams { Message = request.Message, RequestedSchema = schema }, cancellationToken)
            .ConfigureAwait(false);
        var action = result.Action switch
        {
            "accept" => UserInputAction.Accept,
            "decline" => UserInputAction.Decline,
            _ => UserInputAction.Cancel,
        };
        IReadOnlyDictionary<string, JsonElement> values = action == UserInputAction.Accept && result.Content is { } content
            ? content.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>();
        return new UserInputResponse(action, values);
    }
}
