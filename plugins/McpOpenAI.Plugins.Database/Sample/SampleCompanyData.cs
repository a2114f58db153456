using static McpOpenAI.Plugins.Database.Sample.SampleCompanyCatalog;

namespace McpOpenAI.Plugins.Database.Sample;

/// <summary>The rows of the sample company, generated in memory from a seed before they are written.</summary>
internal sealed class SampleCompanyData
{
    public sealed record Employee(int Id, string FirstName, string LastName, string Email, string Title, string Department, int? RegionId, int? ManagerId, DateOnly HireDate);

    public sealed record Product(int Id, string Sku, string Name, int CategoryId, double Price, double Cost, int Stock, bool Discontinued, DateOnly LaunchDate);

    public sealed record Customer(int Id, string Name, string Email, string Phone, string Segment, string City, string Country, int RegionId, int? AccountManagerId, DateOnly SignupDate);

    public sealed record Order(int Id, int CustomerId, int? EmployeeId, DateOnly Date, string Status, string Channel, double Shipping, double Total);

    public sealed record Line(int OrderId, int LineNumber, int ProductId, int Quantity, double Price, double Discount);

    public sealed record Shipment(int Id, int OrderId, string Carrier, string Tracking, DateOnly Shipped, DateOnly? Delivered, string Status);

