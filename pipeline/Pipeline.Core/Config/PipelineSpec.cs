using Pipeline.Core.Executors;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Config;

/// <summary>pipeline.yaml as written (before validation against the stage types), with source positions.</summary>
public sealed class PipelineSpec
{
    public required string FileName { get; init; }
    public string? Description { get; set; }
    /// <summary>The top-level <c>executor:</c> block (null when absent: local).</summary>
    public ExecutorSpec? Executor { get; set; }
    public List<StageSpec> Stages { get; } = new();
}

public sealed class StageSpec
{
    public string Name { get; set; } = "";
    public SourceMark Mark { get; set; }
    public SourceMark NameMark { get; set; }
    public string Uses { get; set; } = "";
    public SourceMark UsesMark { get; set; }
    public string? Description { get; set; }
    public List<ParamSetting> Params { get; } = new();
    public List<InputBinding> Inputs { get; } = new();
    public SourceMark InputsMark { get; set; }
    /// <summary>Null when the stage does not list its outputs (then every output port of its type is tracked).</summary>
    public List<OutputDeclaration>? Outputs { get; set; }
    /// <summary>The stage's own <c>executor:</c> (over the top-level one); only fan-out stage types may have one.</summary>
    public ExecutorSpec? Executor { get; set; }
}

public sealed record ParamSetting(string Name, SourceMark Mark, YamlNode Value);

/// <summary><c>port: source</c> where source is <c>stage.output</c> or a raw path or glob.</summary>
public sealed record InputBinding(string Port, SourceMark Mark, string Source, SourceMark SourceMark);

public sealed record OutputDeclaration(string Name, SourceMark Mark);
