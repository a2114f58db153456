using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.OpenAI.Chat;

/// <summary>Setting up the key, timeouts, and the promise that the key never shows: each on its own server process.</summary>
public sealed class ChatSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoKey_ChatExplainsHowToSetIt_StatusSaysNotConfigured()
    {
        await using var server = await ChatServer.StartAsync(Ct, withKey: false);

        var chat = await server.CallAsync("chat", new { prompt = "hi" }, Ct);
        var status = ChatServer.Structured(await server.CallAsync("get_config_status", new { }, Ct));

        var text = ChatServer.Text(chat);
        Assert.StartsWith("Error (not_configured):", text);
        Assert.Contains("OPENAI_API_KEY", text);
        Assert.Contains("configure", text);
        Assert.False(status.GetProperty("configured").GetBoolean());
        Assert.NotEmpty(status.GetProperty("advice").EnumerateArray());
    }

    [Fact]
    public async Task Configure_ValidKey_CheckedSavedOwnerOnlyAndUsedWithoutRestart()
    {
        await using var server = await ChatServer.StartAsync(Ct, withKey: false);
        var configFile = server.Folder.Combine("config", "mcp-openai", "config.json");

        var result = await server.CallAsync("configure", new { api_key = server.Fake.ApiKey, base_url = server.Fake.BaseUrl, chat_model = "gpt-4o" }, Ct);

        var value = ChatServer.Structured(result);
        Assert.True(value.GetProperty("key_verified").GetBoolean());
        Assert.True(value.GetProperty("in_effect").GetBoolean());
        Assert.Equal("sk-…" + server.Fake.ApiKey[^4..], value.GetProperty("key_fingerprint").GetString());
        Assert.Contains(value.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("transcript", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Fake.ApiKey, ChatServer.Text(result));
        Assert.Equal(configFile, value.GetProperty("config_file").GetString());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(configFile));
        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(configFile, Ct)).RootElement.GetProperty("OpenAI");
        Assert.Equal("gpt-4o", saved.GetProperty("ChatModel").GetString());

        var chat = ChatServer.Structured(await server.CallAsync("chat", new { prompt = "configured?" }, Ct));
        var status = ChatServer.Structured(await server.CallAsync("get_config_status", new { }, Ct));

        Assert.Equal("gpt-4o", chat.GetProperty("model").GetString());
        Assert.True(status.GetProperty("configured").GetBoolean());
        Assert.Equal("user config file", status.GetProperty("key_source").GetString());
        Assert.Equal("chat", status.GetProperty("last_success").GetProperty("operation").GetString());
    }

    [Fact]
    public async Task Configure_WrongKey_NothingSaved()
    {
        await using var server = await ChatServer.StartAsync(Ct, withKey: false);
        var wrong = "sk-test-" + Guid.NewGuid().ToString("N");

        var result = await server.CallAsync("configure", new { api_key = wrong, base_url = server.Fake.BaseUrl }, Ct);

        var text = ChatServer.Text(result);
        Assert.StartsWith("Error (invalid_api_key): Nothing was saved", text);
        Assert.DoesNotContain(wrong, text);
        Assert.DoesNotContain(wrong[^4..], text);
        Assert.False(File.Exists(server.Folder.Combine("config", "mcp-openai", "config.json")));
    }

    [Fact]
    public async Task Status_KeyFromEnvironment_SourceAndFingerprintOnly()
    {
        await using var server = await ChatServer.StartAsync(Ct);

        var result = await server.CallAsync("get_config_status", new { }, Ct);

        var status = ChatServer.Structured(result);
        Assert.Equal("environment (OPENAI_API_KEY)", status.GetProperty("key_source").GetString());
        Assert.Equal(server.Fake.BaseUrl, status.GetProperty("base_url").GetString());
        Assert.Equal("gpt-4.1-mini", status.GetProperty("defaults").GetProperty("chat").GetString());
        Assert.DoesNotContain(server.Fake.ApiKey, ChatServer.Text(result));
    }

    [Fact]
    public async Task Chat_ServerHangs_TimeoutAfterTheCallBudget()
    {
        await using var server = await ChatServer.StartAsync(Ct, new Dictionary<string, string?> { ["OpenAI__RequestTimeout"] = "00:00:01", ["OpenAI__MaxRetries"] = "0" });
        server.Fake.Faults.Enqueue("chat/completions", FakeFault.Hang());

        var result = await server.CallAsync("chat", new { prompt = "hello?" }, Ct);

        Assert.StartsWith("Error (timeout):", ChatServer.Text(result));
    }

    [Fact]
    public async Task Key_NeverInStderrOrAnyResult_EvenWithTraceLogging()
    {
        await using var server = await ChatServer.StartAsync(Ct, new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Trace" });
        var key = server.Fake.ApiKey;
        server.Fake.Faults.Enqueue("chat/completions", FakeFault.InsufficientQuota());

        await server.CallAsync("chat", new { prompt = "fails" }, Ct);
        await server.CallAsync("chat", new { prompt = "works" }, Ct);
        await server.CallAsync("chat", new { prompt = "x", model = "gpt-unknown" }, Ct);
        await server.CallAsync("chat", new { prompt = "x", temperature = 9 }, Ct);
        await server.CallAsync("moderate", new { texts = new[] { "forbidden" } }, Ct);
        await server.CallAsync("embed", new { texts = new[] { "a", "b" } }, Ct);
        await server.CallAsync("list_models", new { }, Ct);
        await server.CallAsync("get_config_status", new { }, Ct);
        await server.CallAsync("configure", new { api_key = "sk-test-" + Guid.NewGuid().ToString("N"), base_url = server.Fake.BaseUrl }, Ct);

        var everything = server.Session.Stderr + "\n" + string.Join("\n", server.ResultTexts);
        Assert.Equal(9, server.ResultTexts.Count);
        Assert.DoesNotContain(key, everything);
        Assert.DoesNotContain(key["sk-test-".Length..^4], everything);
    }
}
