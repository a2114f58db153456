namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>Raised by the tokenizer and the guard when a SQL text is refused; the message says why.</summary>
internal sealed class SqlGuardException(string reason) : Exception(reason);
