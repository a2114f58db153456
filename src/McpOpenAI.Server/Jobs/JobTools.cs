using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>The tools the bridge offers beside the kernel's: get_job, list_jobs, cancel_job.</summary>
internal sealed class JobTools(GetJobTool get, ListJobsTool list, CancelJobTool cancel)
{
    /// <summary>The tools, in the order tools/list shows them.</summary>
    public IReadOnlyList<McpServerTool> All { get; } = [get, list, cancel];

    /// <summary>The job tool of that name, if any.</summary>
    public McpServerTool? Find(string name) => All.FirstOrDefault(t => t.ProtocolTool.Name == name);
}
