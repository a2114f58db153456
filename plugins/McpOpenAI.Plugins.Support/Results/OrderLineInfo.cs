namespace McpOpenAI.Plugins.Support.Results;

/// <summary>One line of an order.</summary>
/// <param name="LineNumber">The line number.</param>
/// <param name="ProductId">The product id.</param>
/// <param name="Sku">The product SKU.</param>
/// <param name="Product">The product name.</param>
/// <param name="Category">The product category (decides return and warranty rules).</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="UnitPrice">The unit price paid, in US dollars.</param>
/// <param name="Discount">The discount as a fraction (0.1 is 10%).</param>
/// <param name="LineTotal">Quantity × unit price after discount.</param>
public sealed record OrderLineInfo(long LineNumber, long ProductId, string Sku, string Product, string Category, long Quantity,
    double UnitPrice, double Discount, double LineTotal);
