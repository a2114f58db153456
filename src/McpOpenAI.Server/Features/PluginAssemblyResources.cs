using McpOpenAI.Kernel.Resources;
using McpOpenAI.Server.Hosting;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Features;

/// <summary>
/// The resource providers in the extra plugin assemblies (<c>Server:PluginAssemblies</c>): every public, concrete
/// <see cref="IResourceProvider"/> there is created from the services and served like the built-in ones.
/// </summary>
internal sealed class PluginAssemblyResources : IResourceProvider
{
    private readonly IResourceProvider[] _providers;

    public PluginAssemblyResources(IServiceProvider services, IOptions<ServerOptions> options)
    {
        _providers = PluginAssemblyLoader.ResourceProviders(services, options.Value.PluginAssemblies.Where(File.Exists));
        foreach (var provider in _providers)
            provider.Changed += (_, e) => Changed?.Invoke(this, e);
    }

    public IReadOnlyList<ResourceTemplateDescriptor> Templates => _providers.SelectMany(p => p.Templates).ToArray();

    public event EventHandler? Changed;

    public async ValueTask<IReadOnlyList<ResourceDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<ResourceDescriptor>();
        foreach (var provider in _providers)
            all.AddRange(await provider.ListAsync(cancellationToken).ConfigureAwait(false));
        return all;
    }

    public async ValueTask<ResourceContent?> ReadAsync(string uri, CancellationToken cancellationToken)
    {
        foreach (var provider in _providers)
        {
            if (await provider.ReadAsync(uri, cancellationToken).ConfigureAwait(false) is { } content)
                return content;
        }
        return null;
    }
}
