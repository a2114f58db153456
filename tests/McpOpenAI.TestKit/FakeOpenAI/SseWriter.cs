using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>
/// Writes server-sent events one by one with <see cref="SseFormatter"/>, flushing each, in OpenAI's wire format
/// (<c>event: name</c> when named, then <c>data: json</c>), and breaks the stream when a fault says so.
/// </summary>
internal sealed class SseWriter
{
    private readonly HttpContext _http;
    private readonly FakeFault? _breakAfter;
    private FakeFault? _pause;
    private int _sent;

    public SseWriter(HttpContext http, FakeFault? fault)
    {
        _http = http;
        _breakAfter = fault?.Kind == FakeFaultKind.BrokenStream ? fault : null;
        _pause = fault?.Kind == FakeFaultKind.SlowStream ? fault : null;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Writes one event; false when the connection was deliberately dropped instead.</summary>
    public Task<bool> WriteAsync(JsonNode data, string? eventName = null) => WriteAsync(new SseItem<string>(data.ToJsonString(), eventName));

    /// <summary>Writes the chat API's closing <c>data: [DONE]</c>.</summary>
    public Task<bool> DoneAsync() => WriteAsync(new SseItem<string>("[DONE]"));

    private async Task<bool> WriteAsync(SseItem<string> item)
    {
        if (_breakAfter is not null && _sent >= _breakAfter.EventsBeforeBreak)
        {
            _http.Abort();
            return false;
        }
        // One event a call, so each reaches the client before the next is made and a fault can cut in between.
        await SseFormatter.WriteAsync(((SseItem<string>[])[item]).ToAsyncEnumerable(), _http.Response.Body, _http.RequestAborted);
        await _http.Response.Body.FlushAsync(_http.RequestAborted);
        _sent++;
        if (_pause is { } pause && item.EventType == pause.PauseAfterEvent)
        {
            _pause = null;
            await Task.Delay(pause.Delay, _http.RequestAborted);
        }
        return true;
    }
}
