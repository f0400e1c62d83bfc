using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>`pipeline worker`: runs one work item of a fan-out stage in a separate process (a Slurm array task).
/// It resolves the stage from the workspace exactly as the engine did (pipeline.yaml with the run's --set
/// overrides, upstream outputs from pipeline.lock, raw inputs hashed), refuses to run when that gives another
/// fingerprint than the engine's, plans the items, runs its item into a private folder and renames that folder into
/// the item's result folder.</summary>
public static class FanOutWorker
{
    public const int ExitOk = 0;
    public const int ExitItemFailed = 1;
    /// <summary>The workspace no longer describes the engine's computation (or work.json is missing): retrying cannot help.</summary>
    public const int ExitStale = 2;

    public sealed record Request(string Stage, string Fingerprint, int Item);

    public static int Run(Workspace workspace, StageRegistry registry, Request request, IRunLog log, CancellationToken cancellation)
    {
        var prefix = $"{request.Stage}: item #{request.Item.ToString(CultureInfo.InvariantCulture)}";
        ResolvedWork work;
        try
        {
            work = Resolve(workspace, registry, request, log, cancellation);
        }
        catch (Exception e) when (e is ConfigException or IOException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
        {
            log.Error($"{prefix}: {e.Message}");
            return ExitStale;
        }

        var item = work.Item;
        var results = new ItemResults(workspace, request.Stage, request.Fingerprint);
        if (results.Has(item))
        {
            log.Line($"{prefix} ({item.Id}): already computed by another attempt");
            return ExitOk;
        }
        var temp = results.NewTemporary(item);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            log.Line($"{prefix} ({item.Id}): running on {Environment.MachineName}");
            work.Type.RunItem(work.Context, item, ItemResults.DataIn(temp));
            cancellation.ThrowIfCancellationRequested();
            if (!results.Publish(temp, item))
                log.Line($"{prefix} ({item.Id}): another attempt published the result first");
            log.Line($"{prefix} ({item.Id}): done in {watch.Elapsed.TotalSeconds:0.00} s");
            return ExitOk;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            log.Error($"{prefix} ({item.Id}): cancelled after {watch.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error($"{prefix} ({item.Id}): FAILED after {watch.Elapsed.TotalSeconds:0.00} s: {e}");
            log.Error($"{prefix} ({item.Id}): {e.GetType().Name}: {e.Message}");
            return ExitItemFailed;
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }

    private sealed record ResolvedWork(IFanOutStage Type, WorkItem Item, StageContext Context);

    private static ResolvedWork Resolve(Workspace workspace, StageRegistry registry, Request request, IRunLog log, CancellationToken cancellation)
    {
        var candidates = ExecutorProviders.All.Select(p => p.WorkSpecPath(workspace, request.Stage, request.Fingerprint)).ToList();
        if (candidates.Count == 0)
            throw new InvalidOperationException("no executor that starts workers is part of this build of the tool");
        var workPath = candidates.FirstOrDefault(File.Exists) ?? candidates[0];
        WorkSpec spec;
        try
        {
            spec = WorkSpec.Load(workPath);
        }
        catch (FileNotFoundException)
        {
            throw new IOException($"{workPath} does not exist: the stage was committed or re-planned since this task was submitted, "
                                  + "or this node does not see the workspace");
        }
        var options = new RunOptions { Sets = spec.Sets };
        var pipeline = PipelineValidator.Load(workspace.ConfigPath, registry, workspace.Root, ParamOverride.ParseAll(spec.Sets));
        if (!pipeline.Contains(request.Stage))
            throw new InvalidOperationException($"pipeline.yaml has no stage '{request.Stage}' any more");
        var stage = pipeline[request.Stage];
        if (stage.Type is not IFanOutStage type)
            throw new InvalidOperationException($"stage '{stage.Name}' ({stage.Type.Type}) does not fan out into work items");

        var session = new RunSession(workspace, pipeline, log, options, persistCaches: false, cancellation);
        foreach (var (name, locked) in session.Lock.Stages)
            session.Publish(name, locked.Outputs.Select(kv => (kv.Key, (StoredArtifact?)kv.Value)));
        var pending = new List<string>();
        var inputs = StagePlanner.ResolveInputs(stage, session, pending);
        if (pending.Count > 0)
            throw new InvalidOperationException(string.Join("; ", pending));
        var fingerprint = Fingerprint.Compute(stage.Type.Type, stage.Type.Version, stage.ParamsJson,
            inputs.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Hash)));
        if (fingerprint != request.Fingerprint)
            throw new InvalidOperationException(
                $"the workspace gives stage '{stage.Name}' the fingerprint {fingerprint}, not the engine's {request.Fingerprint}: "
                + "pipeline.yaml, pipeline.lock or a raw input changed after the engine submitted this task");

        var provenance = ProvenanceKeys.ForRun(stage.Name, stage.Type, stage.ParamsHash, stage.ParamsJson, fingerprint,
            inputs.ToDictionary(kv => kv.Key, kv => kv.Value.Hash, StringComparer.Ordinal), session.GitCommit, DateTime.UtcNow);
        var cacheDir = workspace.StageCacheDir(stage.Type.Type);
        Directory.CreateDirectory(cacheDir);
        // Plan and RunItem cannot write outputs (ReadOnlyStageContext refuses), so this staging is never used.
        var unused = new OutputStaging(Path.Combine(workspace.TmpDir, "unused"), stage.Type,
            (_, _, _) => new Dictionary<string, string>());
        var parallelism = int.TryParse(Environment.GetEnvironmentVariable("SLURM_CPUS_PER_TASK"), NumberStyles.None,
            CultureInfo.InvariantCulture, out var cpus) && cpus > 0 ? cpus : 1;
        var engineContext = new EngineStageContext(stage.Name, stage.Type, stage.Params, inputs, unused, log.ForStage(stage.Name),
            cancellation, parallelism, cacheDir, provenance);

        var items = type.Plan(new ReadOnlyStageContext(engineContext, parallelism, "Plan"));
        WorkItems.CheckIds(items, type.Type);
        if (request.Item < 0 || request.Item >= items.Count)
            throw new InvalidOperationException($"item #{request.Item} does not exist: stage '{stage.Name}' plans {items.Count} items");
        if (items.Count != spec.Items.Count || !items.Select(i => i.Id).SequenceEqual(spec.Items, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"stage type '{type.Type}' planned other work items here than in the engine ({workPath}): Plan must be deterministic");
        return new ResolvedWork(type, items[request.Item], new ReadOnlyStageContext(engineContext, parallelism, "RunItem"));
    }
}
