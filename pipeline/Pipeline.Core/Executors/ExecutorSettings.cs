using Pipeline.Core.Config;

namespace Pipeline.Core.Executors;

/// <summary>Where the work items of a fan-out stage run.</summary>
public enum ExecutorKind
{
    /// <summary>In the engine's process, up to -j items at once (the default).</summary>
    Local,
    /// <summary>As one Slurm job array; each task runs `WORKER worker ...` on one item.</summary>
    Slurm,
}

/// <summary>An <c>executor:</c> block of pipeline.yaml as written (top level or in a stage): null fields were not
/// given there. Positions are kept for validation messages.</summary>
public sealed class ExecutorSpec
{
    public SourceMark Mark { get; init; }
    public ExecutorKind? Kind { get; set; }
    public SourceMark KindMark { get; set; }
    public string? Partition { get; set; }
    public string? Account { get; set; }
    public string? Time { get; set; }
    public string? Memory { get; set; }
    public int? CpusPerTask { get; set; }
    public IReadOnlyList<string>? SbatchArgs { get; set; }
    public IReadOnlyList<string>? Worker { get; set; }
    public int? Retries { get; set; }
    public double? PollInterval { get; set; }
}

/// <summary>The executor options in force for one stage: the stage's <c>executor:</c> over the top-level one over
/// the defaults; <c>pipeline run --executor</c> overrides the kind everywhere. None of this enters fingerprints,
/// lock entries or artifacts: executors change where items run, never what they produce.</summary>
public sealed record ExecutorSettings
{
    public ExecutorKind Kind { get; init; } = ExecutorKind.Local;
    public string? Partition { get; init; }
    public string? Account { get; init; }
    /// <summary>Slurm time limit per task (e.g. <c>30</c>, <c>01:30:00</c>, <c>2-00:00:00</c>).</summary>
    public string? Time { get; init; }
    /// <summary>Memory per task as Slurm's --mem takes it (e.g. <c>4G</c>).</summary>
    public string? Memory { get; init; }
    public int? CpusPerTask { get; init; }
    public IReadOnlyList<string> SbatchArgs { get; init; } = [];
    /// <summary>The tool's command line on the compute nodes; null: the running tool's own (see <see cref="WorkerCommandLine"/>).</summary>
    public IReadOnlyList<string>? Worker { get; init; }
    /// <summary>How many times a failed item is resubmitted before the stage fails.</summary>
    public int Retries { get; init; } = 1;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public static ExecutorSettings Resolve(ExecutorSpec? pipeline, ExecutorSpec? stage, ExecutorKind? commandLine)
    {
        var s = new ExecutorSettings();
        foreach (var spec in new[] { pipeline, stage })
        {
            if (spec is null)
                continue;
            s = s with
            {
                Kind = spec.Kind ?? s.Kind,
                Partition = spec.Partition ?? s.Partition,
                Account = spec.Account ?? s.Account,
                Time = spec.Time ?? s.Time,
                Memory = spec.Memory ?? s.Memory,
                CpusPerTask = spec.CpusPerTask ?? s.CpusPerTask,
                SbatchArgs = spec.SbatchArgs ?? s.SbatchArgs,
                Worker = spec.Worker ?? s.Worker,
                Retries = spec.Retries ?? s.Retries,
                PollInterval = spec.PollInterval is { } p ? TimeSpan.FromSeconds(p) : s.PollInterval,
            };
        }
        return commandLine is { } kind ? s with { Kind = kind } : s;
    }

    public static string Name(ExecutorKind kind) => kind == ExecutorKind.Slurm ? "slurm" : "local";
}
