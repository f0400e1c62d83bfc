using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;

namespace Pipeline.Core.Executors;

/// <summary>The engine's side of a fan-out stage: Plan, run the items that have no result yet on the stage's
/// executor, then Assemble in this process into the ordinary staging context, so the commit that follows is the same
/// whichever executor ran the items.</summary>
internal static class FanOutStageRunner
{
    public static void Run(IFanOutStage type, ResolvedStage stage, StagePlan plan, StageContext context, RunSession session)
    {
        var settings = Settings(stage, session);
        var readOnly = new ReadOnlyStageContext(context, context.Parallelism, "Plan");
        var items = type.Plan(readOnly);
        WorkItems.CheckIds(items, type.Type);
        var log = context.Log;
        var executor = Create(settings);
        var job = new FanOutJob
        {
            Workspace = session.Workspace,
            StageName = stage.Name,
            Type = type,
            Fingerprint = plan.Fingerprint!,
            Items = items,
            Results = new ItemResults(session.Workspace, stage.Name, plan.Fingerprint!),
            Context = context,
            Log = log,
            Sets = session.Options.Sets,
            Jobs = session.Options.Jobs,
            Cancellation = session.Cancellation,
        };
        if (plan.Forced)
        {
            // --force means recompute: results an interrupted run left behind do not count.
            executor.CancelEarlierWork(job);
            job.Results.Delete();
        }
        // Kept results (an interrupted run, another node of a shared file system) are checked before they count.
        foreach (var item in items.Where(job.Results.Has))
        {
            if (job.Results.Problem(item) is { } problem)
            {
                log.Warn($"item {item.Id}: the kept result is discarded and computed again: {problem}");
                job.Results.Forget(item);
            }
        }
        var missing = Enumerable.Range(0, items.Count).Where(i => !job.Results.Has(items[i])).ToList();
        int done = items.Count - missing.Count;
        log.Info($"{items.Count} work item{(items.Count == 1 ? "" : "s")}"
                 + (done > 0 ? $", {done} already computed by an earlier run" : "")
                 + (missing.Count > 0 ? $"; running {missing.Count} on the {executor.Name} executor" : ""));
        if (missing.Count > 0)
            executor.Run(job, missing);
        var lost = items.Where(i => !job.Results.Has(i)).Select(i => i.Id).ToList();
        if (lost.Count > 0)
            throw new FanOutFailedException($"the results of work items {string.Join(", ", lost)} disappeared from {job.Results.Root} before Assemble");
        // Fresh results are checked too: nothing unverified reaches Assemble (an item that fails here was changed
        // while the others ran; the next run discards and recomputes it).
        var bad = items.Select(i => (i.Id, Problem: job.Results.Problem(i))).Where(x => x.Problem is not null).ToList();
        if (bad.Count > 0)
            throw new FanOutFailedException("results of work items failed their check before Assemble (the next run recomputes them):\n"
                                            + string.Join("\n", bad.Select(b => $"  item {b.Id}: {b.Problem}")));
        session.Cancellation.ThrowIfCancellationRequested();
        type.Assemble(context, items.Select(i => new WorkItemResult(i, job.Results.DataOf(i))).ToList());
    }

    /// <summary>After the stage committed: its item results are no longer needed.</summary>
    public static void Cleanup(ResolvedStage stage, StagePlan plan, RunSession session)
    {
        new ItemResults(session.Workspace, stage.Name, plan.Fingerprint!).Delete();
        foreach (var provider in ExecutorProviders.All)
            provider.ForgetRun(session.Workspace, stage.Name, plan.Fingerprint!);
    }

    public static ExecutorSettings Settings(ResolvedStage stage, RunSession session)
        => ExecutorSettings.Resolve(session.Pipeline.Spec.Executor, stage.Spec.Executor, session.Options.Executor);

    private static IItemExecutor Create(ExecutorSettings settings)
    {
        if (settings.Kind == ExecutorKind.Local)
            return new LocalExecutor();
        return ExecutorProviders.For(settings.Kind)?.Create(settings) ?? throw new FanOutFailedException(
            $"the {ExecutorSettings.Name(settings.Kind)} executor is not part of this build of the tool (use --executor local)");
    }
}