    public List<Employee> Employees { get; } = [];
    public List<Product> Products { get; } = [];
    public List<Customer> Customers { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<Line> Lines { get; } = [];
    public List<Shipment> Shipments { get; } = [];

    public static SampleCompanyData Generate(SampleCompanyGenerator settings)
    {
        var data = new SampleCompanyData();
        var rng = new DeterministicRandom(settings.Seed);
        var asOf = settings.AsOf;
        var start = asOf.AddDays(-(HistoryDays - 1));
        data.AddEmployees(rng, start);
        data.AddProducts(rng, start);
        var (customers, weights) = data.PlanCustomers(rng, settings.CustomerCount);
        data.AddOrders(rng, settings.OrderCount, start, asOf, customers, weights);
        data.AddCustomers(rng, customers, asOf);
        return data;
    }

    private const int HistoryDays = 730;

    private sealed record CustomerPlan(int Id, string Name, string Segment, Region Region, (string Country, string City, string Dial) Place, int? AccountManagerId, string FirstName, string LastName)
    {
        public DateOnly? FirstOrder { get; set; }
    }

    private void AddEmployees(DeterministicRandom rng, DateOnly start)
    {
        var id = 0;
        Employee Hire(string title, string department, int? region, int? manager, int yearsBefore)
        {
            id++;
            var first = rng.Pick(FirstNames);
            var last = rng.Pick(LastNames);
            var email = $"{Slug(first)}.{Slug(last)}{id}@brightwater.example";
            var hired = start.AddDays(-rng.Next(30, 365 * yearsBefore));
            var employee = new Employee(id, first, last, email, title, department, region, manager, hired);
            Employees.Add(employee);
            return employee;
        }

        var ceo = Hire("Chief Executive Officer", "Management", null, null, 9);
        var sales = Hire("VP of Sales", "Sales", null, ceo.Id, 7);
        var ops = Hire("VP of Operations", "Operations", null, ceo.Id, 7);
        var support = Hire("Head of Customer Support", "Support", null, ops.Id, 5);
        foreach (var region in Regions)
        {
            var manager = Hire("Regional Sales Manager", "Sales", region.Id, sales.Id, 6);
            for (var i = 0; i < 3; i++)
                Hire("Account Executive", "Sales", region.Id, manager.Id, 4);
        }
        for (var i = 0; i < 5; i++)
            Hire("Support Specialist", "Support", null, support.Id, 3);
        for (var i = 0; i < 3; i++)
            Hire("Warehouse Coordinator", "Operations", null, ops.Id, 3);
    }

    private void AddProducts(DeterministicRandom rng, DateOnly start)
    {
        var id = 0;
        foreach (var category in Categories)
        {
            foreach (var name in category.Products)
            {
                id++;
                var raw = category.MinPrice + Math.Pow(rng.NextDouble(), 1.6) * (category.MaxPrice - category.MinPrice);
                var price = Math.Floor(raw) + (rng.Chance(0.5) ? 0.95 : 0.99);
                var cost = Math.Round(price * (0.42 + rng.NextDouble() * 0.2), 2);
                var launched = start.AddDays(rng.Next(-900, 600));
                var sku = $"BW-{category.Id:D2}{id:D3}";
                Products.Add(new Product(id, sku, name, category.Id, price, cost, rng.Next(0, 400), rng.Chance(0.06), launched));
            }
        }
    }

    private (List<CustomerPlan> Customers, double[] CumulativeWeights) PlanCustomers(DeterministicRandom rng, int count)
    {
        var customers = new List<CustomerPlan>(count);
        var cumulative = new double[count];
        var regionWeights = Regions.Select(r => r.CustomerWeight).ToArray();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var total = 0.0;
        for (var id = 1; id <= count; id++)
        {
            var region = Regions[rng.PickWeighted(regionWeights)];
            var place = rng.Pick(region.Places);
            var segment = rng.PickWeighted([0.65, 0.27, 0.08]) switch { 0 => "consumer", 1 => "small_business", _ => "enterprise" };
            var first = rng.Pick(FirstNames);
            var last = rng.Pick(LastNames);
            var name = segment == "consumer"
                ? $"{first} {last}"
                : $"{rng.Pick(CompanyPrefixes)} {rng.Pick(CompanySuffixes)}{rng.Pick(LegalForms)}";
            if (!usedNames.Add(name))
                name = usedNames.Add($"{name} ({place.City})") ? $"{name} ({place.City})" : $"{name} #{id}";
            var reps = Employees.Where(e => e.RegionId == region.Id).ToList();
            int? manager = segment == "consumer" ? null : rng.Pick(reps).Id;
            customers.Add(new CustomerPlan(id, name, segment, region, place, manager, first, last));
            // Spend propensity: a few customers buy far more than the rest, as in any real customer base.
            var segmentWeight = segment switch { "consumer" => 1.0, "small_business" => 3.0, _ => 9.0 };
            total += segmentWeight * Math.Exp(Normal(rng) * 0.9);
            cumulative[id - 1] = total;
        }
        return (customers, cumulative);
    }

    private void AddOrders(DeterministicRandom rng, int count, DateOnly start, DateOnly asOf, List<CustomerPlan> customers, double[] cumulative)
    {
        // Later days get more orders (the business grows, about threefold over two years); sorting keeps
        // order ids in date order.
        var dates = Enumerable.Range(0, count)
            .Select(_ => rng.Chance(0.5) ? rng.NextDouble() : Math.Sqrt(rng.NextDouble()))
            .Select(f => start.AddDays(Math.Min(HistoryDays - 1, (int)(HistoryDays * f))))
            .Order()
            .ToList();
        var productWeights = Products.Select((p, i) => (p.Discontinued ? 0.3 : 1.0) / Math.Pow(1 + (i * 37 % Products.Count), 0.55)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            var date = dates[i];
            var customer = customers[PickCumulative(rng, cumulative)];
            customer.FirstOrder ??= date;
            var channel = customer.Segment switch
            {
                "consumer" => rng.Chance(0.85) ? "web" : "phone",
                "small_business" => rng.PickWeighted([0.5, 0.25, 0.25]) switch { 0 => "web", 1 => "phone", _ => "sales_rep" },
                _ => rng.PickWeighted([0.1, 0.2, 0.7]) switch { 0 => "web", 1 => "phone", _ => "sales_rep" },
            };
            int? employee = channel == "web" ? null
                : customer.AccountManagerId ?? rng.Pick(Employees.Where(e => e.RegionId == customer.Region.Id).ToList()).Id;

            var lineCount = customer.Segment == "enterprise" ? rng.Next(2, 7) : 1 + rng.PickWeighted([0.45, 0.3, 0.15, 0.1]);
            var subtotal = 0.0;
            var usedProducts = new HashSet<int>();
            for (var n = 1; n <= lineCount; n++)
            {
                var product = Products[rng.PickWeighted(productWeights)];
                if (!usedProducts.Add(product.Id))
                    continue;
                var quantity = customer.Segment switch
                {
                    "consumer" => rng.Chance(0.8) ? 1 : 2,
                    "small_business" => rng.Next(1, 7),
                    _ => rng.Next(2, 13),
                };
                var discount = customer.Segment switch
                {
                    "enterprise" => rng.PickWeighted([0.3, 0.4, 0.3]) switch { 0 => 0.05, 1 => 0.10, _ => 0.15 },
                    "small_business" => rng.Chance(0.4) ? 0.05 : 0.0,
                    _ => rng.Chance(0.1) ? 0.10 : 0.0,
                };
                Lines.Add(new Line(id, usedProducts.Count, product.Id, quantity, product.Price, discount));
                subtotal += Math.Round(quantity * product.Price * (1 - discount), 2);
            }
            var shipping = subtotal >= 150 ? 0.0 : customer.Region.Id <= 2 ? 7.95 : 14.95;
            var (status, shipment) = Fulfil(rng, id, date, asOf, customer.Region);
            if (shipment is not null)
                Shipments.Add(shipment);
            Orders.Add(new Order(id, customer.Id, employee, date, status, channel, shipping, Math.Round(subtotal + shipping, 2)));
        }
    }

    private (string Status, Shipment? Shipment) Fulfil(DeterministicRandom rng, int orderId, DateOnly date, DateOnly asOf, Region region)
    {
        var age = asOf.DayNumber - date.DayNumber;
        if (age >= 1 && rng.Chance(0.03))
            return ("cancelled", null);
        var shipped = date.AddDays(rng.Next(1, 4));
        if (shipped > asOf)
            return (age == 0 || rng.Chance(0.5) ? "pending" : "processing", null);
        var delivered = shipped.AddDays(rng.Next(2, region.Id <= 2 ? 6 : 10));
        var carrier = rng.Pick(region.Carriers);
        var tracking = $"{carrier[..Math.Min(3, carrier.Length)].ToUpperInvariant()}{orderId:D7}{rng.Next(100, 1000)}";
        var shipmentId = Shipments.Count + 1;
        if (delivered > asOf)
            return ("shipped", new Shipment(shipmentId, orderId, carrier, tracking, shipped, null, "in_transit"));
        if (rng.Chance(0.04))
            return ("returned", new Shipment(shipmentId, orderId, carrier, tracking, shipped, delivered, "returned"));
        return ("delivered", new Shipment(shipmentId, orderId, carrier, tracking, shipped, delivered, "delivered"));
    }

    private void AddCustomers(DeterministicRandom rng, List<CustomerPlan> customers, DateOnly asOf)
    {
        foreach (var c in customers)
        {
            // Customers sign up some time before their first order (or at any time, if they never ordered).
            var signup = c.FirstOrder is { } first ? first.AddDays(-rng.Next(0, 240)) : asOf.AddDays(-rng.Next(0, 1000));
            var email = c.Segment == "consumer"
                ? $"{Slug(c.FirstName)}.{Slug(c.LastName)}.{c.Id}@example.com"
                : $"purchasing.{c.Id}@{Slug(c.Name.Split(' ')[0])}.example.org";
            var phone = $"+{c.Place.Dial} 555 {rng.Next(1000, 10000)}";
            Customers.Add(new Customer(c.Id, c.Name, email, phone, c.Segment, c.Place.City, c.Place.Country, c.Region.Id, c.AccountManagerId, signup));
        }
    }

    private static int PickCumulative(DeterministicRandom rng, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double Normal(DeterministicRandom rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static string Slug(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        return new string(normalized.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }
}
