using McpOpenAI.Kernel;
using McpOpenAI.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Cli;

/// <summary>Runs the command the user asked for, with exit codes: 0 ok, 1 the function failed, 2 bad usage or configuration.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        ParsedCommand command;
        try
        {
            command = ParsedCommand.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"mcp-openai: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        if (command.Verb == "help")
        {
            await Console.Out.WriteLineAsync(ParsedCommand.Usage).ConfigureAwait(false);
            return 0;
        }
        if (command.Verb == "version")
        {
            await Console.Out.WriteLineAsync(ServerHost.Version).ConfigureAwait(false);
            return 0;
        }

        if (command.Verb == "hash-token")
            return await Security.HashTokenCommand.RunAsync(command.Target == "new").ConfigureAwait(false);

        var stdout = Console.Out;
        var serving = command.Verb == "serve";
        if (serving)
        {
            // stdout belongs to the MCP protocol; a stray Console.Write anywhere must not corrupt it.
            Console.SetOut(Console.Error);
        }

        try
        {
            // The command line is for people: only warnings and errors unless --log-level says otherwise.
            string[] configArgs = serving ? command.ConfigArgs : ["--Logging:LogLevel:Default=Warning", .. command.ConfigArgs];
            using IHost host = serving && command.HttpUrl is not null
                ? Http.HttpHost.Build(configArgs)
                : ServerHost.CreateBuilder(configArgs, serving ? ServerHost.Stdio : null).Build();
            if (serving)
            {
                await host.RunAsync().ConfigureAwait(false);
                return 0;
            }

            await host.StartAsync().ConfigureAwait(false);
            await host.Services.GetRequiredService<KernelStartup>().Ready.ConfigureAwait(false);
            var kernel = host.Services.GetRequiredService<KernelHost>();
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            var code = command.Verb == "list"
                ? await ListCommand.RunAsync(kernel, PromptErrors(host.Services), stdout).ConfigureAwait(false)
                : await InvokeCommand.RunAsync(kernel, command, stdout, Console.Error, cancel.Token).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return code;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("mcp-openai: the configuration is not valid:").ConfigureAwait(false);
            foreach (var failure in ex.Failures)
                await Console.Error.WriteLineAsync($"  - {failure}").ConfigureAwait(false);
            return 2;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"mcp-openai: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("mcp-openai: cancelled.").ConfigureAwait(false);
            return 130;
        }
    }

    private static IReadOnlyList<string> PromptErrors(IServiceProvider services) =>
        services.GetRequiredService<KernelStartup>().Prompts.Source.Errors
            .Concat(services.GetRequiredService<AgentFilesLoader>().Source.Errors)
            .Select(e => $"{e.File}{(e.Line is { } line ? $":{line}" : "")}{(e.Column is { } column ? $":{column}" : "")}: {(e.IsWarning ? "warning: " : "")}{e.Message}")
            .ToArray();
}
