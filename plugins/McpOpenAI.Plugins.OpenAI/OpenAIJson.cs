using System.Text.Json.Serialization;
using McpOpenAI.Plugins.OpenAI.Chat;
using McpOpenAI.Plugins.OpenAI.Configuration;
using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI;

/// <summary>
/// Source-generated JSON metadata for this assembly's function parameters and results and the files it writes, added to
/// <see cref="McpOpenAI.Kernel.KernelJson.Options"/> when the plugin is registered (a NativeAOT build has no reflection-based JSON).
/// </summary>
[JsonSerializable(typeof(ChatResult))]
[JsonSerializable(typeof(ChatMessageInput[]))]
[JsonSerializable(typeof(EmbeddingResult))]
[JsonSerializable(typeof(ModerationResult))]
[JsonSerializable(typeof(ConfigStatus))]
[JsonSerializable(typeof(ConfigureResult))]
[JsonSerializable(typeof(ModelListResult))]
[JsonSerializable(typeof(BatchResult))]
[JsonSerializable(typeof(BatchVariant[]))]
[JsonSerializable(typeof(ImageResult))]
[JsonSerializable(typeof(ImageMetadata))]
[JsonSerializable(typeof(ImageThread))]
[JsonSerializable(typeof(IReadOnlyList<ImageThread>))]
[JsonSerializable(typeof(ModelResult))]
[JsonSerializable(typeof(ModelMetadata))]
[JsonSerializable(typeof(SceneSpec))]
internal sealed partial class OpenAIJson : JsonSerializerContext;
