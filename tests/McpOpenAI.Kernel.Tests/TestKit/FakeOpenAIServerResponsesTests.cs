// The SDK marks the Responses client experimental (OPENAI001); the fake must support it.
#pragma warning disable OPENAI001
using System.ClientModel;
using McpOpenAI.TestKit.FakeOpenAI;
using OpenAI.Responses;

namespace McpOpenAI.Kernel.Tests.TestKit;

public sealed class FakeOpenAIServerResponsesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateResponseOptions ImageRequest(string prompt, string? previousId = null, int? partials = null)
    {
        var options = new CreateResponseOptions("gpt-4.1-mini", [ResponseItem.CreateUserMessageItem(prompt)])
        {
            PreviousResponseId = previousId,
        };
        options.Tools.Add(ResponseTool.CreateImageGenerationTool("gpt-image-1", size: new ImageGenerationToolSize(320, 240), partialImageCount: partials));
        return options;
    }

    [Fact]
    public async Task ImageGeneration_SdkParsesImageCall()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var responses = FakeOpenAIServerTests.Sdk(server).GetResponsesClient();

        ResponseResult result = await responses.CreateResponseAsync(ImageRequest("a tiny robot"), Ct);

        Assert.StartsWith("resp_", result.Id);
        var call = Assert.Single(result.OutputItems.OfType<ImageGenerationCallResponseItem>());
        Assert.StartsWith("ig_", call.Id);
        Assert.Equal(ImageGenerationCallStatus.Completed, call.Status);
        Assert.Contains("a tiny robot", call.RevisedPrompt);
        PngAssert.Valid(call.ImageResultBytes.ToArray(), 320, 240);
        Assert.Equal("image_generation", Assert.Single(server.Requests).Json!["tools"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PreviousResponseId_KnownId_RecordedAndHonoured()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var responses = FakeOpenAIServerTests.Sdk(server).GetResponsesClient();
        ResponseResult first = await responses.CreateResponseAsync(ImageRequest("a cat"), Ct);

        ResponseResult second = await responses.CreateResponseAsync(ImageRequest("now give it a hat", first.Id), Ct);

        Assert.Equal(first.Id, second.PreviousResponseId);
        Assert.Equal(first.Id, server.Requests[^1].Json!["previous_response_id"]!.GetValue<string>());
        Assert.True(server.StoredResponses.ContainsKey(second.Id));
        ResponseResult fetched = await responses.GetResponseAsync(first.Id, Ct);
        Assert.Equal(first.Id, fetched.Id);
    }

    [Fact]
    public async Task PreviousResponseId_Unknown_400()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            FakeOpenAIServerTests.Sdk(server).GetResponsesClient().CreateResponseAsync(ImageRequest("x", "resp_missing"), Ct));

        Assert.Equal(400, error.Status);
        Assert.Contains("previous_response_not_found", error.GetRawResponse()!.Content.ToString());
    }

    [Fact]
    public async Task Streaming_PartialImagesThenCompleted_InSequence()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var responses = FakeOpenAIServerTests.Sdk(server).GetResponsesClient();
        var options = ImageRequest("a kite", partials: 2);
        options.StreamingEnabled = true;

        var updates = new List<StreamingResponseUpdate>();
        await using var stream = await responses.CreateResponseStreamingAsync(options, Ct);
        await foreach (var update in stream) updates.Add(update);

        Assert.IsType<StreamingResponseCreatedUpdate>(updates[0]);
        var partials = updates.OfType<StreamingResponseImageGenerationCallPartialImageUpdate>().ToList();
        Assert.Equal([0, 1], partials.Select(p => p.PartialImageIndex));
        PngAssert.Valid(partials[0].PartialImageBytes.ToArray(), 320, 240);
        Assert.Contains(updates.OfType<StreamingResponseOutputItemDoneUpdate>(), u => u.Item is ImageGenerationCallResponseItem);
        var completed = Assert.IsType<StreamingResponseCompletedUpdate>(updates[^1]);
        Assert.Single(completed.Response.OutputItems.OfType<ImageGenerationCallResponseItem>());
        Assert.Equal(Enumerable.Range(0, updates.Count), updates.Select(u => u.SequenceNumber));
    }

    [Fact]
    public async Task Text_NoTools_EchoesAndStreamsDeltas()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var responses = FakeOpenAIServerTests.Sdk(server).GetResponsesClient();

        ResponseResult result = await responses.CreateResponseAsync("gpt-4.1-mini", "say something", cancellationToken: Ct);
        var deltas = new List<string>();
        await using var stream = await responses.CreateResponseStreamingAsync("gpt-4.1-mini", "say more", cancellationToken: Ct);
        await foreach (var update in stream)
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta) deltas.Add(delta.Delta);
        }

        Assert.Equal("Echo: say something", result.GetOutputText());
        Assert.True(deltas.Count > 1);
        Assert.Equal("Echo: say more", string.Concat(deltas));
    }

    [Fact]
    public async Task WebSearch_MessageCarriesUrlCitations()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var options = new CreateResponseOptions("gpt-4.1-mini", [ResponseItem.CreateUserMessageItem("latest news")]);
        options.Tools.Add(ResponseTool.CreateWebSearchTool());

        ResponseResult result = await FakeOpenAIServerTests.Sdk(server).GetResponsesClient().CreateResponseAsync(options, Ct);

        Assert.Single(result.OutputItems.OfType<WebSearchCallResponseItem>());
        var text = Assert.Single(Assert.Single(result.OutputItems.OfType<MessageResponseItem>()).Content);
        var citations = text.OutputTextAnnotations.OfType<UriCitationMessageAnnotation>().ToList();
        Assert.Equal(server.WebSearchResults.Select(c => c.Url), citations.Select(c => c.Uri.ToString()));
        Assert.All(citations, c => Assert.Equal(c.Title, text.Text[c.StartIndex..c.EndIndex]));
    }
}
