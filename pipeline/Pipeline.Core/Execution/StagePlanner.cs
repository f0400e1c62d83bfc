using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>What to do with one stage and why: up to date, restore from the run-cache, or run — comparing its
/// current fingerprint ingredients with its pipeline.lock entry and checking its outputs in the store.</summary>
internal sealed record StagePlan(
    StageAction Action,
    IReadOnlyList<string> Reasons,
    string? Fingerprint,
    IReadOnlyDictionary<string, InputHandle> Inputs,
    RunRecord? RestoreFrom,
    LockedStage? Locked)
{
    /// <summary>Run because of --force (a fan-out stage then discards item results of an interrupted run).</summary>
    public bool Forced { get; init; }
}

internal static class StagePlanner
{
    public static StagePlan Plan(ResolvedStage stage, RunSession session, bool force)
    {
        var locked = session.Locked(stage.Name);
        var pending = new List<string>();
        var inputs = ResolveInputs(stage, session, pending);
        if (pending.Count > 0)
            return new StagePlan(StageAction.WouldRun, pending.Distinct().ToList(), null, inputs, null, locked);

        var fingerprint = Fingerprint.Compute(stage.Type.Type, stage.Type.Version, stage.ParamsJson,
            inputs.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Hash)));
        var reasons = Differences(stage, locked, inputs, fingerprint);
        if (reasons.Count == 0)
            reasons.AddRange(OutputProblems(stage, locked!, session));
        if (force)
            reasons.Insert(0, "--force");
        if (reasons.Count == 0)
            return new StagePlan(StageAction.UpToDate, reasons, fingerprint, inputs, null, locked);
        if (!force)
        {
            var record = session.Runs.Find(fingerprint);
            if (record is not null && Restorable(stage, record, session))
                return new StagePlan(StageAction.WouldRestore, reasons, fingerprint, inputs, record, locked);
        }
        return new StagePlan(StageAction.WouldRun, reasons, fingerprint, inputs, null, locked) { Forced = force };
    }

    /// <summary>The stage's inputs: upstream outputs as published in the session, raw paths hashed (through the
    /// hash cache). Upstream outputs not known yet (dry runs) are reported in <paramref name="pending"/>.</summary>
    public static Dictionary<string, InputHandle> ResolveInputs(ResolvedStage stage, RunSession session, List<string> pending)
    {
        var inputs = new Dictionary<string, InputHandle>(StringComparer.Ordinal);
        foreach (var input in stage.Inputs)
        {
            if (input.Stage is not null)
            {
                var key = $"{input.Stage}.{input.Output}";
                if (!session.Outputs.TryGetValue(key, out var artifact))
                {
                    if (!input.Port.Optional)
                        throw new InvalidOperationException($"input '{input.Port.Name}': stage '{input.Stage}' did not produce its optional output '{input.Output}'");
                    continue;
                }
                if (artifact is null)
                {
                    pending.Add($"upstream '{input.Stage}' will run first");
                    continue;
                }
                inputs[input.Port.Name] = new StoredInput(session.Store, artifact, key);
            }
            else
            {
                inputs[input.Port.Name] = RawHandle(input, session, stage.Name);
            }
        }
        return inputs;
    }

    private static InputHandle RawHandle(ResolvedInput input, RunSession session, string stage)
    {
        var path = input.RawPath!;
        if (input.IsGlob)
        {
            var files = Glob.Match(path.Replace('\\', '/'));
            if (input.Port.Kind != PortKind.Directory)
            {
                if (files.Count != 1)
                    throw new IOException($"input '{input.Port.Name}': glob '{input.Source}' now matches {files.Count} files, expected one");
                return new RawInput(input.Port.Kind, files[0].FullPath, ArtifactHasher.Hash(input.Port.Kind, files[0].FullPath, session.Cache), input.Source);
            }
            var view = Path.Combine(session.Workspace.TmpDir, "inputs", stage + "-" + input.Port.Name + "-" + Guid.NewGuid().ToString("N")[..8]);
            return new GlobDirectoryInput(files, GlobDirectoryInput.HashOf(files, session.Cache), input.Source, view);
        }
        if (input.Port.Kind == PortKind.Directory ? !Directory.Exists(path) : !File.Exists(path))
            throw new IOException($"input '{input.Port.Name}': {input.Source} does not exist any more");
        return new RawInput(input.Port.Kind, path, ArtifactHasher.Hash(input.Port.Kind, path, session.Cache), input.Source);
    }

    /// <summary>Why the lock entry does not describe the current computation (empty: it does).</summary>
    private static List<string> Differences(ResolvedStage stage, LockedStage? locked,
        IReadOnlyDictionary<string, InputHandle> inputs, string fingerprint)
    {
        var reasons = new List<string>();
        if (locked is null)
        {
            reasons.Add("never run (not in pipeline.lock)");
            return reasons;
        }
        if (locked.Uses != stage.Type.Type)
            reasons.Add($"stage type changed: {locked.Uses} -> {stage.Type.Type}");
        else if (locked.Version != stage.Type.Version)
            reasons.Add($"code version of '{stage.Type.Type}' changed: {locked.Version} -> {stage.Type.Version}");

        var current = stage.Params.All;
        foreach (var name in current.Keys.Union(locked.Params.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var now = current.TryGetValue(name, out var v) ? ParamText.Display(v) : null;
            var was = locked.Params.TryGetValue(name, out var n) ? ParamText.Display(n) : null;
            if (now == was)
                continue;
            reasons.Add(was is null ? $"param {name} added: {now}"
                : now is null ? $"param {name} removed (was {was})"
                : $"param {name} changed: {was} -> {now}");
        }
        foreach (var (port, handle) in inputs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!locked.Inputs.TryGetValue(port, out var before))
                reasons.Add($"new input {port} ({handle.Source})");
            else if (before.Source != handle.Source)
                reasons.Add($"input {port} now comes from {handle.Source} (was {before.Source})");
            else if (before.Hash != handle.Hash)
                reasons.Add($"input {port} ({handle.Source}) changed: {HashHex.Short(before.Hash)} -> {HashHex.Short(handle.Hash)}");
        }
        foreach (var port in locked.Inputs.Keys.Where(p => !inputs.ContainsKey(p)))
            reasons.Add($"input {port} removed");
        if (reasons.Count == 0 && locked.Fingerprint != fingerprint)
            reasons.Add($"fingerprint changed: {HashHex.Short(locked.Fingerprint)} -> {HashHex.Short(fingerprint)}");
        return reasons;
    }

    private static IEnumerable<string> OutputProblems(ResolvedStage stage, LockedStage locked, RunSession session)
    {
        foreach (var (output, problem) in LockConsistency.Problems(stage.Name, locked, session.Runs, session.Store))
            yield return $"output {output} {problem}";
        foreach (var port in stage.Outputs)
        {
            if (!locked.Outputs.TryGetValue(port.Name, out var artifact))
            {
                if (!port.Optional)
                    yield return $"output {port.Name} is not in pipeline.lock";
                continue;
            }
            var problem = session.Store.Check(artifact, full: false);
            if (problem is not null)
                yield return $"output {port.Name} {problem}";
        }
    }

    private static bool Restorable(ResolvedStage stage, RunRecord record, RunSession session)
    {
        var artifacts = record.Artifacts().ToDictionary(a => a.Name, a => a.Artifact, StringComparer.Ordinal);
        foreach (var port in stage.Outputs)
        {
            if (!artifacts.TryGetValue(port.Name, out var artifact))
            {
                if (port.Optional)
                    continue;
                return false;
            }
            if (session.Store.Check(artifact, full: false) is not null)
                return false;
        }
        return true;
    }
}
