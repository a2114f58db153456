using System.ComponentModel;
using System.Reflection;
using System.Runtime.Loader;
using McpOpenAI.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads plugin classes from extra assemblies named in configuration: every public, concrete class with a
/// public method that carries a <see cref="DescriptionAttribute"/> becomes a plugin.
/// </summary>
internal static class PluginAssemblyLoader
{
    public static void AddPluginAssemblies(this IServiceCollection services, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && IsPlugin(type))
                    services.AddPlugin(type);
            }
        }
    }

    private static bool IsPlugin(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.DeclaringType != typeof(object) && m.GetCustomAttribute<DescriptionAttribute>() is not null);
}
