using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// A read-only OCI registry (the distribution API's pull side: manifests and blobs) on 127.0.0.1, holding one base image made
/// here: a single layer with the shared libraries a native program needs, found with <c>ldd</c> on this machine, plus an
/// <c>app</c> user and the CA certificates, the way <c>mcr.microsoft.com/dotnet/runtime-deps</c> is laid out. The SDK's
/// container support pulls only from registries, and this machine reaches none but this one.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";
    private const string ConfigType = "application/vnd.oci.image.config.v1+json";
    private const string LayerType = "application/vnd.oci.image.layer.v1.tar+gzip";

    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _blobs;
    private readonly byte[] _manifest;

    private LocalRegistry(WebApplication app, Dictionary<string, byte[]> blobs, byte[] manifest, string layerDigest)
    {
        _app = app;
        _blobs = blobs;
        _manifest = manifest;
        BaseLayerDigest = layerDigest;
    }

    /// <summary>The repository and tag of the base image.</summary>
    public const string Repository = "mcp-openai-test/runtime-deps";

    /// <summary>The tag of the base image.</summary>
    public const string Tag = "10.0";

    /// <summary>host:port of the registry.</summary>
    public string Host { get; private set; } = "";

    /// <summary>The base image's reference, for <c>ContainerBaseImage</c>.</summary>
    public string BaseImage => $"{Host}/{Repository}:{Tag}";

    /// <summary>The digest of the base image's one layer (its compressed tar).</summary>
    public string BaseLayerDigest { get; }

    /// <summary>Every request it answered: method and path.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Builds the base image from the libraries of <paramref name="programs"/> (and what they load) and starts serving.</summary>
    public static async Task<LocalRegistry> StartAsync(IEnumerable<string> programs, CancellationToken ct)
    {
        var layerTar = BaseLayer(programs);
        var layer = Gzip(layerTar);
        var layerDigest = Digest(layer);
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654"),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(Digest(layerTar)) },
        }.ToJsonString());
        var configDigest = Digest(config);
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestType,
            ["config"] = new JsonObject { ["mediaType"] = ConfigType, ["digest"] = configDigest, ["size"] = config.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = LayerType, ["digest"] = layerDigest, ["size"] = layer.Length }),
        }.ToJsonString());
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [configDigest] = config, [layerDigest] = layer };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registry = new LocalRegistry(app, blobs, manifest, layerDigest);
        app.Use(async (context, next) =>
        {
            registry.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        app.MapMethods("/v2/", ["GET", "HEAD"], () => Results.Json(new JsonObject()));
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], registry.Serve);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        registry.Host = new Uri(address).Authority;
        return registry;
    }

    // /v2/<repository>/manifests/<tag or digest> and /v2/<repository>/blobs/<digest>.
    private IResult Serve(string path, HttpContext context)
    {
        var manifests = path.IndexOf("/manifests/", StringComparison.Ordinal);
        var blobs = path.IndexOf("/blobs/", StringComparison.Ordinal);
        if (manifests > 0 && path[..manifests] == Repository && path[(manifests + "/manifests/".Length)..] is var reference
            && (reference == Tag || reference == Digest(_manifest)))
        {
            context.Response.Headers["Docker-Content-Digest"] = Digest(_manifest);
            return Results.Bytes(_manifest, ManifestType);
        }
        if (blobs > 0 && path[..blobs] == Repository && _blobs.TryGetValue(path[(blobs + "/blobs/".Length)..], out var blob))
        {
            context.Response.Headers["Docker-Content-Digest"] = path[(blobs + "/blobs/".Length)..];
            return Results.Bytes(blob, "application/octet-stream");
        }
        return Results.Json(new { errors = new[] { new { code = "NAME_UNKNOWN", message = $"no {path} here" } } }, statusCode: 404);
    }

    // One layer: the loader, the libraries the programs link (ldd, symbolic links followed) and the OpenSSL libraries .NET loads
    // at run time, an app user (uid 1654, as in Microsoft's images) with its home, /tmp and the machine's CA certificates.
    private static byte[] BaseLayer(IEnumerable<string> programs)
    {
        var loaded = SharedLibrariesNamed("libssl.so.3", "libcrypto.so.3").ToArray();
        var libraries = new SortedSet<string>(loaded, StringComparer.Ordinal);
        foreach (var program in programs.Concat(loaded))
        {
            using var ldd = Process.Start(new ProcessStartInfo("ldd", [program]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = ldd.StandardOutput.ReadToEnd();
            ldd.WaitForExit();
            // "libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"; linux-vdso has no file.
            foreach (var line in output.Split('\n'))
            {
                var arrow = line.Split("=>", StringSplitOptions.TrimEntries);
                var path = (arrow.Length == 2 ? arrow[1] : arrow[0]).Trim().Split(' ')[0];
                if (path.StartsWith('/') && System.IO.File.Exists(path))
                    libraries.Add(path);
            }
        }
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var directory in new[] { "etc/", "etc/ssl/", "etc/ssl/certs/", "home/", "tmp/", "lib/", "lib64/", "lib/x86_64-linux-gnu/", "usr/", "usr/lib/", "usr/lib/x86_64-linux-gnu/" })
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, directory) { Mode = directory == "tmp/" ? (UnixFileMode)0b1_111_111_111 : (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "home/app/") { Uid = 1654, Gid = 1654, Mode = (UnixFileMode)0b111_101_101 });
            foreach (var library in libraries)
                writer.WriteEntry(File(library.TrimStart('/'), System.IO.File.ReadAllBytes(library), 0b111_101_101));
            writer.WriteEntry(File("etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/home/app:/sbin/nologin\n"u8.ToArray(), 0b110_100_100));
            writer.WriteEntry(File("etc/group", "root:x:0:\napp:x:1654:\n"u8.ToArray(), 0b110_100_100));
            if (System.IO.File.Exists("/etc/ssl/certs/ca-certificates.crt"))
                writer.WriteEntry(File("etc/ssl/certs/ca-certificates.crt", System.IO.File.ReadAllBytes("/etc/ssl/certs/ca-certificates.crt"), 0b110_100_100));
        }
        return tar.ToArray();

        static PaxTarEntry File(string name, byte[] content, int mode) =>
            new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = (UnixFileMode)mode };
    }

    // The first of each name in the library folders (the ones .NET's OpenSSL shim looks in by name, through the loader).
    private static IEnumerable<string> SharedLibrariesNamed(params string[] names) =>
        names.Select(name => new[] { "/lib/x86_64-linux-gnu/", "/usr/lib/x86_64-linux-gnu/", "/lib64/", "/usr/lib/" }
            .Select(dir => dir + name).FirstOrDefault(System.IO.File.Exists)).OfType<string>();

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>The OCI digest of some bytes: <c>sha256:</c> and the hash in lower-case hex.</summary>
    public static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
