[assembly: AssemblyFixture(typeof(PluginApps.Tests.Infrastructure.SampleDataFolder))]
