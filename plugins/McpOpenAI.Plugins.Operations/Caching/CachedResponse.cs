using System.ClientModel.Primitives;
using System.Diagnostics.CodeAnalysis;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>A stored 200 answer replayed as an SDK response, so a cached result reads exactly like a fresh one.</summary>
internal sealed class CachedResponse(BinaryData content, string contentType) : PipelineResponse
{
    private Stream? _stream = content.ToStream();

    public override int Status => 200;

    public override string ReasonPhrase => "OK";

    public override Stream? ContentStream
    {
        get => _stream;
        set => _stream = value;
    }

    public override BinaryData Content => content;

    protected override PipelineResponseHeaders HeadersCore { get; } = new ResponseHeaders(contentType);

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(content);

    public override void Dispose() => _stream?.Dispose();

    private sealed class ResponseHeaders(string contentType) : PipelineResponseHeaders
    {
        private readonly KeyValuePair<string, string>[] _all = [new("Content-Type", contentType)];

        public override bool TryGetValue(string name, out string? value)
        {
            value = string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) ? contentType : null;
            return value is not null;
        }

        public override bool TryGetValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = TryGetValue(name, out var value) ? [value!] : null;
            return values is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_all).GetEnumerator();
    }
}
