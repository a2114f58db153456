using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Writes server-sent events one by one, flushing each, and breaks the stream when a fault says so.</summary>
internal sealed class SseWriter
{
    private readonly HttpContext _http;
    private readonly FakeFault? _breakAfter;
    private int _sent;

    public SseWriter(HttpContext http, FakeFault? fault)
    {
        _http = http;
        _breakAfter = fault?.Kind == FakeFaultKind.BrokenStream ? fault : null;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Writes one event; false when the connection was deliberately dropped instead.</summary>
    public async Task<bool> WriteAsync(JsonNode data, string? eventName = null) =>
        await WriteRawAsync(data.ToJsonString(), eventName);

    /// <summary>Writes the chat API's closing <c>[DONE]</c>.</summary>
    public Task<bool> DoneAsync() => WriteRawAsync("[DONE]", null);

    private async Task<bool> WriteRawAsync(string data, string? eventName)
    {
        if (_breakAfter is not null && _sent >= _breakAfter.EventsBeforeBreak)
        {
            _http.Abort();
            return false;
        }
        var text = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await _http.Response.WriteAsync(text, Encoding.UTF8, _http.RequestAborted);
        await _http.Response.Body.FlushAsync(_http.RequestAborted);
        _sent++;
        return true;
    }
}
