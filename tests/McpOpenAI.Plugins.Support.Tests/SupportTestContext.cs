using McpOpenAI.Plugins.Database;
using McpOpenAI.Plugins.Research;
using McpOpenAI.Plugins.Support.Data;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support.Tests;

/// <summary>One test's data folder (a copy of the sample company) and the plugin's parts over it.</summary>
internal sealed class SupportTestContext : IDisposable
{
    public SupportTestContext(SampleCompanyFixture sample)
    {
        DataFolder = Directory.CreateTempSubdirectory("support-tests-").FullName;
        File.Copy(sample.DatabaseFile, CompanyFile);
        Database = new SupportDatabase(new SupportOptions { KnowledgeBasePath = CorpusLocator.ShippedCorpusPath() }, DataFolder);
        Knowledge = new KnowledgeBaseFunctions(Database);
        Customers = new CustomerFunctions(Database);
        Tickets = new TicketFunctions(Database);
    }

    public string DataFolder { get; }

    public string CompanyFile => Path.Combine(DataFolder, DatabaseOptions.SampleDatabaseFileName);

    public SupportDatabase Database { get; }

    public KnowledgeBaseFunctions Knowledge { get; }

    public CustomerFunctions Customers { get; }

    public TicketFunctions Tickets { get; }

    /// <summary>Runs a query on a plain read-only connection (not the plugin's) and returns the first value.</summary>
    public static object? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public object? Company(string sql) => Scalar(CompanyFile, sql);

    public object? Support(string sql) => Scalar(Database.SupportDatabasePath, sql);

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
