using System.Text.RegularExpressions;

namespace Pipeline.Abstractions;

/// <summary>One independent unit of work of a fan-out stage (a kMC run at one (x, T, seed), a shard of calculation
/// folders, one CV fold). <see cref="Id"/> names the item's result folder, so it must be stable across runs and
/// processes for the same params and inputs, unique within the stage, and file-name safe (see
/// <see cref="WorkItems.IdPattern"/>).</summary>
public sealed record WorkItem(string Id, ParamValues Params)
{
    public WorkItem(string id, IReadOnlyDictionary<string, object> parameters)
        : this(id, new ParamValues(parameters))
    {
    }
}

/// <summary>A finished item and the folder its <see cref="IFanOutStage.RunItem"/> filled (read-only).</summary>
public sealed record WorkItemResult(WorkItem Item, string Directory);

/// <summary>A stage whose work splits into independent items that an executor may run anywhere: in the engine's
/// process (<c>local</c>) or as one Slurm job array (<c>slurm</c>). The engine calls <see cref="Plan"/>, runs
/// <see cref="RunItem"/> once per item (possibly in other processes on other machines, in any order, possibly more
/// than once), then calls <see cref="Assemble"/> in its own process, which writes the stage's outputs. The outputs
/// must not depend on the executor, the order or the number of attempts: same params and inputs, same hashes.</summary>
public interface IFanOutStage : IStage
{
    /// <summary>The items, in a deterministic order, computed from params and inputs only (every worker process
    /// calls it again and picks its item by position). <paramref name="ctx"/> reads params and inputs; writing
    /// outputs from here is an error.</summary>
    IReadOnlyList<WorkItem> Plan(StageContext ctx);

    /// <summary>Computes one item into <paramref name="itemOutputDirectory"/> (an empty private folder, renamed into
    /// place by the executor only after this returns). Write results in an exact format (e.g. doubles bit-exact)
    /// so <see cref="Assemble"/> rebuilds the same outputs from them. <paramref name="ctx"/> reads params and inputs
    /// (its <see cref="StageContext.CacheDirectory"/> may be shared by concurrent items: write there atomically);
    /// writing stage outputs from here is an error.</summary>
    void RunItem(StageContext ctx, WorkItem item, string itemOutputDirectory);

    /// <summary>Writes the stage's outputs through <paramref name="ctx"/> from every item's result, given in
    /// <see cref="Plan"/> order.</summary>
    void Assemble(StageContext ctx, IReadOnlyList<WorkItemResult> parts);

    /// <summary>Plan, every item in turn, Assemble: what every executor reproduces. A stage that keeps its own
    /// <see cref="IStage.Run"/> must give the same outputs.</summary>
    void IStage.Run(StageContext ctx) => WorkItems.RunInProcess(this, ctx);
}

/// <summary>Helpers for <see cref="IFanOutStage"/> implementations and executors.</summary>
public static partial class WorkItems
{
    /// <summary>Item ids: a letter or digit, then letters, digits, '.', '_', '=', '+', '-'; at most 128 characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._=+-]{0,127}\z")] // \z: "$" would accept a trailing newline
    public static partial Regex IdPattern();

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first bad or duplicate id (ids must also
    /// differ ignoring case: result folders may live on a case-insensitive file system).</summary>
    public static void CheckIds(IReadOnlyList<WorkItem> items, string stageType)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < items.Count; i++)
        {
            var id = items[i].Id;
            if (!IdPattern().IsMatch(id ?? ""))
                throw new InvalidOperationException(
                    $"stage type '{stageType}': work item {i} has the id '{id}', which is not a valid item id (letters, digits, '.', '_', '=', '+', '-'; starting with a letter or digit; at most 128 characters)");
            if (!seen.Add(id!))
                throw new InvalidOperationException($"stage type '{stageType}': two work items have the id '{id}' (ids must be unique, ignoring case)");
        }
    }

    /// <summary>Runs a fan-out stage inside the current process: Plan, each item into a fresh temporary folder,
    /// then Assemble; the temporary folders are deleted afterwards.</summary>
    public static void RunInProcess(IFanOutStage stage, StageContext ctx)
    {
        var items = stage.Plan(ctx);
        CheckIds(items, stage.Type);
        var root = Path.Combine(Path.GetTempPath(), "pipeline-items-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var parts = new List<WorkItemResult>(items.Count);
            foreach (var item in items)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                var dir = Path.Combine(root, item.Id);
                Directory.CreateDirectory(dir);
                stage.RunItem(ctx, item, dir);
                parts.Add(new WorkItemResult(item, dir));
            }
            stage.Assemble(ctx, parts);
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }
}
