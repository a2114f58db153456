using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class RecordingProgress : IProgress<FunctionProgress>
{
    private readonly List<FunctionProgress> _reports = [];

    public IReadOnlyList<FunctionProgress> Reports
    {
        get
        {
            lock (_reports)
                return _reports.ToArray();
        }
    }

    public void Report(FunctionProgress value)
    {
        lock (_reports)
            _reports.Add(value);
    }
}
