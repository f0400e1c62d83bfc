namespace Pipeline.Synthesis.Stage;

/// <summary>Writes every calculation of a plan into a dataset folder, in parallel (each calculation draws from its own
/// seeded streams and writes its own folder, so the bytes do not depend on scheduling).</summary>
internal static class DatasetWriter
{
    public static void Write(DatasetPlan plan, string datasetDirectory, int parallelism, CancellationToken cancellation,
        Action? onCalculationWritten = null)
    {
        Directory.CreateDirectory(datasetDirectory);
        int hops = plan.Hops.Count, total = hops + plan.SinglePoints.Count;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation };
        Parallel.For(0, total, options, i =>
        {
            if (i < hops) NebCalculationWriter.Write(plan, plan.Hops[i], datasetDirectory);
            else SinglePointWriter.Write(plan, plan.SinglePoints[i - hops], datasetDirectory);
            onCalculationWritten?.Invoke();
        });
    }
}
