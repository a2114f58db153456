namespace McpOpenAI.Server.Tests.OpenAI.Chat;

/// <summary>One server process shared by the tests of a class (they run one at a time, so faults do not mix).</summary>
public sealed class ChatServerFixture : IAsyncLifetime
{
    public ChatServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await ChatServer.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
