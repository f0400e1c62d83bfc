using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;
using Pipeline.Core.Tables;

namespace Pipeline.Core.Store;

/// <summary>Content hash of an artifact on disk by kind: tables by logical content (Parquet or CSV), files by bytes,
/// directories by manifest. With a <see cref="HashCache"/>, unchanged files are not read again.</summary>
public static class ArtifactHasher
{
    public static string Hash(PortKind kind, string path, HashCache? cache) => kind switch
    {
        PortKind.Table => cache is null ? HashTableFile(path) : cache.GetOrCompute(path, "table", HashTableFile),
        PortKind.File => cache is null ? FileHasher.HashFile(path) : cache.GetOrCompute(path, "file", FileHasher.HashFile),
        PortKind.Directory => DirectoryHasher.Hash(path,
            cache is null ? FileHasher.HashFile : p => cache.GetOrCompute(p, "file", FileHasher.HashFile)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string HashTableFile(string path) => TableHasher.Hash(TableFiles.Read(path));
}
