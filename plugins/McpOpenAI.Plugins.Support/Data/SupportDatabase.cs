using System.Data.Common;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.State;
using McpOpenAI.Plugins.Database;
using McpOpenAI.Plugins.Database.Sample;
using McpOpenAI.Plugins.Research;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>
/// The support plugin's data. The <b>company database</b> is the Database plugin's sample company file
/// (<c>sample-company.db</c>: customers, orders, order lines, products, shipments), built with the same generator at
/// first use, and only ever opened read-only. The <b>support database</b> (<c>support.db</c>) holds the knowledge
/// base — loaded from the research corpus, so both agents cite the same documents — and the tickets.
/// Connections that serve tool calls are guarded by <see cref="SupportAuthorizer"/>: reads everywhere, writes only
/// to <c>tickets</c> and <c>ticket_events</c>. Only the plugin's own start-up (schema, knowledge-base loading) uses an
/// unguarded connection, and no tool argument reaches it.
/// With <c>State:PostgreSQL</c> the tickets and their events live in the team's PostgreSQL database instead (the same
/// statements, parameterized), so every instance sees every ticket; the company data and the knowledge base stay local
/// and read-only, seeded identically on every instance.
/// </summary>
public sealed class SupportDatabase
{
    private const int DbConfigDefensive = 1010;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _companyIsSample;
    private readonly StateDatabase? _sharedTickets;
    private bool _ready;

    /// <summary>Creates the data access; nothing is opened or built until first use.</summary>
    /// <param name="options">The plugin's options.</param>
    /// <param name="dataFolder">The data folder (sample company, support database).</param>
    /// <param name="time">The clock for ticket times.</param>
    /// <param name="logger">The log.</param>
    /// <param name="state">The shared state: with a PostgreSQL database, the tickets are kept there.</param>
    public SupportDatabase(SupportOptions options, string dataFolder, TimeProvider? time = null, ILogger? logger = null, SharedState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _companyIsSample = string.IsNullOrWhiteSpace(options.CompanyDatabasePath);
        CompanyDatabasePath = Path.GetFullPath(_companyIsSample ? Path.Combine(dataFolder, DatabaseOptions.SampleDatabaseFileName) : options.CompanyDatabasePath!);
        SupportDatabasePath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.SupportDatabasePath)
            ? Path.Combine(dataFolder, SupportOptions.SupportDatabaseFileName) : options.SupportDatabasePath);
        KnowledgeBasePath = CorpusLocator.Resolve(options.KnowledgeBasePath);
        Time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        if (state is { HasPostgreSQL: true })
            _sharedTickets = state.Database(SupportDatabasePath);
    }

    /// <summary>The tickets' tables in the shared PostgreSQL database (SQLite keeps them in <see cref="SupportSchema"/>).</summary>
    internal static readonly StateSchema TicketSchema = new("support-tickets", "", SupportSchema.SharedTickets);

    /// <summary>Whether tickets are kept in the shared PostgreSQL database.</summary>
    public bool SharesTickets => _sharedTickets is not null;

    /// <summary>The company database file (read-only).</summary>
    public string CompanyDatabasePath { get; }

    /// <summary>The support database file (knowledge base and tickets).</summary>
    public string SupportDatabasePath { get; }

    /// <summary>The folder the knowledge base is loaded from.</summary>
    public string KnowledgeBasePath { get; }

    /// <summary>The clock used for ticket times.</summary>
    public TimeProvider Time { get; }

    /// <summary>Builds what is missing (sample company, support schema) and brings the knowledge base up to date.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await EnsureCompanyAsync(cancellationToken).ConfigureAwait(false);
                var setup = await OpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
                await using var setupDisposal = setup.ConfigureAwait(false);
                var command = setup.CreateCommand();
                await using var commandDisposal = command.ConfigureAwait(false);
                command.CommandText = SupportSchema.Create;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
            var connection = await OpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            var loaded = await KnowledgeBaseLoader.SyncAsync(connection, KnowledgeBasePath, cancellationToken).ConfigureAwait(false);
            if (loaded is { } count)
                _logger.LogInformation("Loaded {Count} knowledge-base articles from {Path}", count, KnowledgeBasePath);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A read-only, guarded connection to the company database.</summary>
    internal SqliteConnection OpenCompany() => Open(CompanyDatabasePath, SqliteOpenMode.ReadOnly, SupportAuthorizer.ReadOnly);

    /// <summary>A read-only, guarded connection to the support database (knowledge base, tickets).</summary>
    internal SqliteConnection OpenSupportReader() => Open(SupportDatabasePath, SqliteOpenMode.ReadOnly, SupportAuthorizer.ReadOnly);

    /// <summary>A connection to the support database that can write tickets and nothing else.</summary>
    internal SqliteConnection OpenTicketWriter() => Open(SupportDatabasePath, SqliteOpenMode.ReadWrite, SupportAuthorizer.TicketsOnly);

    /// <summary>Reads tickets: from the shared database when there is one, else through a read-only guarded connection.</summary>
    internal Task<T> ReadTicketsAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WithTicketsAsync(OpenSupportReader, work, cancellationToken);

    /// <summary>Writes tickets: to the shared database when there is one, else through the tickets-only writer connection.</summary>
    internal Task<T> WriteTicketsAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WithTicketsAsync(OpenTicketWriter, work, cancellationToken);

    private async Task<T> WithTicketsAsync<T>(Func<SqliteConnection> local, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_sharedTickets is not null)
            return await _sharedTickets.RunAsync(TicketSchema, work, cancellationToken).ConfigureAwait(false);
        var connection = local();
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    private async Task EnsureCompanyAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(CompanyDatabasePath))
            return;
        if (!_companyIsSample)
            throw new FunctionException(ErrorCodes.NotConfigured, $"The company database '{CompanyDatabasePath}' does not exist.",
                ["Fix Support:CompanyDatabasePath, or remove it to use the sample company database."]);
        if (await SampleDatabase.EnsureCreatedAsync(CompanyDatabasePath, cancellationToken: cancellationToken).ConfigureAwait(false))
            _logger.LogInformation("Created the sample company database at {Path}", CompanyDatabasePath);
    }

    private async Task<SqliteConnection> OpenMaintenanceAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SupportDatabasePath)!);
        var connection = new SqliteConnection(ConnectionString(SupportDatabasePath, SqliteOpenMode.ReadWriteCreate));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, Action<sqlite3> guard)
    {
        var connection = new SqliteConnection(ConnectionString(path, mode));
        try
        {
            connection.Open();
            var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection has no handle.");
            raw.sqlite3_enable_load_extension(handle, 0);
            raw.sqlite3_db_config(handle, DbConfigDefensive, 1, out _);
            guard(handle);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Unpooled: a guarded handle must never be handed to other code by the pool.
    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString();
}
