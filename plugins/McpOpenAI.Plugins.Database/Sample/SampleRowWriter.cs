using System.Data.Common;
using McpOpenAI.Plugins.Database.Guard;
using static McpOpenAI.Plugins.Database.Sample.SampleCompanyCatalog;

namespace McpOpenAI.Plugins.Database.Sample;

/// <summary>Writes <see cref="SampleCompanyData"/> with one reused parameterized INSERT per table.</summary>
internal sealed class SampleRowWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
{
    private int _rows;

    public async Task<int> WriteAsync(SampleCompanyData data, CancellationToken cancellationToken)
    {
        await InsertAsync("regions", ["region_id", "name", "sales_target"],
            Regions.Select(r => new object?[] { r.Id, r.Name, Money(r.SalesTarget) }), cancellationToken).ConfigureAwait(false);
        await InsertAsync("employees", ["employee_id", "first_name", "last_name", "email", "title", "department", "region_id", "manager_id", "hire_date"],
            data.Employees.Select(e => new object?[] { e.Id, e.FirstName, e.LastName, e.Email, e.Title, e.Department, e.RegionId, e.ManagerId, e.HireDate }),
            cancellationToken).ConfigureAwait(false);
        await InsertAsync("categories", ["category_id", "name", "description"],
            Categories.Select(c => new object?[] { c.Id, c.Name, c.Description }), cancellationToken).ConfigureAwait(false);
        await InsertAsync("products", ["product_id", "sku", "name", "category_id", "unit_price", "unit_cost", "units_in_stock", "discontinued", "launch_date"],
            data.Products.Select(p => new object?[] { p.Id, p.Sku, p.Name, p.CategoryId, Money(p.Price), Money(p.Cost), p.Stock, p.Discontinued, p.LaunchDate }),
            cancellationToken).ConfigureAwait(false);
        await InsertAsync("customers", ["customer_id", "name", "email", "phone", "segment", "city", "country", "region_id", "account_manager_id", "signup_date"],
            data.Customers.Select(c => new object?[] { c.Id, c.Name, c.Email, c.Phone, c.Segment, c.City, c.Country, c.RegionId, c.AccountManagerId, c.SignupDate }),
            cancellationToken).ConfigureAwait(false);
        await InsertAsync("orders", ["order_id", "customer_id", "employee_id", "order_date", "status", "channel", "shipping_cost", "total_amount"],
            data.Orders.Select(o => new object?[] { o.Id, o.CustomerId, o.EmployeeId, o.Date, o.Status, o.Channel, Money(o.Shipping), Money(o.Total) }),
            cancellationToken).ConfigureAwait(false);
        await InsertAsync("order_lines", ["order_id", "line_number", "product_id", "quantity", "unit_price", "discount"],
            data.Lines.Select(l => new object?[] { l.OrderId, l.LineNumber, l.ProductId, l.Quantity, Money(l.Price), Money(l.Discount) }),
            cancellationToken).ConfigureAwait(false);
        await InsertAsync("shipments", ["shipment_id", "order_id", "carrier", "tracking_number", "shipped_date", "delivered_date", "status"],
            data.Shipments.Select(s => new object?[] { s.Id, s.OrderId, s.Carrier, s.Tracking, s.Shipped, s.Delivered, s.Status }),
            cancellationToken).ConfigureAwait(false);
        return _rows;
    }

    private async Task InsertAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
                parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _rows++;
        }
    }

    // SQLite stores money as REAL; PostgreSQL as NUMERIC, which wants a decimal.
    private object Money(double value) => dialect == SqlDialect.Postgres ? (object)Math.Round((decimal)value, 2) : Math.Round(value, 2);
}
