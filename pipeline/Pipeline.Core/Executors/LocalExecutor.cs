using System.Collections.Concurrent;
using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>Runs items in the engine's process, up to -j at once, each on its own thread (items block for long
/// stretches; pool threads would be started late). All items are attempted; failures are reported together.</summary>
internal sealed class LocalExecutor : IItemExecutor
{
    public string Name => "local";

    public void Run(FanOutJob job, IReadOnlyList<int> indices)
    {
        int workers = Math.Clamp(job.Jobs, 1, Math.Max(1, indices.Count));
        var itemContext = new ReadOnlyStageContext(job.Context, job.Jobs / workers, "RunItem");
        var failures = new ConcurrentBag<(int Index, Exception Error)>();
        int next = -1;
        using var progress = job.Log.Progress("work items", indices.Count);

        void Work()
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < indices.Count && !job.Cancellation.IsCancellationRequested)
            {
                int index = indices[k];
                var item = job.Items[index];
                var temp = job.Results.NewTemporary(item);
                try
                {
                    job.Type.RunItem(itemContext, item, ItemResults.DataIn(temp));
                    job.Results.Publish(temp, item);
                    progress.Increment();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    AtomicFile.TryDelete(temp);
                    if (e is not OperationCanceledException || !job.Cancellation.IsCancellationRequested)
                        failures.Add((index, e));
                }
            }
        }

        var threads = Enumerable.Range(0, workers)
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"{job.StageName} item worker {i}" })
            .ToList();
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
        job.Cancellation.ThrowIfCancellationRequested();
        if (!failures.IsEmpty)
        {
            var lines = failures.OrderBy(f => f.Index)
                .Select(f => $"  {job.Describe(f.Index)}: {Message(f.Error)}");
            throw new FanOutFailedException(
                $"{failures.Count} of {job.Items.Count} work items failed (local executor; finished items are kept for the next run):\n"
                + string.Join("\n", lines));
        }
    }

    public void CancelEarlierWork(FanOutJob job)
    {
    }

    private static string Message(Exception e)
        => e is InvalidOperationException or ArgumentException or IOException or KeyNotFoundException
            ? e.Message
            : $"{e.GetType().Name}: {e.Message}";
}
