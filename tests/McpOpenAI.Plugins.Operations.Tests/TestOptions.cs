using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Tests;

/// <summary>Options that tests set directly.</summary>
internal sealed class TestOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
