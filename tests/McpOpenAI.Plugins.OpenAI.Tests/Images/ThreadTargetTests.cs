using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Plugins.OpenAI.Images;

namespace McpOpenAI.Plugins.OpenAI.Tests.Images;

public sealed class ThreadTargetTests : IDisposable
{
    private const string Id = "thr_0a1b2c3d4e";
    private const string Empty = "thr_ffffffffff";
    private readonly string _data = Directory.CreateTempSubdirectory("image-threads-").FullName;
    private readonly ImageThreadStore _threads;

    public ThreadTargetTests()
    {
        _threads = new ImageThreadStore(new AppPaths(dataFolder: _data), TimeProvider.System);
        Seed(_data, Id, Step(1, null, "resp_1"), Step(2, 1, "resp_2"));
        Seed(_data, Empty);
    }

    /// <summary>Writes a thread file as the store keeps it.</summary>
    internal static void Seed(string dataFolder, string id, params ImageThreadStep[] steps)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dataFolder, "image-threads")).FullName;
        var thread = new ImageThread { Id = id, Title = "a house", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch, Steps = steps };
        File.WriteAllBytes(Path.Combine(folder, id + ".json"), JsonSerializer.SerializeToUtf8Bytes(thread, MetadataJson.Options));
    }

    internal static ImageThreadStep Step(int step, int? parent, string responseId) =>
        new(step, parent, "a house", responseId, "ig_" + step, "img" + step, $"openai-image-{step}.png", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("thr_9999999999", false)]
    [InlineData("image://threads/thr_9999999999", false)]
    [InlineData("thr_nope", true)]
    [InlineData("my-thread", true)]
    public void Resolve_UnknownThread_NotFoundSaysSoAndWhatToDoInstead(string thread, bool malformed)
    {
        var error = Assert.Throws<FunctionException>(() => ThreadTarget.Resolve(_threads, thread, null, null));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.StartsWith($"Unknown image thread '{thread}'", error.Message);
        Assert.Equal(malformed, error.Message.Contains("thread ids look like thr_", StringComparison.Ordinal));
        Assert.Contains(error.Suggestions, s => s.Contains("list_image_threads", StringComparison.Ordinal));
        Assert.Contains(error.Suggestions, s => s.Contains("leaving out 'thread'", StringComparison.Ordinal));
        Assert.Contains(error.Suggestions, s => s.Contains("previous_response_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_UnknownThreadWithBranchPoint_StillSaysTheThreadIsUnknown()
    {
        var error = Assert.Throws<FunctionException>(() => ThreadTarget.Resolve(_threads, "thr_9999999999", 1, "resp_1"));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }

    [Theory]
    [InlineData(Id)]
    [InlineData("THR_0A1B2C3D4E")]
    [InlineData("image://threads/" + Id)]
    [InlineData("  thr_0a1b2c3d4e ")]
    public void Resolve_KnownThreadAnySpelling_ContinuesTheLastStep(string thread) =>
        Assert.Equal(new ThreadTarget(Id, 2, "resp_2"), ThreadTarget.Resolve(_threads, thread, null, null));

    [Fact]
    public void Resolve_BranchPointByStepOrResponse_ContinuesThatStep()
    {
        Assert.Equal(new ThreadTarget(Id, 1, "resp_1"), ThreadTarget.Resolve(_threads, Id, 1, null));
        Assert.Equal(new ThreadTarget(Id, 1, "resp_1"), ThreadTarget.Resolve(_threads, Id, null, "resp_1"));
        Assert.Equal(new ThreadTarget(Id, 1, "resp_1"), ThreadTarget.Resolve(_threads, Id, 1, "resp_1"));
    }

    [Theory]
    [InlineData(3, null, "from_step", "has no step 3")]
    [InlineData(0, null, "from_step", "has no step 0")]
    [InlineData(null, "resp_other", "previous_response_id", "is not a response of thread " + Id)]
    [InlineData(2, "resp_1", "from_step", "name different steps")]
    public void Resolve_BranchPointTheThreadLacks_InvalidArgumentNamesIt(int? fromStep, string? previousResponseId, string argument, string expected)
    {
        var error = Assert.Throws<FunctionException>(() => ThreadTarget.Resolve(_threads, Id, fromStep, previousResponseId));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains($"'{argument}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(null, "needs a thread")]
    [InlineData("resp_1", "with previous_response_id alone")]
    public void Resolve_FromStepWithoutThread_InvalidArgument(string? previousResponseId, string expected)
    {
        var error = Assert.Throws<FunctionException>(() => ThreadTarget.Resolve(_threads, null, 2, previousResponseId));

        Assert.Contains("'from_step'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Resolve_PreviousResponseAlone_FindsItsThread()
    {
        Assert.Equal(new ThreadTarget(Id, 1, "resp_1"), ThreadTarget.Resolve(_threads, null, null, "resp_1"));
        Assert.Equal(new ThreadTarget(null, null, "resp_elsewhere"), ThreadTarget.Resolve(_threads, null, null, "resp_elsewhere"));
        Assert.Null(ThreadTarget.Resolve(_threads, null, null, null));
    }

    [Fact]
    public void Resolve_ThreadWithoutSteps_StartsItsFirstStep_AndHasNoStepToBranchFrom()
    {
        Assert.Equal(new ThreadTarget(Empty, null, null), ThreadTarget.Resolve(_threads, Empty, null, null));

        var error = Assert.Throws<FunctionException>(() => ThreadTarget.Resolve(_threads, Empty, 1, null));
        Assert.Contains("has no steps yet", error.Message);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
