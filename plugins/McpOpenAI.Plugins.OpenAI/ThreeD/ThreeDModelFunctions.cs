using System.ComponentModel;
using System.Text.Json;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>generate_3d_model: a description becomes a scene designed by a chat model, written as glTF, GLB and OBJ+MTL.</summary>
public sealed class ThreeDModelFunctions
{
    /// <summary>The configuration key of the default model (else <c>OpenAI:ChatModel</c>).</summary>
    public const string ModelKey = "OpenAI:ThreeD:Model";

    private readonly OpenAIClientFactory _factory;
    private readonly IConfiguration _configuration;
    private readonly ModelStore _store;
    private readonly SceneGenerator _generator;

    /// <summary>Creates the part; <paramref name="store"/> is the registered one when there is one.</summary>
    public ThreeDModelFunctions(OpenAIClientFactory factory, AppPaths paths, IConfiguration configuration, ModelStore? store = null, TimeProvider? time = null)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _store = store ?? new ModelStore(paths, time ?? TimeProvider.System);
        _generator = new SceneGenerator(factory, time ?? TimeProvider.System);
    }

    /// <summary>Designs a 3D model from a description and writes it as glTF, GLB and OBJ+MTL.</summary>
    [KernelFunction("generate_3d_model")]
    [Description("Make a 3D model from a description: an OpenAI chat model designs it as a scene of primitives (box, sphere, cylinder, cone, plane, torus) " +
        "and triangle meshes with PBR materials, written to the output folder as glTF 2.0 (.gltf with embedded buffer), .glb and OBJ+MTL, with JSON metadata. " +
        "The result lists the files with model:// resource links, counts and a short description of what was built.")]
    [FunctionTraits(Title = "Generate 3D model", OpenWorld = true, LongRunning = true)]
    public async Task<FunctionOutput> Generate3DModelAsync(
        [Description("What to model, e.g. 'a wooden chair with four legs and a curved back' (at most 4000 characters).")] string description,
        [Description("low (about 8 parts, coarse curves), medium (default, about 24 parts) or high (about 64 parts, smooth curves).")] string? detail = null,
        [Description("Which files to write: any of gltf, glb, obj (obj comes with its mtl); default all.")] string[]? formats = null,
        [Description("The chat model that designs the scene; default OpenAI:ThreeD:Model, else the chat model.")] string? model = null,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var defaultModel = _configuration[ModelKey] is { Length: > 0 } configured ? configured : _factory.Options.ChatModel;
        var request = ModelRequest.From(description, detail, formats, model, defaultModel);
        progress?.Report(new FunctionProgress(Message: $"Designing the scene with {request.Model}…"));
        var (json, scene, response, usage) = await _generator.GenerateAsync(request, progress, cancellationToken).ConfigureAwait(false);
        var (id, stem) = _store.NewStem();
        var preview = ScenePreview.Describe(scene);
        var metadata = new ModelMetadata
        {
            Id = id, Description = request.Description, Model = response.ModelId ?? request.Model, Detail = request.Detail.Name, Name = scene.Name,
            Preview = preview, Counts = scene.Counts, ResponseId = response.ResponseId, Usage = usage, Scene = JsonDocument.Parse(json).RootElement.Clone(),
        };
        var (files, metadataPath) = await _store.SaveAsync(stem, SceneFiles.Write(scene, request.Formats, stem), metadata, cancellationToken).ConfigureAwait(false);
        foreach (var file in files) progress?.Report(new FunctionProgress(Message: file.Path, Kind: ProgressKind.File));

        var result = new ModelResult
        {
            Id = id, Name = scene.Name, Preview = preview, Files = files, MetadataPath = metadataPath, Counts = scene.Counts,
            Model = metadata.Model, Detail = request.Detail.Name, Usage = usage, OutputFolder = _store.Folder,
        };
        var links = files.Select(f => (AIContent)new UriContent(new Uri(f.Uri), ModelFileKind.MediaType(f.Format))
        {
            AdditionalProperties = new() { ["name"] = Path.GetFileName(f.Path), ["size"] = f.Bytes },
        });
        return new FunctionOutput(result, links);
    }
}
