using System.Diagnostics;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Executors;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>Runs one stage into a staging folder and commits it in crash-safe order: objects into the store
/// (rename), the run record, then pipeline.lock (rename), then the working copies. A kill at any point leaves
/// either the old lock entry (the stage runs again) or the new one with all its objects in place.</summary>
internal static class StageCommitter
{
    public static StageOutcome Execute(ResolvedStage stage, StagePlan plan, RunSession session)
    {
        var log = session.Log;
        var staging = Path.Combine(session.Workspace.TmpDir, stage.Name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(staging);
        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        log.Line($"{stage.Name}: running ({string.Join("; ", plan.Reasons)})");
        try
        {
            var inputHashes = plan.Inputs.ToDictionary(kv => kv.Key, kv => kv.Value.Hash, StringComparer.Ordinal);
            var provenance = ProvenanceKeys.ForRun(stage.Name, stage.Type, stage.ParamsHash, stage.ParamsJson,
                plan.Fingerprint, inputHashes, session.GitCommit, started);
            var outputs = new OutputStaging(staging, stage.Type,
                (port, table, hash) => ProvenanceKeys.TableMetadata(provenance, port, table, hash));
            var cacheDir = session.Workspace.StageCacheDir(stage.Type.Type);
            Directory.CreateDirectory(cacheDir);
            var context = new EngineStageContext(stage.Name, stage.Type, stage.Params, plan.Inputs, outputs,
                log.ForStage(stage.Name), session.Cancellation, session.Options.Jobs, cacheDir, provenance);
            using (log.Activity(stage.Name))
            {
                if (stage.Type is IFanOutStage fanOut)
                    FanOutStageRunner.Run(fanOut, stage, plan, context, session);
                else
                    stage.Type.Run(context);
            }
            session.Cancellation.ThrowIfCancellationRequested();

            var staged = outputs.Collect(stage.Outputs, stage.Name);
            var artifacts = new List<(string Name, StoredArtifact Artifact)>();
            foreach (var s in staged)
            {
                var artifact = new StoredArtifact(s.Port.Kind, s.Hash, StoredArtifact.WorkingPathFor(stage.Name, s.Port));
                session.Store.Commit(artifact, s.StagedPath);
                artifacts.Add((s.Port.Name, artifact));
            }
            var finished = DateTime.UtcNow;
            session.Runs.Save(Record(stage, plan, artifacts, started, finished, session));
            session.CommitLock(stage.Name, LockEntry(stage, plan, artifacts));
            foreach (var (_, artifact) in artifacts)
                session.Copies.Materialize(artifact);
            session.Publish(stage.Name, artifacts.Select(a => (a.Name, (StoredArtifact?)a.Artifact)));
            if (stage.Type is IFanOutStage)
                FanOutStageRunner.Cleanup(stage, plan, session);
            log.Line($"{stage.Name}: done in {Seconds(watch.Elapsed)}");
            return new StageOutcome(stage.Name, StageAction.Ran, plan.Reasons, watch.Elapsed, Fingerprint: plan.Fingerprint);
        }
        catch (OperationCanceledException) when (session.Cancellation.IsCancellationRequested)
        {
            log.Error($"{stage.Name}: cancelled after {Seconds(watch.Elapsed)}");
            return new StageOutcome(stage.Name, StageAction.Failed, plan.Reasons, watch.Elapsed, "cancelled");
        }
        catch (Exception e)
        {
            log.Error($"{stage.Name}: FAILED after {Seconds(watch.Elapsed)}: {Maintenance.EnvironmentFaults.Explain(e, session.Workspace.Root) ?? e.Message}");
            log.Detail(e.ToString());
            return new StageOutcome(stage.Name, StageAction.Failed, plan.Reasons, watch.Elapsed, e.Message)
            {
                CorruptInput = e is CorruptObjectException,
            };
        }
        finally
        {
            AtomicFile.TryDelete(staging);
        }
    }

    public static StageOutcome Restore(ResolvedStage stage, StagePlan plan, RunSession session)
    {
        var watch = Stopwatch.StartNew();
        var record = plan.RestoreFrom!;
        var artifacts = record.Artifacts()
            .Where(a => stage.Outputs.Any(p => p.Name == a.Name))
            .Select(a => (a.Name, Artifact: a.Artifact with
            {
                WorkingPath = StoredArtifact.WorkingPathFor(stage.Name, stage.Outputs.First(p => p.Name == a.Name)),
            }))
            .ToList();
        session.CommitLock(stage.Name, LockEntry(stage, plan, artifacts));
        foreach (var (_, artifact) in artifacts)
            session.Copies.Materialize(artifact);
        session.Publish(stage.Name, artifacts.Select(a => (a.Name, (StoredArtifact?)a.Artifact)));
        session.Log.Line($"{stage.Name}: restored from the run-cache in {Seconds(watch.Elapsed)} "
                         + $"(computed {record.FinishedUtc:yyyy-MM-dd HH:mm:ss} UTC in {record.DurationSeconds:0.00} s; {string.Join("; ", plan.Reasons)})");
        return new StageOutcome(stage.Name, StageAction.Restored, plan.Reasons, watch.Elapsed, Fingerprint: plan.Fingerprint);
    }

    /// <summary>An up-to-date stage: publish its outputs and repair missing or edited working copies.</summary>
    public static StageOutcome Skip(ResolvedStage stage, StagePlan plan, RunSession session, bool writeCopies)
    {
        var artifacts = plan.Locked!.Outputs.Where(kv => stage.Outputs.Any(p => p.Name == kv.Key)).ToList();
        int repaired = 0;
        if (writeCopies)
        {
            foreach (var (_, artifact) in artifacts)
            {
                if (session.Copies.Materialize(artifact))
                    repaired++;
            }
        }
        session.Publish(stage.Name, artifacts.Select(kv => (kv.Key, (StoredArtifact?)kv.Value)));
        if (writeCopies)
            session.Log.Line($"{stage.Name}: up to date, skipped" + (repaired > 0 ? $" (rewrote {repaired} working cop{(repaired == 1 ? "y" : "ies")})" : ""));
        return new StageOutcome(stage.Name, StageAction.UpToDate, plan.Reasons, TimeSpan.Zero, Fingerprint: plan.Fingerprint);
    }

    private static LockedStage LockEntry(ResolvedStage stage, StagePlan plan, IEnumerable<(string Name, StoredArtifact Artifact)> artifacts)
    {
        var entry = new LockedStage
        {
            Uses = stage.Type.Type,
            Version = stage.Type.Version,
            Fingerprint = plan.Fingerprint!,
            ParamsHash = stage.ParamsHash,
        };
        foreach (var (k, v) in stage.Params.All)
            entry.Params[k] = ParamText.ToNode(v);
        foreach (var (port, handle) in plan.Inputs)
            entry.Inputs[port] = new LockedInput(handle.Source, handle.Kind, handle.Hash);
        foreach (var (name, artifact) in artifacts)
            entry.Outputs[name] = artifact;
        return entry;
    }

    private static RunRecord Record(ResolvedStage stage, StagePlan plan, IEnumerable<(string Name, StoredArtifact Artifact)> artifacts,
        DateTime started, DateTime finished, RunSession session)
    {
        var record = new RunRecord
        {
            Stage = stage.Name,
            Uses = stage.Type.Type,
            Version = stage.Type.Version,
            Fingerprint = plan.Fingerprint!,
            ParamsHash = stage.ParamsHash,
            StartedUtc = started,
            FinishedUtc = finished,
            DurationSeconds = Math.Round((finished - started).TotalSeconds, 3),
            Parallelism = session.Options.Jobs,
            ToolVersion = ToolInfo.Version,
            GitCommit = session.GitCommit,
        };
        foreach (var (k, v) in stage.Params.All)
            record.Params[k] = ParamText.Display(v);
        foreach (var (port, handle) in plan.Inputs)
            record.Inputs[port] = new RunRecord.RecordedInput { Source = handle.Source, Kind = StoredArtifact.KindName(handle.Kind), Hash = handle.Hash };
        foreach (var (name, artifact) in artifacts)
            record.Outputs[name] = new RunRecord.RecordedOutput { Kind = StoredArtifact.KindName(artifact.Kind), Hash = artifact.Hash, Path = artifact.WorkingPath };
        return record;
    }

    public static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.00} s";
}
