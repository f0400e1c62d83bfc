namespace Pipeline.Core.Hashing;

/// <summary>A directory's content hash: the hash of its sorted manifest of (relative path with '/' separators,
/// file hash). Empty sub-folders do not count; file names and bytes do.</summary>
public static class DirectoryHasher
{
    private const string Magic = "pipeline-dir/1";

    public static string Hash(string directory, Func<string, string>? fileHash = null)
        => HashManifest(Manifest(directory, fileHash ?? FileHasher.HashFile));

    public static List<ManifestEntry> Manifest(string directory, Func<string, string> fileHash)
    {
        var entries = new List<ManifestEntry>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions
                 {
                     RecurseSubdirectories = true,
                     AttributesToSkip = 0,
                     IgnoreInaccessible = false,
                 }))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            entries.Add(new ManifestEntry(relative, fileHash(file)));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return entries;
    }

    /// <summary>Hash of a manifest; entries are sorted here too so callers may pass any order.</summary>
    public static string HashManifest(IEnumerable<ManifestEntry> entries)
    {
        var sorted = entries.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        using var h = new CanonicalHasher();
        h.WriteString(Magic);
        h.WriteUInt64((ulong)sorted.Count);
        Span<byte> digest = stackalloc byte[16];
        foreach (var e in sorted)
        {
            h.WriteString(e.RelativePath);
            HashHex.ToBytes(e.Hash, digest);
            h.WriteBytes(digest);
        }
        return h.FinishHex();
    }
}

public readonly record struct ManifestEntry(string RelativePath, string Hash);
