using System.Diagnostics;
using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The OCI image that <c>dotnet publish -t:PublishContainer</c> makes, written as an archive: its configuration (entry point,
/// user, port, environment) and, where podman is installed, the image run with its health endpoint asked. The SDK takes the
/// base image from mcr.microsoft.com; where that registry cannot be reached (a machine with no internet access) the test is
/// skipped, saying so, since the SDK cannot build on a base image from anywhere else.
/// </summary>
public sealed class ContainerImageTests
{
    private const string BaseRegistry = "mcr.microsoft.com";
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task PublishContainer_WritesAnArchive_OfTheNonRootHttpServerOnPort8080()
    {
        var ct = TestContext.Current.CancellationToken;
        await SkipUnlessReachableAsync(BaseRegistry, ct);
        using var folder = new TempFolder();
        var archive = folder.Combine("mcp-openai.tar");

        await PackedTool.RunAsync("dotnet", ["publish", Path.Combine(PackedTool.RepositoryRoot(), "src", "McpOpenAI.Server"), "-c", "Release", "-r", "linux-x64",
            "-t:PublishContainer", $"-p:ContainerArchiveOutputPath={archive}", $"-p:PublishDir={folder.Combine("publish")}/", "--disable-build-servers", "-nodeReuse:false"], [], PublishLimit, ct: ct);
        var config = ReadImageConfig(archive).GetProperty("config");

        Assert.Equal("/app/mcp-openai", config.GetProperty("Entrypoint")[0].GetString());
        Assert.Equal(["--http"], config.GetProperty("Cmd").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("app", config.GetProperty("User").GetString());
        Assert.True(config.GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _));
        Assert.Contains("Http__Url=http://0.0.0.0:8080/mcp", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));

        if (FindOnPath("podman") is { } podman)
            await RunWithPodmanAsync(podman, archive, ct);
    }

    // The image's configuration blob, found through the archive's manifest.json (the layout docker load and podman load read).
    private static JsonElement ReadImageConfig(string archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var reader = new TarReader(File.OpenRead(archive)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null || !(entry.Name == "manifest.json" || entry.Name.EndsWith(".json", StringComparison.Ordinal)))
                    continue;
                using var copy = new MemoryStream();
                entry.DataStream.CopyTo(copy);
                files[entry.Name] = copy.ToArray();
            }
        }
        Assert.True(files.TryGetValue("manifest.json", out var manifest), $"{archive} has no manifest.json");
        var configName = JsonDocument.Parse(manifest).RootElement[0].GetProperty("Config").GetString()!;
        return JsonDocument.Parse(files[configName]).RootElement.Clone();
    }

    private static async Task RunWithPodmanAsync(string podman, string archive, CancellationToken ct)
    {
        var load = await PackedTool.RunAsync(podman, ["load", "-i", archive], [], TimeSpan.FromMinutes(2), ct: ct);
        var image = load.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("Loaded image", StringComparison.Ordinal)).Split(' ').Last();
        var port = FreePort();
        var id = (await PackedTool.RunAsync(podman, ["run", "-d", "--rm", "-p", $"127.0.0.1:{port}:8080", "-e", "Http__AllowUnauthenticated=true", image],
            [], TimeSpan.FromMinutes(1), ct: ct)).Trim();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            HttpStatusCode? status = null;
            while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), ct);
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                if (status != HttpStatusCode.OK)
                    await Task.Delay(500, ct);
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            await PackedTool.RunAsync(podman, ["rm", "-f", id], [], TimeSpan.FromMinutes(1), ct: CancellationToken.None);
        }
    }

    private static async Task SkipUnlessReachableAsync(string host, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(host, 443, deadline.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            Assert.Skip($"{host} cannot be reached ({ex.Message}): the SDK takes the container's base image from there, so no image can be built here.");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
