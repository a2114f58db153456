using System.ComponentModel;
using System.Text.Json;
using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>The OpenAI plugin's chat functions: <c>chat</c> (streamed, multimodal, structured output) and <c>analyze_image</c>.</summary>
public sealed class ChatFunctions
{
    private const string DefaultVisionPrompt =
        "Describe this image thoroughly: the subject, setting, people and objects, any text (quote it exactly), colours, style and mood, and anything unusual.";

    private readonly OpenAIClientFactory _factory;
    private readonly IConfiguration _configuration;
    private readonly ChatRunner _runner;

    /// <summary>Creates the functions.</summary>
    public ChatFunctions(OpenAIClientFactory factory, IConfiguration configuration, TimeProvider? time = null)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _runner = new ChatRunner(factory, time ?? TimeProvider.System);
    }

    /// <summary>Asks an OpenAI chat model; streams the answer as progress and returns it whole.</summary>
    [KernelFunction("chat")]
    [Description("Ask an OpenAI chat model. Give a prompt, or a messages list (roles system/user/assistant), or both (the prompt becomes the last user message). " +
        "The answer streams as progress notifications; the result is the whole answer with model, usage and finish reason. " +
        "Set response_format to \"json_object\" or a JSON schema for structured output (returned parsed in 'data'). Attach images for vision. Stateless: pass the whole conversation each time.")]
    [FunctionTraits(Title = "Chat with an OpenAI model", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true, LongRunning = true)]
    public async Task<ChatResult> Chat(
        [Description("The user's message.")] string? prompt = null,
        [Description("The conversation so far, oldest first: [{\"role\":\"user\",\"content\":\"…\"}]. Roles: system, user, assistant.")] ChatMessageInput[]? messages = null,
        [Description("System instructions (the assistant's role and rules).")] string? system = null,
        [Description("The model id; default from configuration (gpt-4.1-mini).")] string? model = null,
        [Description("Randomness, 0 to 2 (default 1).")] double? temperature = null,
        [Description("Nucleus sampling, 0 to 1; change this or temperature, not both.")] double? topP = null,
        [Description("The most tokens to write, 1 to 128000.")] int? maxTokens = null,
        [Description("Up to 4 sequences that end the answer.")] string[]? stop = null,
        [Description("A seed for best-effort reproducible answers.")] long? seed = null,
        [Description("\"text\" (default), \"json_object\", or a JSON schema object (root type \"object\") for structured output; OpenAI's {\"type\":\"json_schema\",\"json_schema\":{…}} is accepted too.")] JsonElement? responseFormat = null,
        [Description("Images to look at: https URLs, local file paths or data URIs (PNG, JPEG, WEBP, GIF; up to 10, 20 MB each).")] string[]? images = null,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var modelId = Arguments.Model(model, _factory.Options.ChatModel);
        Arguments.Range(temperature, 0, 2, "temperature", "0.7");
        Arguments.Range(topP, 0, 1, "top_p", "0.9");
        Arguments.Range(maxTokens, 1, 128_000, "max_tokens", "500");
        var stopSequences = ChatRequestBuilder.Stop(stop);
        var (format, strict) = ResponseFormatParser.Parse(responseFormat);
        var loaded = await ImageInput.LoadAllAsync(images, "images", ChatRequestBuilder.MaxImages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var chatMessages = ChatRequestBuilder.Messages(prompt, messages, system, loaded, detail: null);

        var options = new ChatOptions
        {
            ModelId = modelId,
            Temperature = (float?)temperature,
            TopP = (float?)topP,
            MaxOutputTokens = maxTokens,
            StopSequences = stopSequences,
            Seed = seed,
            ResponseFormat = format,
        };
        if (strict is { } s) options.AdditionalProperties = new() { [OpenAIStructuredOutput.StrictKey] = s };
        // OpenAI rejects json_object unless a message mentions JSON; say it for the caller rather than fail.
        if (format is ChatResponseFormatJson { Schema: null } && !chatMessages.Any(m => m.Text.Contains("json", StringComparison.OrdinalIgnoreCase)))
            chatMessages.Insert(0, new ChatMessage(ChatRole.System, "Respond with a single JSON object."));
        return await _runner.RunAsync("chat", chatMessages, options, progress ?? new Progress<FunctionProgress>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks at images with an OpenAI vision model.</summary>
    [KernelFunction("analyze_image")]
    [Description("Look at one or more images with an OpenAI vision model and describe them or answer a question about them. " +
        "Images: https URLs, local file paths or data URIs (PNG, JPEG, WEBP, GIF; up to 10, 20 MB each). Local files are read and sent inline.")]
    [FunctionTraits(Title = "Analyze images", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true, LongRunning = true)]
    public async Task<ChatResult> AnalyzeImage(
        [Description("The images: https URLs, local file paths or data URIs.")] string[] images,
        [Description("What to find out; default: a thorough description.")] string? prompt = null,
        [Description("How closely to look: low (fast, cheap), high (fine detail) or auto (default).")] string? detail = null,
        [Description("The vision model; default: OpenAI:VisionModel, else the chat model.")] string? model = null,
        [Description("The most tokens to write, 1 to 128000.")] int? maxTokens = null,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var defaultModel = _configuration["OpenAI:VisionModel"] is { Length: > 0 } vision ? vision : _factory.Options.ChatModel;
        var modelId = Arguments.Model(model, defaultModel);
        var level = Arguments.OneOf(detail, "detail", "auto", "low", "high");
        Arguments.Range(maxTokens, 1, 128_000, "max_tokens", "800");
        if (images is null || images.Length == 0)
            throw Kernel.Errors.FunctionException.InvalidArgument("images", "give at least one image.", "https URLs, local file paths or data URIs", "[\"/home/me/photo.jpg\"]");
        if (prompt is not null && string.IsNullOrWhiteSpace(prompt))
            throw Kernel.Errors.FunctionException.InvalidArgument("prompt", "the prompt is empty; leave it out for a thorough description.", "any non-empty text", "\"What breed is this dog?\"");
        var loaded = await ImageInput.LoadAllAsync(images, "images", ChatRequestBuilder.MaxImages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var messages = ChatRequestBuilder.Messages(prompt ?? DefaultVisionPrompt, null, null, loaded, level);
        var options = new ChatOptions { ModelId = modelId, MaxOutputTokens = maxTokens };
        return await _runner.RunAsync("analyze_image", messages, options, progress ?? new Progress<FunctionProgress>(), cancellationToken).ConfigureAwait(false);
    }
}
