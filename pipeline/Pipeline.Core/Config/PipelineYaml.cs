using System.Text.RegularExpressions;
using Pipeline.Core.Executors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Config;

/// <summary>Reads pipeline.yaml with YamlDotNet's representation model (which keeps line and column of every node)
/// into a <see cref="PipelineSpec"/>, collecting structural errors: syntax, unknown keys, wrong shapes.</summary>
public static partial class PipelineYaml
{
    public static readonly string[] TopLevelKeys = ["stages", "description", "executor"];
    public static readonly string[] StageKeys = ["name", "uses", "description", "params", "inputs", "outputs", "executor"];

    // \z, not $: "$" also matches before a final newline, which would let name: "ev\n" through.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*\z")]
    public static partial Regex NamePattern();

    public static (PipelineSpec Spec, List<ConfigError> Errors) Parse(string text, string fileName)
    {
        var spec = new PipelineSpec { FileName = fileName };
        var errors = new List<ConfigError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && inner.Message.Length > 0 ? inner.Message : e.Message;
            errors.Add(new ConfigError($"{fileName}:{e.Start.Line}:{e.Start.Column}", "YAML syntax error: " + message));
            return (spec, errors);
        }
        void Error(YamlNode node, string message) => errors.Add(ConfigError.At(fileName, SourceMark.Of(node), message));

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ConfigError($"{fileName}:1:1", "expected a mapping with a 'stages' list"));
            return (spec, errors);
        }
        YamlNode? stagesNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = YamlKey.Text(keyNode, Error);
            switch (key)
            {
                case "stages":
                    stagesNode = value;
                    break;
                case "description":
                    spec.Description = (value as YamlScalarNode)?.Value;
                    break;
                case "executor":
                    spec.Executor = ExecutorYaml.Parse(value, "the top-level executor", Error);
                    break;
                case null:
                    break;
                default:
                    Error(keyNode, $"unknown key '{key}' (allowed: {string.Join(", ", TopLevelKeys)})");
                    break;
            }
        }
        if (stagesNode is null)
        {
            Error(root, "missing 'stages' (a list of stages)");
            return (spec, errors);
        }
        if (stagesNode is not YamlSequenceNode stages)
        {
            Error(stagesNode, "'stages' must be a list of stages (each item starting with '- name:')");
            return (spec, errors);
        }
        foreach (var item in stages.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Error(item, "a stage must be a mapping with name, uses, params, inputs");
                continue;
            }
            var stage = ParseStage(map, Error);
            if (stage is not null)
                spec.Stages.Add(stage);
        }
        return (spec, errors);
    }

    private static StageSpec? ParseStage(YamlMappingNode map, Action<YamlNode, string> error)
    {
        var stage = new StageSpec { Mark = SourceMark.Of(map) };
        bool hasName = false, hasUses = false;
        YamlNode? executor = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlKey.Text(keyNode, error);
            switch (key)
            {
                case "name":
                    if (value is YamlScalarNode { Value: { Length: > 0 } name })
                    {
                        hasName = true;
                        stage.Name = name;
                        stage.NameMark = SourceMark.Of(value);
                        if (!NamePattern().IsMatch(name))
                            error(value, $"stage name '{name}' must start with a letter and use only letters, digits, '_' and '-'");
                    }
                    else
                    {
                        error(value, "'name' must be a non-empty string");
                    }
                    break;
                case "uses":
                    if (value is YamlScalarNode { Value: { Length: > 0 } uses })
                    {
                        hasUses = true;
                        stage.Uses = uses;
                        stage.UsesMark = SourceMark.Of(value);
                    }
                    else
                    {
                        error(value, "'uses' must name a stage type (see `pipeline stages`)");
                    }
                    break;
                case "description":
                    stage.Description = (value as YamlScalarNode)?.Value;
                    break;
                case "params":
                    if (value is YamlMappingNode ps)
                    {
                        foreach (var (pk, pv) in ps.Children)
                        {
                            if (YamlKey.Text(pk, error) is { } param)
                                stage.Params.Add(new ParamSetting(param, SourceMark.Of(pk), pv));
                        }
                    }
                    else if (!IsEmpty(value))
                    {
                        error(value, "'params' must be a mapping of param: value");
                    }
                    break;
                case "inputs":
                    stage.InputsMark = SourceMark.Of(value);
                    if (value is YamlMappingNode ins)
                    {
                        foreach (var (ik, iv) in ins.Children)
                        {
                            if (YamlKey.Text(ik, error) is not { } port)
                                continue;
                            if (iv is YamlScalarNode { Value: { Length: > 0 } source })
                                stage.Inputs.Add(new InputBinding(port, SourceMark.Of(ik), source, SourceMark.Of(iv)));
                            else
                                error(iv, $"input '{port}' must be `stage.output` or a path under the workspace");
                        }
                    }
                    else if (!IsEmpty(value))
                    {
                        error(value, "'inputs' must be a mapping of port: stage.output or port: path");
                    }
                    break;
                case "outputs":
                    if (value is YamlSequenceNode outs)
                    {
                        stage.Outputs = new List<OutputDeclaration>();
                        foreach (var o in outs.Children)
                        {
                            if (o is YamlScalarNode { Value: { Length: > 0 } output })
                                stage.Outputs.Add(new OutputDeclaration(output, SourceMark.Of(o)));
                            else
                                error(o, "each output must be an output port name");
                        }
                    }
                    else
                    {
                        error(value, "'outputs' must be a list of output port names");
                    }
                    break;
                case "executor":
                    executor = value;
                    break;
                case null:
                    break;
                default:
                    error(keyNode, $"unknown key '{key}' in a stage (allowed: {string.Join(", ", StageKeys)})");
                    break;
            }
        }
        if (executor is not null)
            stage.Executor = ExecutorYaml.Parse(executor, hasName ? $"the executor of stage '{stage.Name}'" : "a stage's executor", error);
        if (!hasName)
            error(map, "stage has no 'name'");
        if (!hasUses)
            error(map, hasName ? $"stage '{stage.Name}' has no 'uses' (the stage type)" : "stage has no 'uses' (the stage type)");
        return hasName ? stage : null;
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" };
}
