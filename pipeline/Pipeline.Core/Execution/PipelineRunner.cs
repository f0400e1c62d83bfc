using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Core.Config;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>`pipeline run`: validates pipeline.yaml, takes the workspace lock, and brings the selected stages (and
/// what they need) up to date in dependency order — skipping up-to-date stages, restoring from the run-cache where the
/// fingerprint was computed before, running the rest (independent stages in parallel with -j).</summary>
public sealed class PipelineRunner
{
    private const int MaxAttempts = 3;
    private readonly Workspace _workspace;
    private readonly StageRegistry _registry;
    private readonly IRunLog _log;

    public PipelineRunner(Workspace workspace, StageRegistry registry, IRunLog log)
    {
        _workspace = workspace;
        _registry = registry;
        _log = log;
    }

    /// <summary>Validates pipeline.yaml (with overrides); throws <see cref="ConfigException"/> listing every error.</summary>
    public ResolvedPipeline Load(IReadOnlyList<string>? sets = null)
        => PipelineValidator.Load(_workspace.ConfigPath, _registry, _workspace.Root, ParamOverride.ParseAll(sets));

    /// <summary>Throws <see cref="ConfigException"/> for invalid config or targets and
    /// <see cref="WorkspaceLockTimeoutException"/> when another run holds the workspace too long.</summary>
    public RunOutcome Run(RunOptions options, CancellationToken cancellation = default)
    {
        var pipeline = Load(options.Sets);
        CheckTargets(pipeline, options.Targets);
        if (options.DryRun)
            return Evaluate(new RunSession(_workspace, pipeline, _log, options, persistCaches: false, cancellation), dryRun: true, quiet: false);

        using var writerLock = WorkspaceLock.Acquire(_workspace, options.LockTimeout, _log.Line, cancellation);
        AtomicFile.TryDelete(_workspace.TmpDir);
        RunOutcome outcome = new(ExitCodes.Ok, []);
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var session = new RunSession(_workspace, pipeline, _log, options, persistCaches: true, cancellation);
            try
            {
                outcome = _log.Live(() => Evaluate(session, dryRun: false, quiet: false));
            }
            finally
            {
                session.Cache.Save();
                AtomicFile.TryDelete(_workspace.TmpDir);
            }
            if (!outcome.Stages.Any(s => s.CorruptInput) || attempt == MaxAttempts)
                break;
            _log.Warn("a store object was corrupt and has been quarantined; running again to rebuild it");
        }
        return outcome;
    }

    /// <summary>What `run` would do, without running or writing anything (for `status`).</summary>
    public RunOutcome Plan(IReadOnlyList<string>? targets = null, IReadOnlyList<string>? sets = null)
    {
        var options = new RunOptions { Targets = targets ?? [], Sets = sets ?? [], DryRun = true };
        var pipeline = Load(options.Sets);
        CheckTargets(pipeline, options.Targets);
        return Evaluate(new RunSession(_workspace, pipeline, _log, options, persistCaches: false, CancellationToken.None), dryRun: true, quiet: true);
    }

    private static void CheckTargets(ResolvedPipeline pipeline, IReadOnlyList<string> targets)
    {
        var unknown = targets.Where(t => !pipeline.Contains(t)).ToList();
        if (unknown.Count > 0)
            throw new ConfigException(unknown.Select(t => new ConfigError(t,
                $"no stage '{t}' in {pipeline.Spec.FileName} (stages: {string.Join(", ", pipeline.Stages.Select(s => s.Name))})")).ToList());
    }

    private RunOutcome Evaluate(RunSession session, bool dryRun, bool quiet)
    {
        var pipeline = session.Pipeline;
        var options = session.Options;
        var selected = options.Targets.Count == 0
            ? pipeline.Stages
            : pipeline.Graph.WithUpstream(options.Targets).Select(n => pipeline[n]).ToList();
        var forced = new HashSet<string>(options.Force ? (options.Targets.Count == 0 ? selected.Select(s => s.Name) : options.Targets) : [],
            StringComparer.Ordinal);
        var outcomes = new ConcurrentDictionary<string, StageOutcome>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        string? firstFailure = null;

        StageOutcome Process(ResolvedStage stage)
        {
            if (session.Cancellation.IsCancellationRequested)
                return new StageOutcome(stage.Name, StageAction.NotRun, ["cancelled"], TimeSpan.Zero);
            foreach (var up in stage.Upstream)
            {
                if (outcomes.TryGetValue(up, out var o) && o.Action is StageAction.Failed or StageAction.NotRun)
                    return new StageOutcome(stage.Name, StageAction.NotRun, [$"upstream '{up}' did not complete"], TimeSpan.Zero);
            }
            if (Volatile.Read(ref firstFailure) is { } failed)
                return new StageOutcome(stage.Name, StageAction.NotRun, [$"not started: stage '{failed}' failed"], TimeSpan.Zero);
            StagePlan plan;
            try
            {
                plan = StagePlanner.Plan(stage, session, forced.Contains(stage.Name));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log.Error($"{stage.Name}: {e.Message}");
                return new StageOutcome(stage.Name, StageAction.Failed, [], TimeSpan.Zero, e.Message);
            }
            switch (plan.Action)
            {
                case StageAction.UpToDate:
                    return StageCommitter.Skip(stage, plan, session, writeCopies: !dryRun);
                case StageAction.WouldRestore when !dryRun:
                    return StageCommitter.Restore(stage, plan, session);
                case StageAction.WouldRun when !dryRun:
                    return StageCommitter.Execute(stage, plan, session);
                case StageAction.WouldRestore:
                    session.Publish(stage.Name, plan.RestoreFrom!.Artifacts()
                        .Where(a => stage.Outputs.Any(p => p.Name == a.Name))
                        .Select(a => (a.Name, (StoredArtifact?)a.Artifact)));
                    if (!quiet)
                        _log.Line($"{stage.Name}: would restore from the run-cache ({string.Join("; ", plan.Reasons)})");
                    return new StageOutcome(stage.Name, plan.Action, plan.Reasons, TimeSpan.Zero, Fingerprint: plan.Fingerprint);
                default:
                    session.Publish(stage.Name, stage.Outputs.Select(p => (p.Name, (StoredArtifact?)null)));
                    if (!quiet)
                        _log.Line($"{stage.Name}: would run ({string.Join("; ", plan.Reasons)})");
                    return new StageOutcome(stage.Name, plan.Action, plan.Reasons, TimeSpan.Zero, Fingerprint: plan.Fingerprint);
            }
        }

        void Record(StageOutcome outcome)
        {
            outcomes[outcome.Stage] = outcome;
            if (outcome.Action == StageAction.Failed)
                Interlocked.CompareExchange(ref firstFailure, outcome.Stage, null);
        }

        if (options.Jobs <= 1)
        {
            foreach (var stage in selected)
                Record(Process(stage));
        }
        else
        {
            RunParallel(selected, options.Jobs, stage => Record(Process(stage)));
        }

        var ordered = selected.Select(s => outcomes[s.Name]).ToList();
        if (!quiet && !dryRun)
            _log.Line(Summary(ordered, watch.Elapsed));
        int exit = session.Cancellation.IsCancellationRequested ? ExitCodes.Interrupted
            : ordered.Any(o => o.Action == StageAction.Failed) ? ExitCodes.StageFailed
            : ExitCodes.Ok;
        return new RunOutcome(exit, ordered);
    }

    /// <summary>Each stage starts when its upstream stages are done, at most <paramref name="jobs"/> at a time. Stages
    /// block for long stretches, so each gets its own thread rather than a thread-pool task (which a busy pool would
    /// start late and so serialize).</summary>
    private static void RunParallel(IReadOnlyList<ResolvedStage> stages, int jobs, Action<ResolvedStage> process)
    {
        using var gate = new SemaphoreSlim(jobs);
        var done = stages.ToDictionary(s => s.Name, _ => new ManualResetEventSlim(false), StringComparer.Ordinal);
        var threads = stages.Select(stage => new Thread(() =>
        {
            try
            {
                foreach (var up in stage.Upstream)
                {
                    if (done.TryGetValue(up, out var upstreamDone))
                        upstreamDone.Wait();
                }
                gate.Wait();
                try
                {
                    process(stage);
                }
                finally
                {
                    gate.Release();
                }
            }
            finally
            {
                done[stage.Name].Set();
            }
        })
        {
            IsBackground = true,
            Name = "stage " + stage.Name,
        }).ToList();
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
        foreach (var e in done.Values)
            e.Dispose();
    }

    private static string Summary(IReadOnlyList<StageOutcome> outcomes, TimeSpan elapsed)
    {
        int Count(StageAction a) => outcomes.Count(o => o.Action == a);
        var parts = new List<string> { $"{Count(StageAction.Ran)} ran", $"{Count(StageAction.Restored)} restored", $"{Count(StageAction.UpToDate)} up to date" };
        if (Count(StageAction.Failed) > 0)
            parts.Add($"{Count(StageAction.Failed)} failed");
        if (Count(StageAction.NotRun) > 0)
            parts.Add($"{Count(StageAction.NotRun)} not run");
        return $"pipeline: {string.Join(", ", parts)} in {StageCommitter.Seconds(elapsed)}";
    }
}
