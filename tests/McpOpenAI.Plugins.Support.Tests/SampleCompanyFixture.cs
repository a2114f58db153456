using McpOpenAI.Plugins.Database.Sample;

namespace McpOpenAI.Plugins.Support.Tests;

/// <summary>A small sample company database, built once; each test copies it into its own data folder.</summary>
public sealed class SampleCompanyFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("support-sample-").FullName;

    public string DatabaseFile => Path.Combine(Folder, "sample-company.db");

    public async ValueTask InitializeAsync() =>
        await SampleDatabase.EnsureCreatedAsync(DatabaseFile, new SampleCompanyGenerator(new DateOnly(2025, 6, 30), scale: 0.05));

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
