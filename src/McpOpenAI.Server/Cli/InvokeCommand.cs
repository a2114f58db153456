using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Bridge;

namespace McpOpenAI.Server.Cli;

/// <summary>
/// <c>mcp-openai invoke Plugin.function --arg name=value</c>: runs one function through the kernel and streams
/// its text to stdout as it arrives (status lines go to stderr). How a non-developer tries a prompt file.
/// </summary>
internal static class InvokeCommand
{
    public static async Task<int> RunAsync(KernelHost host, ParsedCommand command, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!TryResolve(host, command.Target!, out var tool))
        {
            await errors.WriteLineAsync($"mcp-openai: there is no function '{command.Target}'. Run 'mcp-openai list' to see them.").ConfigureAwait(false);
            return 2;
        }

        var schema = ToolSchema.Of(tool.Function, tool.Plugin);
        var given = new List<KeyValuePair<string, object?>>();
        foreach (var (name, raw) in command.Arguments)
            given.Add(new(name, ToJson(schema, name, raw.StartsWith('@') ? await File.ReadAllTextAsync(raw[1..], cancellationToken).ConfigureAwait(false) : raw)));

        var streamed = new StreamingWriter(output, errors);
        try
        {
            var arguments = schema.ToArguments(given);
            using var call = CallContext.Begin(new CallContext { Progress = streamed, Source = InvocationSource.CommandLine, ToolName = tool.ToolName });
            var result = await KernelCalls.InvokeAsync(host.Kernel, tool.Plugin, tool.Function, arguments, cancellationToken).ConfigureAwait(false);
            var text = ToolResults.From(result, structured: false).Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(b => ForPeople(b.Text));
            var final = string.Join(Environment.NewLine, text);
            if (!streamed.WroteText || final != streamed.Text)
                await output.WriteAsync((streamed.WroteText ? Environment.NewLine : "") + final).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await errors.WriteLineAsync(ToolErrors.Format(ToolErrors.Classify(ex))).ConfigureAwait(false);
            return 1;
        }
    }

    private static bool TryResolve(KernelHost host, string target, out NamedTool tool)
    {
        var all = ToolNaming.Assign(host.Plugins);
        tool = host.TryGetFunction(target, out _, out var function)
            ? all.First(t => ReferenceEquals(t.Function, function))
            : all.FirstOrDefault(t => string.Equals(t.ToolName, target, StringComparison.OrdinalIgnoreCase))!;
        return tool is not null;
    }

    // A value becomes JSON of the type the function's schema asks for: "5" is a number for an integer parameter.
    private static JsonElement ToJson(ToolSchema schema, string name, string raw)
    {
        var type = schema.InputSchema.TryGetProperty("properties", out var props) && props.TryGetProperty(name, out var prop)
            && prop.TryGetProperty("type", out var t) ? t.ToString() : "string";
        if (!type.Contains("string", StringComparison.Ordinal))
        {
            try
            {
                return JsonDocument.Parse(raw).RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON: pass it as text and let the function say what it expected.
            }
        }
        return KernelJson.SerializeToElement(raw, KernelJson.PlainOptions);
    }

    // Results are compact JSON for clients and models; at a terminal a person reads them indented.
    private static readonly JsonSerializerOptions Indented = new(KernelJson.Options) { WriteIndented = true };

    private static string ForPeople(string text)
    {
        if (text is not ['{', ..] and not ['[', ..])
            return text;
        try
        {
            using var json = JsonDocument.Parse(text);
            return KernelJson.Serialize(json.RootElement, Indented);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private sealed class StreamingWriter(TextWriter output, TextWriter errors) : IProgress<FunctionProgress>
    {
        private readonly System.Text.StringBuilder _text = new();

        public bool WroteText => _text.Length > 0;

        public string Text => _text.ToString();

        public void Report(FunctionProgress value)
        {
            if (value.Kind == ProgressKind.TextDelta && value.Message is { } chunk)
            {
                _text.Append(chunk);
                output.Write(chunk);
                output.Flush();
            }
            else if (value.Message is { } message)
            {
                errors.WriteLine(value.Total is { } total ? $"[{value.Progress}/{total}] {message}" : $"[..] {message}");
            }
        }
    }
}
