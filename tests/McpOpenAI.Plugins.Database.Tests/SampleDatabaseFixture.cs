using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Database.Tests;

/// <summary>One sample database per test class, built by the plugin at first use in a temporary data folder.</summary>
public sealed class SampleDatabaseFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("mcpopenai-db-test-").FullName;

    public string DatabasePath => Path.Combine(DataFolder, DatabaseOptions.SampleDatabaseFileName);

    public string ConnectionString => $"Data Source={DatabasePath}";

    public DatabasePlugin Plugin { get; private set; } = null!;

    public KernelPlugin Functions { get; private set; } = null!;

    public DatabasePlugin CreatePlugin(int maxRows = 200, int timeoutSeconds = 10) =>
        new(new DatabaseOptions { DataFolder = DataFolder, MaxRows = maxRows, CommandTimeoutSeconds = timeoutSeconds });

    public async ValueTask InitializeAsync()
    {
        Plugin = CreatePlugin();
        Functions = PluginFactory.Create(Plugin, "Database");
        await Plugin.ListTablesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
