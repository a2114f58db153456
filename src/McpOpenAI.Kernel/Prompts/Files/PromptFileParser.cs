using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>Reads one prompt in either of Semantic Kernel's on-disk formats.</summary>
internal static class PromptFileParser
{
    public const string TemplateFileName = "skprompt.txt";
    public const string ConfigFileName = "config.json";

    /// <summary>True for a prompt YAML file; <c>*.agent.yaml</c> files are agent definitions and are not prompts.</summary>
    public static bool IsPromptYaml(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.'))
            return false;
        var isYaml = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return isYaml && !Path.GetFileNameWithoutExtension(name).EndsWith(".agent", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for a prompt folder (it holds <c>skprompt.txt</c> or <c>config.json</c>).</summary>
    public static bool IsPromptFolder(string path) =>
        !Path.GetFileName(path).StartsWith('.')
        && (File.Exists(Path.Combine(path, TemplateFileName)) || File.Exists(Path.Combine(path, ConfigFileName)));

    /// <summary>Reads <c>folder/skprompt.txt</c> and the optional <c>folder/config.json</c>; the folder name is the function name.</summary>
    /// <exception cref="PromptFileLoadException">The folder is incomplete or its config is broken.</exception>
    public static ParsedPromptFile ParseFolder(string folder)
    {
        var templatePath = Path.Combine(folder, TemplateFileName);
        var configPath = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(templatePath))
            throw new PromptFileLoadException(configPath, new PromptFileException($"The prompt folder has {ConfigFileName} but no {TemplateFileName}; add the template there."));
        var template = File.ReadAllText(templatePath);
        var name = Path.GetFileName(folder);
        if (!File.Exists(configPath))
            return new ParsedPromptFile(new PromptTemplateConfig(template) { Name = name }, templatePath, 0, template, []);
        var json = File.ReadAllText(configPath);
        try
        {
            var reader = new PromptConfigReader(JsonConfigReader.Read(json), strict: false);
            var config = reader.Read(name, template);
            // As in Semantic Kernel, the folder names the function.
            config.Name = name;
            var warnings = reader.Warnings.Select(w => new PromptFileError(configPath, w.Position?.Line, w.Position?.Column, w.Message, IsWarning: true)).ToArray();
            return new ParsedPromptFile(config, templatePath, 0, $"{json}\0{template}", warnings);
        }
        catch (PromptFileException ex)
        {
            throw new PromptFileLoadException(configPath, ex);
        }
    }

    /// <summary>Reads a prompt YAML file; its <c>name</c> (else the file name) is the function name.</summary>
    /// <exception cref="PromptFileLoadException">The file is broken.</exception>
    public static ParsedPromptFile ParseYaml(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            var document = YamlConfigReader.Read(text);
            var config = new PromptConfigReader(document, strict: true).Read(Path.GetFileNameWithoutExtension(path), null);
            var offset = document.PositionOf(YamlConfigReader.TemplateOffsetKey)?.Line ?? 0;
            return new ParsedPromptFile(config, path, offset, text, []);
        }
        catch (PromptFileException ex)
        {
            throw new PromptFileLoadException(path, ex);
        }
    }
}
