using Pipeline.Abstractions;
using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>One fan-out computation handed to an executor: the planned items and where their results go.</summary>
public sealed class FanOutJob
{
    public required Workspace Workspace { get; init; }
    public required string StageName { get; init; }
    public required IFanOutStage Type { get; init; }
    public required string Fingerprint { get; init; }
    /// <summary>Every item of the stage in Plan order (an item's index is its position here).</summary>
    public required IReadOnlyList<WorkItem> Items { get; init; }
    public required ItemResults Results { get; init; }
    /// <summary>The engine's context for the items: reads params and inputs, cannot write outputs.</summary>
    public required StageContext Context { get; init; }
    public required IStageLog Log { get; init; }
    /// <summary>The run's <c>--set</c> overrides: workers need them to resolve the same params.</summary>
    public required IReadOnlyList<string> Sets { get; init; }
    /// <summary>From -j: how many items the local executor runs at once.</summary>
    public required int Jobs { get; init; }
    public required CancellationToken Cancellation { get; init; }

    public string Describe(int index) => $"item {Items[index].Id} (#{index})";
}

/// <summary>Runs some items of a fan-out job until each has its result in <see cref="FanOutJob.Results"/>, or throws
/// <see cref="FanOutFailedException"/> naming the failed ones (or <see cref="OperationCanceledException"/>).</summary>
public interface IItemExecutor
{
    string Name { get; }

    void Run(FanOutJob job, IReadOnlyList<int> indices);

    /// <summary>Stops work still running for this computation from an earlier, interrupted run (before its results
    /// are discarded by --force).</summary>
    void CancelEarlierWork(FanOutJob job);
}
