using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Templates;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class SkTemplateParserTests
{
    [Fact]
    public void Parse_Variable_ReturnsVariableBlock()
    {
        var blocks = SkTemplateParser.Parse("Hi {{ $name }}!");

        Assert.Collection(blocks,
            b => Assert.Equal("Hi ", Assert.IsType<TextBlock>(b).Text),
            b => Assert.Equal("name", Assert.IsType<VariableBlock>(b).Name),
            b => Assert.Equal("!", Assert.IsType<TextBlock>(b).Text));
    }

    [Theory]
    [InlineData("{{'it\\'s'}}", "it's")]
    [InlineData("{{\"say \\\"hi\\\"\"}}", "say \"hi\"")]
    [InlineData("{{'back\\\\slash'}}", "back\\slash")]
    [InlineData("{{ \"it's\" }}", "it's")]
    [InlineData("{{'}}'}}", "}}")]
    public void Parse_LiteralWithEscapes_Unescapes(string template, string expected)
    {
        var block = Assert.Single(SkTemplateParser.Parse(template));

        Assert.Equal(expected, Assert.IsType<ValueBlock>(block).Value);
    }

    [Theory]
    [InlineData("{{ }}")]
    [InlineData("{{}}")]
    [InlineData("{{\n\t}}")]
    public void Parse_EmptyBlock_StaysText(string template)
    {
        var block = Assert.Single(SkTemplateParser.Parse(template));

        Assert.Equal(template, Assert.IsType<TextBlock>(block).Text);
    }

    [Fact]
    public void Parse_OpenBraceTwice_FirstIsText()
    {
        var blocks = SkTemplateParser.Parse("{{ {{$x}}");

        Assert.Equal("{{ ", Assert.IsType<TextBlock>(blocks[0]).Text);
        Assert.Equal("x", Assert.IsType<VariableBlock>(blocks[1]).Name);
    }

    [Fact]
    public void Parse_FunctionWithPositionalAndNamedArgs_ReadsAll()
    {
        var block = Assert.Single(SkTemplateParser.Parse("{{Text.join $a second = 'b c' separator=$sep}}"));

        var call = Assert.IsType<FunctionCallBlock>(block);
        Assert.Equal("Text", call.PluginName);
        Assert.Equal("join", call.FunctionName);
        Assert.Equal("a", call.Positional!.VariableName);
        Assert.Collection(call.Named,
            n => Assert.Equal(("second", "b c"), (n.Key, n.Value.Literal)),
            n => Assert.Equal(("separator", "sep"), (n.Key, n.Value.VariableName)));
    }

    [Fact]
    public void Parse_MultilineBlock_AcceptsNewlinesAsSpaces()
    {
        var call = Assert.IsType<FunctionCallBlock>(Assert.Single(SkTemplateParser.Parse("{{\n  Text.upper\n  'x'\n}}")));

        Assert.Equal("x", call.Positional!.Literal);
    }

    [Theory]
    [InlineData("line1\nline2 {{$x", 2, 7)]
    [InlineData("{{ 'abc }}", 1, 1)]
    [InlineData("{{$a $b}}", 1, 3)]
    [InlineData("{{'a' 'b'}}", 1, 3)]
    [InlineData("{{name='x'}}", 1, 3)]
    [InlineData("{{f 'a''b'}}", 1, 3)]
    [InlineData("{{f 'a' 'b'}}", 1, 3)]
    [InlineData("{{f x=y}}", 1, 3)]
    [InlineData("{{a.b.c}}", 1, 3)]
    [InlineData("{{$bad-name}}", 1, 3)]
    [InlineData("{{$}}", 1, 3)]
    public void Parse_Malformed_ThrowsWithPosition(string template, int line, int column)
    {
        var error = Assert.Throws<PromptFileException>(() => SkTemplateParser.Parse(template));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Parse_LineOffset_AddsToLine()
    {
        var error = Assert.Throws<PromptFileException>(() => SkTemplateParser.Parse("a\n{{$x", lineOffset: 10));

        Assert.Equal(12, error.Line);
    }
}
