using System.IO.Hashing;
using System.Text;

namespace Pipeline.Vasp.Ingest;

/// <summary>XXH128 of raw files (bytes as stored, so a gzipped OUTCAR is hashed compressed) and of cache keys.</summary>
public static class RawFileHasher
{
    public static string HashFile(string path)
    {
        var hash = new XxHash128();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    public static string HashText(string text) => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));
}
