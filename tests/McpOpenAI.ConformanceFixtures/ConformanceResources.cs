using McpOpenAI.Kernel.Resources;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>The resources the conformance suite lists, reads and subscribes to.</summary>
public sealed class ConformanceResources : IResourceProvider
{
    private const string TemplatePrefix = "test://template/";

    public IReadOnlyList<ResourceTemplateDescriptor> Templates { get; } =
        [new("test://template/{id}/data", "Template resource", "A resource made from a template.", "application/json")];

    public event EventHandler? Changed;

    public ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ResourceDescriptor>>(
        [
            new("test://static-text", "Static text resource", "text/plain"),
            new("test://static-binary", "Static binary resource", "image/png"),
            new("test://watched-resource", "Watched resource", "text/plain"),
        ]);

    public ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken) => ValueTask.FromResult(uri switch
    {
        "test://static-text" => ResourceContent.FromText(uri, "text/plain", "This is the content of the static text resource."),
        "test://static-binary" => ResourceContent.FromBytes(uri, "image/png", Convert.FromBase64String(ConformancePlugin.PngBase64)),
        "test://watched-resource" => ResourceContent.FromText(uri, "text/plain", "Watched resource content"),
        _ when uri.StartsWith(TemplatePrefix, StringComparison.Ordinal) && uri.EndsWith("/data", StringComparison.Ordinal) =>
            ResourceContent.FromText(uri, "application/json",
                $$"""{"id":"{{uri[TemplatePrefix.Length..^"/data".Length]}}","templateTest":true,"data":"Data for ID: {{uri[TemplatePrefix.Length..^"/data".Length]}}"}"""),
        _ => null,
    });

    /// <summary>Tells subscribers that the watched resource changed.</summary>
    public void Touch() => Changed?.Invoke(this, EventArgs.Empty);
}
