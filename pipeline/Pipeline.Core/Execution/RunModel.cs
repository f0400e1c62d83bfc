namespace Pipeline.Core.Execution;

/// <summary>Process exit codes of the `pipeline` tool (documented in docs/ENGINE.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int StageFailed = 1;
    public const int InvalidConfig = 2;
    public const int LockTimeout = 3;
    public const int VerificationFailed = 4;
    public const int Interrupted = 130;
}

public sealed record RunOptions
{
    /// <summary>Stages to bring up to date (with what they need); empty: all.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
    public bool Force { get; init; }
    public bool DryRun { get; init; }
    public int Jobs { get; init; } = 1;
    /// <summary>Raw <c>STAGE.PARAM=VALUE</c> overrides.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary><c>--executor</c>: where the items of fan-out stages run, over pipeline.yaml's choice; null: as configured.</summary>
    public Executors.ExecutorKind? Executor { get; init; }
}

public enum StageAction
{
    UpToDate,
    Ran,
    Restored,
    Failed,
    NotRun,
    WouldRun,
    WouldRestore,
}

public sealed record StageOutcome(string Stage, StageAction Action, IReadOnlyList<string> Reasons, TimeSpan Duration,
    string? Error = null, string? Fingerprint = null)
{
    /// <summary>Failed because a store object it read was corrupt (it has been quarantined: a retry rebuilds it).</summary>
    public bool CorruptInput { get; init; }
}

public sealed record RunOutcome(int ExitCode, IReadOnlyList<StageOutcome> Stages)
{
    public int Count(StageAction action) => Stages.Count(s => s.Action == action);
}
