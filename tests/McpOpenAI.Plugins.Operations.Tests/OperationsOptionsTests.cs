using McpOpenAI.Kernel.State;
using McpOpenAI.Plugins.Operations.Budget;
using McpOpenAI.Plugins.Operations.Caching;
using McpOpenAI.Plugins.Operations.Limits;
using McpOpenAI.Plugins.Operations.Usage;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.Operations.Tests;

public sealed class OperationsOptionsTests
{
    private static readonly OperationsOptionsValidator Validator = new();

    [Fact]
    public void CacheStorage_WithStateRedis_IsRedis_ElseMemory()
    {
        var redis = new SharedState(null, "127.0.0.1:6390,abortConnect=false");

        Assert.IsNotType<MemoryDistributedCache>(CacheStorage.Create(redis, new CacheOptions()));
        Assert.IsType<MemoryDistributedCache>(CacheStorage.Create(SharedState.Embedded, new CacheOptions()));
    }

    [Fact]
    public void Cache_ZeroTtl_FailsNamingTheSetting() =>
        Assert.Contains("Cache:Ttl", Validator.Validate(null, new CacheOptions { Ttl = TimeSpan.Zero }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Limits_NegativeLimit_FailsNamingTheSetting()
    {
        var options = new RateLimitOptions();
        options.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:Limits:gpt-4o:RequestsPerMinute"] = "-1",
            ["OpenAI:Limits:MaxWaitSeconds"] = "5",
        }).Build().GetSection("OpenAI:Limits"));

        Assert.Equal(5, options.MaxWaitSeconds);
        Assert.Contains("OpenAI:Limits:gpt-4o:RequestsPerMinute", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_Negative_FailsNamingTheSetting()
    {
        var options = new BudgetOptions { Tokens = { ["alice"] = new BudgetCaps { MonthlyUsd = -3 } } };
        Assert.Contains("Budget:Tokens:alice:MonthlyUsd", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Pricing_UnknownModel_FailsUnlessCustom()
    {
        var options = new PricingOptions { Models = PriceTable.Defaults() };
        Assert.True(Validator.Validate(null, options).Succeeded);
        options.Models["gtp-4o"] = new ModelPrice { Input = 1 };
        Assert.Contains("Pricing:Models:gtp-4o", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
        options.Models["gtp-4o"].Custom = true;
        Assert.True(Validator.Validate(null, options).Succeeded);
    }
}
