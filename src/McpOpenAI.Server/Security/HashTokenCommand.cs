namespace McpOpenAI.Server.Security;

/// <summary><c>mcp-openai hash-token</c>: prints the SHA-256 to put in <c>Http:Tokens:N:Sha256</c>.</summary>
internal static class HashTokenCommand
{
    /// <summary>Hashes the token on stdin's first line, or makes a new token and prints it once with its hash.</summary>
    public static async Task<int> RunAsync(bool makeNew)
    {
        var token = makeNew ? TokenHasher.NewToken() : (await Console.In.ReadLineAsync().ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            await Console.Error.WriteLineAsync("mcp-openai: give the token on stdin (echo -n TOKEN | mcp-openai hash-token), or use --new.").ConfigureAwait(false);
            return 2;
        }
        if (makeNew)
            await Console.Out.WriteLineAsync($"token:  {token}   (give this to the client; it is not stored)").ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"sha256: {TokenHasher.Hash(token)}").ConfigureAwait(false);
        return 0;
    }
}
