using System.Diagnostics;

namespace McpOpenAI.Server.Tests.Clients;

internal static class ProcessStartInfoExtensions
{
    /// <summary>Sets each variable on top of the inherited environment; a null value removes one.</summary>
    public static ProcessStartInfo WithEnvironment(this ProcessStartInfo start, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        foreach (var (key, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }
        return start;
    }
}
