using Pipeline.Abstractions;
using Pipeline.Core.Graph;

namespace Pipeline.Core.Config;

/// <summary>A validated pipeline: every stage bound to its type, params typed (defaults filled in, overrides
/// applied), inputs resolved; stages in topological order.</summary>
public sealed class ResolvedPipeline
{
    private readonly Dictionary<string, ResolvedStage> _byName;

    public ResolvedPipeline(PipelineSpec spec, IReadOnlyList<ResolvedStage> stagesInOrder, PipelineGraph graph)
    {
        Spec = spec;
        Stages = stagesInOrder;
        Graph = graph;
        _byName = stagesInOrder.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public PipelineSpec Spec { get; }
    public IReadOnlyList<ResolvedStage> Stages { get; }
    public PipelineGraph Graph { get; }

    public ResolvedStage this[string name] => _byName[name];
    public bool Contains(string name) => _byName.ContainsKey(name);
}

public sealed class ResolvedStage
{
    public required StageSpec Spec { get; init; }
    public required IStage Type { get; init; }
    public required ParamValues Params { get; init; }
    /// <summary>Canonical JSON of all params (defaults included): what the params hash is taken of.</summary>
    public required string ParamsJson { get; init; }
    public required string ParamsHash { get; init; }
    public required IReadOnlyList<ResolvedInput> Inputs { get; init; }
    /// <summary>The tracked outputs (the declared ones, or all output ports of the type).</summary>
    public required IReadOnlyList<PortSpec> Outputs { get; init; }

    public string Name => Spec.Name;
    public IEnumerable<string> Upstream => Inputs.Where(i => i.Stage is not null).Select(i => i.Stage!).Distinct(StringComparer.Ordinal);
}

/// <summary>An input port bound to an upstream output (<see cref="Stage"/>.<see cref="Output"/>) or to a raw path
/// (<see cref="RawPath"/>, absolute; a glob when it contains * ? or [).</summary>
public sealed record ResolvedInput(PortSpec Port, string Source, string? Stage, string? Output, string? RawPath)
{
    public bool IsRaw => RawPath is not null;
    public bool IsGlob => RawPath is not null && Glob.IsGlob(Source);
}
