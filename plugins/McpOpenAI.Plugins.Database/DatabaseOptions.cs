namespace McpOpenAI.Plugins.Database;

/// <summary>Settings of the database plugin (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    /// <summary>The largest <see cref="MaxRows"/> that can be configured.</summary>
    public const int HardMaxRows = 5000;

    /// <summary>The longest <see cref="CommandTimeoutSeconds"/> that can be configured.</summary>
    public const int HardMaxTimeoutSeconds = 600;

    /// <summary>The file name of the sample database inside <see cref="DataFolder"/>.</summary>
    public const string SampleDatabaseFileName = "sample-company.db";

    /// <summary>The engine: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string (<c>Data Source=/path/file.db</c> for SQLite, <c>Host=…;Database=…</c> for PostgreSQL).
    /// Null with SQLite means the embedded sample company database, built in <see cref="DataFolder"/> at first use.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the sample database is created; by default the XDG data folder (<c>~/.local/share/mcp-openai</c>).</summary>
    public string? DataFolder { get; set; }

    /// <summary>The most rows a query returns (default 200, at most <see cref="HardMaxRows"/>); more are cut and flagged.</summary>
    public int MaxRows { get; set; } = 200;

    /// <summary>How long one query may run, in seconds (default 10).</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;

    /// <summary>How many sample rows <c>describe_table</c> shows (default 3, at most 20).</summary>
    public int SampleRows { get; set; } = 3;

    /// <summary>The problems with these options, each a sentence saying what to change; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
            problems.Add($"Database:Provider '{Provider}' is unknown; use 'sqlite' or 'postgres'.");
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add("Database:ConnectionString is required for PostgreSQL, e.g. 'Host=localhost;Database=shop;Username=reader;Password=…'.");
        if (MaxRows is < 1 or > HardMaxRows)
            problems.Add($"Database:MaxRows is {MaxRows}; it must be between 1 and {HardMaxRows}.");
        if (CommandTimeoutSeconds is < 1 or > HardMaxTimeoutSeconds)
            problems.Add($"Database:CommandTimeoutSeconds is {CommandTimeoutSeconds}; it must be between 1 and {HardMaxTimeoutSeconds}.");
        if (SampleRows is < 0 or > 20)
            problems.Add($"Database:SampleRows is {SampleRows}; it must be between 0 and 20.");
        if (DataFolder is not null && DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            problems.Add($"Database:DataFolder '{DataFolder}' is not a valid path.");
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid database options: " + string.Join(" ", problems));
    }

    /// <summary>The data folder to use: <see cref="DataFolder"/>, or the per-user default.</summary>
    public string ResolveDataFolder() =>
        string.IsNullOrWhiteSpace(DataFolder) ? DefaultDataFolder() : Path.GetFullPath(Environment.ExpandEnvironmentVariables(DataFolder.Trim()));

    /// <summary>The per-user default data folder: <c>$XDG_DATA_HOME/mcp-openai</c> or <c>~/.local/share/mcp-openai</c> (local app data on Windows).</summary>
    public static string DefaultDataFolder()
    {
        if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg)
            return Path.Combine(xdg, "mcp-openai");
        var root = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "mcp-openai");
    }
}
