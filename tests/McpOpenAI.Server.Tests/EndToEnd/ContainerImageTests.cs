using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The OCI image that <c>dotnet publish -t:PublishContainer</c> makes, written as an archive: its configuration (entry point,
/// user, port, environment), its layers (the base image's, then the native program with its prompts) and, where podman is
/// installed, the image run with its health endpoint asked. The base image comes from <see cref="LocalRegistry"/> on
/// 127.0.0.1 instead of mcr.microsoft.com; the build is otherwise the one README gives. It shares the tool-package collection:
/// after the pack, the NativeAOT compile in obj is up to date, so this publish links no second native program.
/// </summary>
[Collection(ToolPackageCollection.Name)]
public sealed class ContainerImageTests
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task PublishContainer_WritesAnArchive_OfTheNativeNonRootHttpServerOnPort8080_OnTheBaseImage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var archive = folder.Combine("mcp-openai.tar");
        var project = Path.Combine(PackedTool.RepositoryRoot(), "src", "McpOpenAI.Server");
        var native = Path.Combine(project, "bin", "Release", "net10.0", "linux-x64", "publish");
        await using var registry = await LocalRegistry.StartAsync(
            Directory.Exists(native) ? Directory.GetFiles(native).Where(f => f.EndsWith(".so", StringComparison.Ordinal) || Path.GetFileName(f) == "mcp-openai") : [],
            ct);

        await PackedTool.RunAsync("nice", ["-n", "19", "dotnet", "publish", project, "-c", "Release", "-r", "linux-x64", "--no-restore",
            "-t:PublishContainer", $"-p:ContainerBaseImage={registry.BaseImage}", $"-p:ContainerArchiveOutputPath={archive}",
            $"-p:PublishDir={folder.Combine("publish")}/", "--disable-build-servers", "-nodeReuse:false"],
            [new("DOTNET_CONTAINER_INSECURE_REGISTRIES", registry.Host)], PublishLimit, ct: ct);
        var image = ReadImage(archive);
        var config = image.Config.GetProperty("config");

        // The SDK appends ContainerAppCommandArgs to the entry point: arguments given to podman run come after --http.
        Assert.Equal(["/app/mcp-openai", "--http"], config.GetProperty("Entrypoint").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("app", config.GetProperty("User").GetString());
        Assert.Equal("/app/", config.GetProperty("WorkingDir").GetString());
        Assert.True(config.GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _));
        Assert.Contains("Http__Url=http://0.0.0.0:8080/mcp", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("linux", "amd64"), (image.Config.GetProperty("os").GetString(), image.Config.GetProperty("architecture").GetString()));
        // The base image's layer first, pulled from the registry; then the program: native (an ELF file, no assemblies), with
        // the shipped prompts beside it.
        Assert.Equal(registry.BaseLayerDigest, image.LayerDigests[0]);
        Assert.Contains(registry.Requests, r => r == $"GET /v2/{LocalRegistry.Repository}/blobs/{registry.BaseLayerDigest}");
        var app = image.Layers[^1];
        Assert.Equal("\u007fELF"u8.ToArray(), app["app/mcp-openai"][..4]);
        Assert.Contains("app/prompts/Writer/Translate.yaml", app.Keys);
        Assert.Contains("app/appsettings.json", app.Keys);
        Assert.DoesNotContain(app.Keys, k => k.EndsWith(".dll", StringComparison.Ordinal) || k.EndsWith(".dbg", StringComparison.Ordinal));

        if (FindOnPath("podman") is { } podman)
        {
            var load = await PackedTool.RunAsync(podman, ["load", "-i", archive], [], TimeSpan.FromMinutes(2), ct: ct);
            var loaded = load.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("Loaded image", StringComparison.Ordinal)).Split(' ').Last();
            try
            {
                await RunWithPodmanAsync(podman, loaded, ct);
            }
            finally
            {
                await PackedTool.RunAsync(podman, ["rmi", "-f", loaded], [], TimeSpan.FromMinutes(1), ct: CancellationToken.None);
            }
        }
    }

    private sealed record Image(JsonElement Config, IReadOnlyList<string> LayerDigests, IReadOnlyList<Dictionary<string, byte[]>> Layers);

    // The archive in either layout that docker load and podman load read: an OCI image layout (index.json names the manifest,
    // blobs/sha256/<hex> hold it, the configuration and the layers) or Docker's (manifest.json names the configuration and
    // layer files). Each layer's regular files are read back, by path without a leading ./ or /.
    private static Image ReadImage(string archive)
    {
        Dictionary<string, byte[]> files;
        using (var stream = File.OpenRead(archive))
            files = ReadFiles(stream);
        JsonElement config;
        byte[][] layers;
        if (files.TryGetValue("index.json", out var index))
        {
            byte[] Blob(JsonElement descriptor) => files["blobs/" + descriptor.GetProperty("digest").GetString()!.Replace(':', '/')];
            var manifest = JsonDocument.Parse(Blob(JsonDocument.Parse(index).RootElement.GetProperty("manifests")[0])).RootElement;
            config = JsonDocument.Parse(Blob(manifest.GetProperty("config"))).RootElement.Clone();
            layers = [.. manifest.GetProperty("layers").EnumerateArray().Select(Blob)];
        }
        else
        {
            Assert.True(files.TryGetValue("manifest.json", out var manifest), $"{archive} has neither index.json nor manifest.json: {string.Join(", ", files.Keys)}");
            var image = JsonDocument.Parse(manifest).RootElement[0];
            config = JsonDocument.Parse(files[image.GetProperty("Config").GetString()!.TrimStart('.', '/')]).RootElement.Clone();
            layers = [.. image.GetProperty("Layers").EnumerateArray().Select(l => files[l.GetString()!.TrimStart('.', '/')])];
        }
        return new Image(config, [.. layers.Select(LocalRegistry.Digest)], [.. layers.Select(ReadLayer)]);
    }

    private static Dictionary<string, byte[]> ReadLayer(byte[] layer)
    {
        using var gzip = new GZipStream(new MemoryStream(layer), CompressionMode.Decompress);
        return ReadFiles(gzip);
    }

    // A tar's regular files by path, without a leading ./ or /.
    private static Dictionary<string, byte[]> ReadFiles(Stream tar)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
                continue;
            using var copy = new MemoryStream();
            entry.DataStream.CopyTo(copy);
            files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
        }
        return files;
    }

    private static async Task RunWithPodmanAsync(string podman, string image, CancellationToken ct)
    {
        var port = FreePort();
        string id;
        try
        {
            id = (await PackedTool.RunAsync(podman, ["run", "-d", "--rm", "-p", $"127.0.0.1:{port}:8080", "-e", "Http__AllowUnauthenticated=true", image],
                [], TimeSpan.FromMinutes(1), ct: ct)).Trim();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("OCI", StringComparison.Ordinal))
        {
            // podman is installed but its OCI runtime may not start containers here (inside another container: no
            // CAP_SYS_RESOURCE for its rlimits, cgroups it cannot use). The image was built and loaded; say why it did not run.
            TestContext.Current.TestOutputHelper?.WriteLine($"podman loaded {image} but cannot run containers on this machine: {ex.Message}");
            return;
        }
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
