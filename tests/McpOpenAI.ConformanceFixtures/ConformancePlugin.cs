using System.ComponentModel;
using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Microsoft.SemanticKernel;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>The tools the MCP conformance suite's server scenarios call, under the names it expects.</summary>
[Description("Fixtures for the MCP conformance suite.")]
public sealed class ConformancePlugin(ILogger<ConformancePlugin> logger)
{
    /// <summary>A 1x1 red PNG.</summary>
    public const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /// <summary>A tiny WAV header with no samples.</summary>
    public const string WavBase64 = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";

    [KernelFunction("test_simple_text")]
    [Description("Returns simple text.")]
    public string TestSimpleText() => "This is a simple text response for testing.";

    [KernelFunction("test_image_content")]
    [Description("Returns an image.")]
    public object TestImageContent() => new DataContent(Convert.FromBase64String(PngBase64), "image/png");

    [KernelFunction("test_audio_content")]
    [Description("Returns audio.")]
    public object TestAudioContent() => new DataContent(Convert.FromBase64String(WavBase64), "audio/wav");

    [KernelFunction("test_embedded_resource")]
    [Description("Returns an embedded resource.")]
    public object TestEmbeddedResource() => new CallToolResult
    {
        Content = [new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = "test://embedded-resource", MimeType = "text/plain", Text = "This is an embedded resource content." } }],
    };

    [KernelFunction("test_multiple_content_types")]
    [Description("Returns text, an image and an embedded resource.")]
    public object TestMultipleContentTypes() => new CallToolResult
    {
        Content =
        [
            new TextContentBlock { Text = "Multiple content types test:" },
            ImageContentBlock.FromBytes(Convert.FromBase64String(PngBase64), "image/png"),
            new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = "test://mixed-content-resource", MimeType = "application/json", Text = """{"test":"data","value":123}""" } },
        ],
    };

    [KernelFunction("test_tool_with_logging")]
    [Description("Logs three lines while it runs.")]
    public async Task<string> TestToolWithLogging(CancellationToken cancellationToken)
    {
        logger.LogInformation("Tool execution started");
        await Task.Delay(50, cancellationToken);
        logger.LogInformation("Tool processing data");
        await Task.Delay(50, cancellationToken);
        logger.LogInformation("Tool execution completed");
        return "Tool with logging executed successfully";
    }

    [KernelFunction("test_error_handling")]
    [Description("Always fails.")]
    public string TestErrorHandling() => throw new InvalidOperationException("This tool intentionally returns an error for testing");

    [KernelFunction("test_tool_with_progress")]
    [Description("Reports progress 0, 50 and 100 of 100.")]
    public async Task<string> TestToolWithProgress([FromKernelServices] IProgress<FunctionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new FunctionProgress(0, 100, "started"));
        await Task.Delay(50, cancellationToken);
        progress?.Report(new FunctionProgress(50, 100, "halfway"));
        await Task.Delay(50, cancellationToken);
        progress?.Report(new FunctionProgress(100, 100, "done"));
        return "Tool with progress executed successfully";
    }

    [KernelFunction("test_sampling")]
    [Description("Asks the client's model (sampling) and returns its answer.")]
    public async Task<string> TestSampling([Description("The prompt to send.")] string prompt, CancellationToken cancellationToken)
    {
        var client = McpOpenAI.Kernel.Calls.CallContext.Current?.CallerChatClient ?? throw new InvalidOperationException("The client does not offer sampling.");
        var response = await client.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 100 }, cancellationToken);
        return $"LLM response: {response.Text}";
    }

    [KernelFunction("test_elicitation")]
    [Description("Asks the user for a username and an email address (elicitation) and returns the answer.")]
    public async Task<string> TestElicitation([Description("The message to show the user.")] string message, [FromKernelServices] IUserInput userInput, CancellationToken cancellationToken)
    {
        var response = await userInput.RequestAsync(UserInputRequest.FromJson(message, """
            {"type":"object","properties":{
              "username":{"type":"string","description":"User's response"},
              "email":{"type":"string","description":"User's email address"}},
             "required":["username","email"]}
            """), cancellationToken);
        return $"User response: {Describe(response)}";
    }

    [KernelFunction("test_elicitation_sep1034_defaults")]
    [Description("Asks the user for a form whose fields all have defaults (SEP-1034).")]
    public async Task<string> TestElicitationSep1034Defaults([FromKernelServices] IUserInput userInput, CancellationToken cancellationToken)
    {
        var response = await userInput.RequestAsync(UserInputRequest.FromJson("Please review and update the form fields with defaults", """
            {"type":"object","properties":{
              "name":{"type":"string","description":"User name","default":"John Doe"},
              "age":{"type":"integer","description":"User age","default":30},
              "score":{"type":"number","description":"User score","default":95.5},
              "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],"default":"active"},
              "verified":{"type":"boolean","description":"Verification status","default":true}}}
            """), cancellationToken);
        return $"Elicitation completed: {Describe(response)}";
    }

    [KernelFunction("test_elicitation_sep1330_enums")]
    [Description("Asks the user to choose from every kind of enumeration (SEP-1330).")]
    public async Task<string> TestElicitationSep1330Enums([FromKernelServices] IUserInput userInput, CancellationToken cancellationToken)
    {
        var response = await userInput.RequestAsync(UserInputRequest.FromJson("Please select options from the enum fields", """
            {"type":"object","properties":{
              "untitledSingle":{"type":"string","description":"Select one option","enum":["option1","option2","option3"]},
              "titledSingle":{"type":"string","description":"Select one option with titles","oneOf":[
                {"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},
              "legacyEnum":{"type":"string","description":"Select one option (legacy)","enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},
              "untitledMulti":{"type":"array","description":"Select multiple options","items":{"type":"string","enum":["option1","option2","option3"]}},
              "titledMulti":{"type":"array","description":"Select multiple options with titles","items":{"anyOf":[
                {"const":"value1","title":"First Choice"},{"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}}}
            """), cancellationToken);
        return $"Elicitation completed: {Describe(response)}";
    }

    private static string Describe(UserInputResponse response) =>
        $"action={response.Action.ToString().ToLowerInvariant()}, content={JsonSerializer.Serialize(response.Values)}";
}
