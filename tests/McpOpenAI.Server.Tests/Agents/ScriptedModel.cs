using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.Agents;

/// <summary>Scripts the fake model by how many tool results the request carries since its last user message.</summary>
internal static class ScriptedModel
{
    public static Func<FakeChatRequest, FakeChatReply> Steps(params Func<FakeChatRequest, FakeChatReply>[] steps) => request =>
    {
        var lastUser = request.Messages.Select((m, i) => (m, i)).Last(x => x.m.Role == "user").i;
        var toolTurns = request.Messages.Skip(lastUser).Count(m => m.Role == "assistant");
        return toolTurns < steps.Length ? steps[toolTurns](request) : FakeChatReply.FromText("(script ended)");
    };

    public static FakeChatReply Call(string name, object? arguments = null) =>
        FakeChatReply.FromToolCall(name, arguments ?? new { });

    public static FakeChatReply Calls(params (string Name, object Arguments)[] calls) =>
        FakeChatReply.FromToolCalls(calls.Select((c, i) => new FakeToolCall($"call_{Guid.NewGuid():N}"[..12] + i, c.Name, JsonSerializer.Serialize(c.Arguments))).ToArray());
}
