using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>What <c>configure</c> returns. It never contains the key, only its fingerprint.</summary>
public sealed record ConfigureResult(
    [property: Description("The settings written (or removed) in the config file.")] IReadOnlyList<string> Saved,
    [property: Description("The config file written (readable only by its owner).")] string ConfigFile,
    [property: Description("The new key's fingerprint (sk-…abcd), when a key was saved.")] string? KeyFingerprint,
    [property: Description("True when the new key was checked with a real call (GET /v1/models) before saving.")] bool KeyVerified,
    [property: Description("How many models the new key can use, from that check.")] int? ModelsAvailable,
    [property: Description("True when the saved settings are in force now (no restart needed); false when a higher-precedence source overrides them.")] bool InEffect,
    [property: Description("Notes: what overrides what, and the safer ways to store a key.")] IReadOnlyList<string> Notes);
