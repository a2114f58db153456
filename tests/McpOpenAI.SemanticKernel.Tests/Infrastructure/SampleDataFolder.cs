namespace PluginApps.Tests.Infrastructure;

/// <summary>
/// One data folder for the whole run (<c>Server:DataFolder</c>), so the sample company database is built once;
/// the Database plugin builds it atomically, so parallel tests share it safely.
/// </summary>
public sealed class SampleDataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mcpopenai-sk-data-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open as the run ends; the OS cleans temp.
        }
    }
}
