using System.Data.Common;
using System.Reflection;
using McpOpenAI.Plugins.Database.Guard;
using static McpOpenAI.Plugins.Database.Sample.SampleCompanyCatalog;

namespace McpOpenAI.Plugins.Database.Sample;

/// <summary>
/// Fills a database with the sample company <see cref="CompanyName"/>: regions, employees, product categories,
/// products, customers, two years of orders with their lines, and shipments. The same seed, scale and
/// <see cref="AsOf"/> date always give the same rows; dates run up to <see cref="AsOf"/>, so questions such as
/// "who spent most last quarter?" have real answers. Other plugins (support, research) extend the same company.
/// </summary>
public sealed class SampleCompanyGenerator
{
    /// <summary>The name of the sample company.</summary>
    public const string CompanyName = "Brightwater Outfitters";

    /// <summary>The seed used unless another is given.</summary>
    public const ulong DefaultSeed = 20_240_917;

    private const int HistoryDays = 730;

    /// <summary>Creates a generator.</summary>
    /// <param name="asOf">The last day with data (by default today, UTC); orders cover the two years before it.</param>
    /// <param name="seed">The random seed; the same seed gives the same company.</param>
    /// <param name="scale">Multiplies the number of customers and orders (1 gives about 25,000 rows in all).</param>
    public SampleCompanyGenerator(DateOnly? asOf = null, ulong seed = DefaultSeed, double scale = 1.0)
    {
        if (scale is <= 0 or > 20)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be greater than 0 and at most 20.");
        AsOf = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        Seed = seed;
        Scale = scale;
    }

    /// <summary>The last day with data.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The random seed.</summary>
    public ulong Seed { get; }

    /// <summary>The size multiplier.</summary>
    public double Scale { get; }

    /// <summary>The number of customers generated.</summary>
    public int CustomerCount => Math.Max(10, (int)Math.Round(1200 * Scale));

    /// <summary>The number of orders generated.</summary>
    public int OrderCount => Math.Max(20, (int)Math.Round(5200 * Scale));

    /// <summary>The schema script (tables, indexes, a view) for a dialect, as shipped in this assembly.</summary>
    public static string GetSchemaScript(SqlDialect dialect)
    {
        var name = dialect == SqlDialect.Postgres ? "sample-company.postgres.sql" : "sample-company.sqlite.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("McpOpenAI.Plugins.Database.Sample." + name)
            ?? throw new InvalidOperationException($"The embedded schema script {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates the schema and inserts every row in one transaction on an open, writable, empty database.
    /// </summary>
    /// <returns>The number of rows inserted.</returns>
    public async Task<int> PopulateAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var schema = connection.CreateCommand();
        await using (schema.ConfigureAwait(false))
        {
            schema.Transaction = transaction;
            schema.CommandText = GetSchemaScript(dialect);
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var company = SampleCompanyData.Generate(this);
        var writer = new SampleRowWriter(connection, transaction, dialect);
        var rows = await writer.WriteAsync(company, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
