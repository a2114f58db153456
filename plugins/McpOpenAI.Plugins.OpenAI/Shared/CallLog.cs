using System.Runtime.CompilerServices;
using McpOpenAI.Kernel.OpenAI;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// The last successful OpenAI call and the last failure, per <see cref="OpenAIClientFactory"/>, so
/// <c>get_config_status</c> can tell a user whether the setup works. Every part of the plugin records here.
/// </summary>
public sealed class CallLog
{
    private static readonly ConditionalWeakTable<OpenAIClientFactory, CallLog> Logs = new();
    private readonly Lock _gate = new();
    private CallRecord? _lastSuccess;
    private CallRecord? _lastError;

    /// <summary>The log of <paramref name="factory"/>.</summary>
    public static CallLog For(OpenAIClientFactory factory) => Logs.GetValue(factory, static _ => new CallLog());

    /// <summary>The last call that succeeded, or null.</summary>
    public CallRecord? LastSuccess
    {
        get { lock (_gate) return _lastSuccess; }
    }

    /// <summary>The last call that failed, or null.</summary>
    public CallRecord? LastError
    {
        get { lock (_gate) return _lastError; }
    }

    /// <summary>Records a success.</summary>
    public void Succeeded(string operation, string? model, DateTimeOffset at)
    {
        lock (_gate) _lastSuccess = new CallRecord(operation, model, at);
    }

    /// <summary>Records a failure (its message must already be free of the key).</summary>
    public void Failed(string operation, string? model, DateTimeOffset at, string code, string message)
    {
        lock (_gate) _lastError = new CallRecord(operation, model, at, code, message);
    }
}
