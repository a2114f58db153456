namespace McpOpenAI.Plugins.Support.Results;

/// <summary>A customer with their order history and tickets, as <c>get_customer</c> returns it.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Name">The person's or organization's name.</param>
/// <param name="Email">The email address.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="Segment">consumer, small_business or enterprise.</param>
/// <param name="City">The city.</param>
/// <param name="Country">The country.</param>
/// <param name="Region">The sales region.</param>
/// <param name="AccountManager">The account manager's name and email, for business customers.</param>
/// <param name="SignupDate">When the customer signed up (YYYY-MM-DD).</param>
/// <param name="OrderCount">All orders, whatever their status.</param>
/// <param name="LifetimeSpend">The total of orders not cancelled or returned, in US dollars.</param>
/// <param name="RecentOrders">The ten most recent orders, newest first.</param>
/// <param name="Tickets">The customer's support tickets, newest first.</param>
public sealed record CustomerDetails(long CustomerId, string Name, string Email, string? Phone, string Segment, string City, string Country,
    string Region, string? AccountManager, string SignupDate, long OrderCount, double LifetimeSpend,
    IReadOnlyList<OrderSummary> RecentOrders, IReadOnlyList<TicketSummary> Tickets);
