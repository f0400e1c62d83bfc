using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;

namespace Pipeline.Core.Store;

/// <summary>Does a lock entry's output really belong to it? A bad merge or a hand edit can point an output at another
/// intact object; the content check alone cannot see that. The run record of the entry's fingerprint is the witness:
/// its output hashes must be the lock's. Without a record (pruned, or a store copied without .pipeline/runs), a table
/// object's footer must name this STAGE.OUTPUT (an identical table produced by another stage can share the object,
/// which is why the record, when present, decides).</summary>
public static class LockConsistency
{
    public static IEnumerable<(string Output, string Problem)> Problems(string stageName, LockedStage locked, RunCache runs, ObjectStore store)
    {
        var record = runs.Find(locked.Fingerprint);
        foreach (var (output, artifact) in locked.Outputs)
        {
            var problem = record is not null
                ? AgainstRecord(output, artifact, record)
                : AgainstFooter(stageName, output, artifact, store);
            if (problem is not null)
                yield return (output, problem);
        }
    }

    private static string? AgainstRecord(string output, StoredArtifact artifact, RunRecord record)
    {
        if (!record.Outputs.TryGetValue(output, out var recorded))
            return $"is not among the outputs of the run record of fingerprint {HashHex.Short(record.Fingerprint)}";
        if (recorded.Hash != artifact.Hash || recorded.Kind != StoredArtifact.KindName(artifact.Kind))
            return $"in pipeline.lock ({HashHex.Short(artifact.Hash)}) is not what fingerprint {HashHex.Short(record.Fingerprint)} produced "
                   + $"according to its run record ({HashHex.Short(recorded.Hash)})";
        return null;
    }

    private static string? AgainstFooter(string stageName, string output, StoredArtifact artifact, ObjectStore store)
    {
        if (artifact.Kind != PortKind.Table || !store.Exists(artifact))
            return null;
        IReadOnlyDictionary<string, string> footer;
        try
        {
            footer = ParquetTableReader.ReadMetadata(store.PathOf(artifact));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null; // unreadable: the content check reports it as corrupt
        }
        var expected = $"{stageName}.{output}";
        if (footer.TryGetValue(ArtifactMetadata.Artifact, out var named) && named != expected)
            return $"in pipeline.lock ({HashHex.Short(artifact.Hash)}) is an object whose footer names it {named}, not {expected} "
                   + "(and there is no run record to vouch for it)";
        return null;
    }
}
