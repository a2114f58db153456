using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpOpenAI.Kernel.Agents;

/// <summary>Writes <see cref="AgentStopReason"/> as snake_case text (<c>max_iterations</c>) even where the serializer options carry another enum converter (a property's converter wins over the options').</summary>
public sealed class AgentStopReasonConverter : JsonStringEnumConverter<AgentStopReason>
{
    /// <summary>Creates the converter.</summary>
    public AgentStopReasonConverter()
        : base(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    {
    }
}
