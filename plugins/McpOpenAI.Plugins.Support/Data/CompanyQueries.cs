using System.Data.Common;
using McpOpenAI.Plugins.Support.Results;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>Reads customers and orders from the company database (read-only connection).</summary>
internal static class CompanyQueries
{
    private const string CustomerColumns = """
        SELECT c.customer_id, c.name, c.email, c.phone, c.segment, c.city, c.country, r.name,
               CASE WHEN e.employee_id IS NULL THEN NULL ELSE e.first_name || ' ' || e.last_name || ' <' || e.email || '>' END,
               c.signup_date
        FROM customers c
        JOIN regions r ON r.region_id = c.region_id
        LEFT JOIN employees e ON e.employee_id = c.account_manager_id
        """;

    public static async Task<CustomerDetails?> FindCustomerAsync(SqliteConnection connection, long? customerId, string? email, CancellationToken cancellationToken)
    {
        var where = customerId is not null ? " WHERE c.customer_id = $id" : " WHERE c.email = $email COLLATE NOCASE";
        var rows = await Sql.ListAsync(connection, CustomerColumns + where, r => (Id: r.GetInt64(0), Name: r.GetString(1), Email: r.GetString(2),
            Phone: r.NullableString(3), Segment: r.GetString(4), City: r.GetString(5), Country: r.GetString(6), Region: r.GetString(7),
            Manager: r.NullableString(8), Signup: r.GetString(9)), cancellationToken, ("$id", customerId), ("$email", email?.Trim())).ConfigureAwait(false);
        if (rows.Count == 0)
            return null;
        var c = rows[0];
        var totals = await Sql.ListAsync(connection, """
            SELECT COUNT(*), ROUND(COALESCE(SUM(CASE WHEN status NOT IN ('cancelled', 'returned') THEN total_amount END), 0), 2)
            FROM orders WHERE customer_id = $id
            """, r => (Count: r.GetInt64(0), Spend: r.GetDouble(1)), cancellationToken, ("$id", c.Id)).ConfigureAwait(false);
        var recent = await Sql.ListAsync(connection, """
            SELECT o.order_id, o.order_date, o.status, o.total_amount, COALESCE((SELECT SUM(quantity) FROM order_lines l WHERE l.order_id = o.order_id), 0)
            FROM orders o WHERE o.customer_id = $id ORDER BY o.order_date DESC, o.order_id DESC LIMIT 10
            """, r => new OrderSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetInt64(4)), cancellationToken, ("$id", c.Id)).ConfigureAwait(false);
        return new CustomerDetails(c.Id, c.Name, c.Email, c.Phone, c.Segment, c.City, c.Country, c.Region, c.Manager, c.Signup,
            totals[0].Count, totals[0].Spend, recent, []);
    }

    public static async Task<OrderDetails?> FindOrderAsync(SqliteConnection connection, long orderId, CancellationToken cancellationToken)
    {
        var orders = await Sql.ListAsync(connection, """
            SELECT o.order_id, o.customer_id, c.name, c.email, o.order_date, o.status, o.channel, o.shipping_cost, o.total_amount
            FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE o.order_id = $id
            """, r => (Id: r.GetInt64(0), CustomerId: r.GetInt64(1), Name: r.GetString(2), Email: r.GetString(3), Date: r.GetString(4),
                Status: r.GetString(5), Channel: r.GetString(6), Shipping: r.GetDouble(7), Total: r.GetDouble(8)), cancellationToken, ("$id", orderId)).ConfigureAwait(false);
        if (orders.Count == 0)
            return null;
        var o = orders[0];
        var lines = await Sql.ListAsync(connection, """
            SELECT l.line_number, p.product_id, p.sku, p.name, k.name, l.quantity, l.unit_price, l.discount,
                   ROUND(l.quantity * l.unit_price * (1 - l.discount), 2)
            FROM order_lines l JOIN products p ON p.product_id = l.product_id JOIN categories k ON k.category_id = p.category_id
            WHERE l.order_id = $id ORDER BY l.line_number
            """, r => new OrderLineInfo(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5),
                r.GetDouble(6), r.GetDouble(7), r.GetDouble(8)), cancellationToken, ("$id", orderId)).ConfigureAwait(false);
        var shipments = await Sql.ListAsync(connection,
            "SELECT carrier, tracking_number, shipped_date, delivered_date, status FROM shipments WHERE order_id = $id",
            r => new ShipmentInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.GetString(4)), cancellationToken, ("$id", orderId)).ConfigureAwait(false);
        return new OrderDetails(o.Id, o.CustomerId, o.Name, o.Email, o.Date, o.Status, o.Channel, lines,
            Math.Round(lines.Sum(l => l.LineTotal), 2), o.Shipping, o.Total, shipments.FirstOrDefault(), []);
    }

    /// <summary>The customer who placed an order, or null when the order does not exist.</summary>
    public static async Task<long?> OrderCustomerAsync(SqliteConnection connection, long orderId, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync(connection, "SELECT customer_id FROM orders WHERE order_id = $id", cancellationToken, ("$id", orderId)).ConfigureAwait(false) as long?;

    /// <summary>The customer's name, or null when there is no such customer.</summary>
    public static async Task<string?> CustomerNameAsync(SqliteConnection connection, long customerId, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync(connection, "SELECT name FROM customers WHERE customer_id = $id", cancellationToken, ("$id", customerId)).ConfigureAwait(false) as string;

    /// <summary>The smallest and largest id of a table, for "ids run from … to …" messages.</summary>
    public static async Task<(long Min, long Max)> IdRangeAsync(DbConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        // table and column are constants of this plugin, never caller input.
        var rows = await Sql.ListAsync(connection, $"SELECT COALESCE(MIN({column}), 0), COALESCE(MAX({column}), 0) FROM {table}",
            r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
