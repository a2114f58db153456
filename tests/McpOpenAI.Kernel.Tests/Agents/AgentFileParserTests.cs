using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Agents.Files;
using McpOpenAI.Kernel.Tests.Prompts;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentFileParserTests
{
    private const string Valid = """
        name: helper
        description: Helps.
        input_variables:
          - name: question
            description: The question.
        instructions: |
          You help with {{$question}}.
        tools:
          - Test
          - Other.lookup
        execution_settings:
          default:
            model_id: gpt-test
            temperature: 0.3
        limits:
          max_iterations: 4
          max_duration_seconds: 30
          max_output_tokens: 500
        session:
          max_history_tokens: 1234
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryKey()
    {
        var file = AgentFileParser.Parse("/x/helper.agent.yaml", Valid);
        var definition = file.Definition;

        Assert.Equal("helper", definition.Name);
        Assert.Equal("Helps.", definition.Description);
        Assert.Equal("You help with {{$question}}.\n", definition.Instructions);
        Assert.Equal("question", Assert.Single(definition.InputVariables).Name);
        Assert.Equal(["Test", "Other.lookup"], definition.Tools);
        Assert.Equal("gpt-test", definition.Settings!.ModelId);
        Assert.Equal(0.3, definition.Settings.ExtensionData!["temperature"]);
        Assert.Equal(new AgentLimits { MaxIterations = 4, MaxDuration = TimeSpan.FromSeconds(30), MaxOutputTokens = 500 }, definition.Limits);
        Assert.Equal(1234, definition.MaxHistoryTokens);
        Assert.Equal([9, 10], file.ToolLines);
        Assert.Equal(6, file.InstructionsLineOffset);
    }

    [Fact]
    public void Parse_NoName_UsesTheFileName()
    {
        var file = AgentFileParser.Parse("/x/my_agent.agent.yaml", "instructions: Be brief.");

        Assert.Equal("my_agent", file.Definition.Name);
        Assert.Empty(file.Definition.Tools);
    }

    [Theory]
    [InlineData("instructions: hi\nmodel: gpt\n", 2, "Unknown key 'model'")]
    [InlineData("instructions: hi\nlimits:\n  max_iterations: 0\n", 3, "'max_iterations' must be a whole number above zero")]
    [InlineData("instructions: hi\nlimits:\n  max_steps: 3\n", 3, "Unknown key 'max_steps' in 'limits'")]
    [InlineData("instructions: hi\ntools:\n  - Test\n  - 'Bad Name!'\n", 4, "Each tool must be 'Plugin'")]
    [InlineData("instructions: hi\nexecution_settings:\n  default:\n    temperature: hot\n", 4, "'temperature' must be a number")]
    [InlineData("instructions: hi\ninput_variables:\n  - description: x\n", 3, "An input variable has no 'name'")]
    [InlineData("name: a\ninstructions: [1, 2\n", 3, "Invalid YAML")]
    [InlineData("instructions: hi\ntemplate_format: jinja\n", 2, "Unknown template_format 'jinja'")]
    [InlineData("instructions: hi\ninput_variables:\n  - name: a\n  - name: A\n", 4, "declared twice")]
    [InlineData("instructions: hi\nexecution_settings:\n  default:\n    max_tokens: 1.5\n", 4, "'max_tokens' must be a whole number")]
    public void Parse_BrokenFile_ErrorNamesTheLine(string yaml, int line, string message)
    {
        var error = Assert.Throws<AgentFileException>(() => AgentFileParser.Parse("/x/a.agent.yaml", yaml)).ToError();

        Assert.Equal("/x/a.agent.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoInstructions_SaysWhatToAdd()
    {
        var error = Assert.Throws<AgentFileException>(() => AgentFileParser.Parse("/x/a.agent.yaml", "name: a\n")).ToError();

        Assert.Contains("no 'instructions'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask_database.agent.yaml", "ask_database", "Database")]
    [InlineData("research.agent.yaml", "research", "Research")]
    [InlineData("support.agent.yaml", "support", "Support")]
    public void Parse_ShippedAgents_AreValid(string file, string name, string tools)
    {
        var parsed = AgentFileParser.Parse(Path.Combine(RepositoryPaths.PromptsFolder, "Agents", file));

        Assert.Equal(name, parsed.Definition.Name);
        Assert.Contains(tools, parsed.Definition.Tools);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Definition.Description));
        Assert.NotEmpty(parsed.Definition.InputVariables);
    }
}
