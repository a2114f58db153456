using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpOpenAI.Kernel;

/// <summary>
/// Writes and reads an enum as its snake_case name (<c>TextDelta</c> → <c>"text_delta"</c>), in results and schemas alike.
/// Put it on the enum type (<c>[JsonConverter(typeof(SnakeCaseEnumConverter&lt;T&gt;))]</c>): unlike a
/// <see cref="JsonStringEnumConverter"/> in the options, it makes no generic type at run time, so NativeAOT builds keep it.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower)
    where TEnum : struct, Enum;
