using System.Buffers;
using System.IO.Hashing;

namespace Pipeline.Core.Hashing;

/// <summary>Byte hashes of files (XxHash128), streamed through a pooled 1 MiB buffer.</summary>
public static class FileHasher
{
    private const int BufferSize = 1 << 20;

    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1,
            FileOptions.SequentialScan);
        return HashStream(stream);
    }

    public static string HashStream(Stream stream)
    {
        var hash = new XxHash128();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
                hash.Append(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return HashHex.Of(digest);
    }

    public static string HashBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(bytes, digest);
        return HashHex.Of(digest);
    }

    public static string HashText(string text) => HashBytes(System.Text.Encoding.UTF8.GetBytes(text));
}
