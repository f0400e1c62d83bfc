using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;
using Pipeline.Core.Tables;

namespace Pipeline.Core.Store;

/// <summary>The full check of a table object: its logical content must have the hash it is filed under, and its
/// footer must agree with itself (<see cref="FooterDigest"/>), so neither the data nor the provenance can be edited
/// unnoticed. One read serves both the check and the caller.</summary>
public static class StoredTables
{
    /// <summary>The table at <paramref name="path"/> when it is intact; otherwise null and <paramref name="problem"/>
    /// says what was found instead (for "expected X, found ..." messages).</summary>
    public static Table? Read(string path, string expectedHash, out string? problem)
    {
        Table table;
        try
        {
            table = TableFiles.Read(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            problem = "unreadable (" + e.Message + ")";
            return null;
        }
        var actual = TableHasher.Hash(table);
        if (actual != expectedHash)
        {
            problem = actual;
            return null;
        }
        problem = FooterDigest.Problem(table.Metadata, actual);
        return problem is null ? table : null;
    }

    /// <summary>Null when the object of <paramref name="kind"/> at <paramref name="path"/> has
    /// <paramref name="expectedHash"/> (full re-hash, no cache; tables also have their footer checked); otherwise
    /// what was found.</summary>
    public static string? Problem(PortKind kind, string path, string expectedHash)
    {
        if (kind == PortKind.Table)
        {
            Read(path, expectedHash, out var problem);
            return problem;
        }
        try
        {
            var actual = ArtifactHasher.Hash(kind, path, null);
            return actual == expectedHash ? null : actual;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return "unreadable (" + e.Message + ")";
        }
    }
}
