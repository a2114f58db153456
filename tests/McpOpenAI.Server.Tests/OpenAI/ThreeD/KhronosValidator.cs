using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace McpOpenAI.Server.Tests.OpenAI.ThreeD;

/// <summary>
/// Runs the plugin tests' <c>ThreeD/validator/validate.js</c> (the Khronos glTF validator, installed by npm on first
/// use into that folder) over a file and returns the number of issues and their messages.
/// </summary>
internal static class KhronosValidator
{
    public static async Task<(int Issues, string Messages)> ValidateAsync(string file, CancellationToken ct, [CallerFilePath] string source = "")
    {
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "McpOpenAI.Plugins.OpenAI.Tests", "ThreeD", "validator"));
        var start = new ProcessStartInfo("node", [Path.Combine(folder, "validate.js"), file]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The glTF tests need Node.js (node and npm on PATH) for the Khronos validator: {e.Message}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.True(process.ExitCode == 0, $"validate.js exited with {process.ExitCode}: {await errors}");
            var issues = JsonDocument.Parse(await output).RootElement.GetProperty("issues");
            return (issues.GetProperty("messages").GetArrayLength() + issues.GetProperty("numErrors").GetInt32(), issues.GetProperty("messages").ToString());
        }
    }
}
