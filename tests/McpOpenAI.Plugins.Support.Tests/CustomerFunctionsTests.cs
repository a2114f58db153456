using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.Support.Tests;

public sealed class CustomerFunctionsTests(SampleCompanyFixture sample) : IClassFixture<SampleCompanyFixture>, IDisposable
{
    private readonly SupportTestContext _context = new(sample);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task GetCustomer_ById_MatchesTheCompanyDatabase()
    {
        var id = (long)_context.Company("SELECT customer_id FROM orders GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")!;

        var customer = await _context.Customers.GetCustomerAsync(id, cancellationToken: Ct);

        Assert.Equal(_context.Company($"SELECT name FROM customers WHERE customer_id = {id}"), customer.Name);
        Assert.Equal(_context.Company($"SELECT email FROM customers WHERE customer_id = {id}"), customer.Email);
        Assert.Equal((long)_context.Company($"SELECT COUNT(*) FROM orders WHERE customer_id = {id}")!, customer.OrderCount);
        Assert.Equal(Math.Min(10, customer.OrderCount), customer.RecentOrders.Count);
        Assert.True(string.CompareOrdinal(customer.RecentOrders[0].OrderDate, customer.RecentOrders[^1].OrderDate) >= 0);
        Assert.False(string.IsNullOrEmpty(customer.Region));
    }

    [Fact]
    public async Task GetCustomer_ByEmailAnyCase_SameCustomer()
    {
        var email = (string)_context.Company("SELECT email FROM customers WHERE customer_id = 3")!;

        var customer = await _context.Customers.GetCustomerAsync(email: "  " + email.ToUpperInvariant() + " ", cancellationToken: Ct);

        Assert.Equal(3, customer.CustomerId);
    }

    [Fact]
    public async Task GetCustomer_Unknown_NotFoundSayingWhatExists()
    {
        var byId = await Assert.ThrowsAsync<FunctionException>(() => _context.Customers.GetCustomerAsync(999_999, cancellationToken: Ct));
        var byEmail = await Assert.ThrowsAsync<FunctionException>(() => _context.Customers.GetCustomerAsync(email: "nobody@nowhere.example", cancellationToken: Ct));
        var none = await Assert.ThrowsAsync<FunctionException>(() => _context.Customers.GetCustomerAsync(cancellationToken: Ct));

        Assert.Equal(ErrorCodes.NotFound, byId.Code);
        Assert.Contains("Customer ids run from 1 to 60", byId.Message);
        Assert.Equal(ErrorCodes.NotFound, byEmail.Code);
        Assert.Contains("nobody@nowhere.example", byEmail.Message);
        Assert.Equal(ErrorCodes.InvalidArgument, none.Code);
    }

    [Fact]
    public async Task GetOrder_ShippedOrder_LinesShipmentAndTotals()
    {
        var id = (long)_context.Company("SELECT o.order_id FROM orders o JOIN shipments s ON s.order_id = o.order_id WHERE o.status = 'delivered' ORDER BY o.order_id LIMIT 1")!;

        var order = await _context.Customers.GetOrderAsync(id, Ct);

        Assert.Equal("delivered", order.Status);
        Assert.Equal((long)_context.Company($"SELECT COUNT(*) FROM order_lines WHERE order_id = {id}")!, order.Lines.Count);
        Assert.Equal((double)_context.Company($"SELECT total_amount FROM orders WHERE order_id = {id}")!, order.TotalAmount);
        Assert.Equal(Math.Round(order.Subtotal + order.ShippingCost, 2), Math.Round(order.TotalAmount, 2), 1);
        Assert.NotNull(order.Shipment);
        Assert.Equal(_context.Company($"SELECT tracking_number FROM shipments WHERE order_id = {id}"), order.Shipment.TrackingNumber);
        Assert.NotNull(order.Shipment.DeliveredDate);
        Assert.All(order.Lines, l => Assert.False(string.IsNullOrEmpty(l.Category)));
    }

    [Fact]
    public async Task GetOrder_Unknown_NotFoundSayingTheRange()
    {
        var error = await Assert.ThrowsAsync<FunctionException>(() => _context.Customers.GetOrderAsync(123_456_789, Ct));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Contains("Order ids run from 1 to 260", error.Message);
        Assert.Contains(error.Suggestions, s => s.Contains("get_customer", StringComparison.Ordinal));
    }
}
