using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>
/// Runs the Khronos glTF validator (npm <c>gltf-validator</c>) over a file through <c>validator/validate.js</c>, which
/// installs the package into <c>validator/node_modules</c> the first time. Fails the test clearly when node is missing.
/// </summary>
internal static class GltfValidator
{
    public static string ScriptFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "validator");

    /// <summary>The validator's JSON report of <paramref name="file"/>.</summary>
    public static Task<JsonElement> ValidateAsync(string file, CancellationToken ct) => RunAsync(ScriptFolder(), file, ct);

    /// <summary>Runs <c>node validate.js file</c> in <paramref name="folder"/> and parses the report.</summary>
    public static async Task<JsonElement> RunAsync(string folder, string file, CancellationToken ct)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "validate.js"));
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"The glTF tests need Node.js (node and npm on PATH) to run the Khronos validator: {e.Message}");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.True(process.ExitCode == 0, $"validate.js exited with {process.ExitCode}: {await errors}");
            return JsonDocument.Parse(await output).RootElement.Clone();
        }
    }

    /// <summary>Asserts that the report has no issue at all (errors, warnings, infos, hints), showing the messages when it has.</summary>
    public static void AssertValid(JsonElement report)
    {
        var issues = report.GetProperty("issues");
        var messages = string.Join("\n", issues.GetProperty("messages").EnumerateArray()
            .Select(m => $"{m.GetProperty("severity")}: {m.GetProperty("code")} {m.GetProperty("message")} at {(m.TryGetProperty("pointer", out var p) ? p.ToString() : "")}"));
        Assert.True(issues.GetProperty("numErrors").GetInt32() == 0, messages);
        Assert.True(issues.GetProperty("numWarnings").GetInt32() == 0, messages);
        Assert.True(issues.GetProperty("messages").GetArrayLength() == 0, messages);
    }
}
