using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>
/// The per-user config file (<c>{"OpenAI":{…}}</c>) that <c>configure</c> writes: readable only by its owner
/// (folder 0700, file 0600), replaced atomically (temp file, then rename) so the watching host never reads half a file.
/// </summary>
internal sealed class UserConfigFile(string path)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    /// <summary>Sets (non-null) or removes (null) keys of the <c>OpenAI</c> section, keeping everything else.</summary>
    public void Update(IReadOnlyDictionary<string, string?> openAISettings)
    {
        var root = Read();
        if (root["OpenAI"] is not JsonObject section)
        {
            section = [];
            root["OpenAI"] = section;
        }
        foreach (var (key, value) in openAISettings)
        {
            if (value is null) section.Remove(key);
            else section[key] = value;
        }
        Write(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private JsonObject Read()
    {
        if (!File.Exists(Path)) return [];
        try
        {
            return JsonNode.Parse(File.ReadAllText(Path)) as JsonObject
                ?? throw Broken("its content is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Broken($"it is not valid JSON ({e.Message})");
        }
    }

    private void Write(string json)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, OwnerOnlyFolder);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(json);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, Path, overwrite: true);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, OwnerOnlyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new FunctionException(ErrorCodes.PermissionDenied, $"Could not write the config file '{Path}': {e.Message}",
                ["Check that the folder is writable by this user, or set the values as environment variables instead."]);
        }
    }

    private FunctionException Broken(string why) => new(ErrorCodes.InvalidArgument,
        $"The config file '{Path}' cannot be updated: {why}.", ["Fix or delete the file, then try again."]);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temp file is harmless and hidden.
        }
    }
}
