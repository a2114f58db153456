using McpOpenAI.Server.Cli;

return await CommandRunner.RunAsync(args).ConfigureAwait(false);
