namespace McpOpenAI.Server.Tests.Prompts;

/// <summary>Prompt files the end-to-end tests write into a server's prompts folder.</summary>
internal static class PromptFiles
{
    public const string Greet = """
        name: greet
        description: Greets someone by name.
        template: |
          <message role="system">You greet people warmly, in one sentence.</message>
          <message role="user">Greet {{$name}} in {{$language}}.</message>
        input_variables:
          - name: name
            description: Who to greet.
            is_required: true
          - name: language
            description: The language of the greeting.
            default: English
        execution_settings:
          default:
            model_id: gpt-4.1-mini
            temperature: 0.3
            max_tokens: 50
        """;

    public const string Shout = """
        name: shout
        description: Repeats a text loudly.
        template: "Repeat loudly: {{$text}}"
        input_variables:
          - name: text
            description: What to repeat.
        """;

    /// <summary>YAML with an unknown top-level key on line 2: Semantic Kernel refuses it, so must we.</summary>
    public const string Broken = """
        name: broken
        colour: blue
        template: "{{$text}}"
        """;
}
