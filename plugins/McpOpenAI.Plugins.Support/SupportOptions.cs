using McpOpenAI.Plugins.Research;
using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.Support;

/// <summary>Settings of the support plugin (configuration section <c>Support</c>).</summary>
public sealed class SupportOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Support";

    /// <summary>The file name of the support database (knowledge base and tickets) in the data folder.</summary>
    public const string SupportDatabaseFileName = "support.db";

    /// <summary>
    /// The sample company database (customers, orders, shipments), opened read-only. Null means the Database plugin's
    /// sample file in the data folder (<c>sample-company.db</c>), built at first use if missing.
    /// </summary>
    public string? CompanyDatabasePath { get; set; }

    /// <summary>The support database (knowledge base and tickets); null means <c>support.db</c> in the data folder.</summary>
    public string? SupportDatabasePath { get; set; }

    /// <summary>The knowledge-base documents; null means the research corpus (<c>Research:CorpusPath</c>, else the shipped sample).</summary>
    public string? KnowledgeBasePath { get; set; }

    /// <summary>The options bound from <paramref name="configuration"/>; the knowledge base defaults to the research corpus.</summary>
    public static SupportOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<SupportOptions>() ?? new SupportOptions();
        options.KnowledgeBasePath ??= ResearchOptions.From(configuration).CorpusPath;
        return options;
    }
}
