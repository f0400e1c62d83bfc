using System.IO.Compression;

namespace Pipeline.Vasp.Parsing;

/// <summary>Opens a raw file for sequential reading, transparently gunzipping it when it starts with the gzip
/// magic bytes (so OUTCAR.gz and a gzipped file named OUTCAR both work).</summary>
public static class CompressedFile
{
    private const int FileBufferSize = 1 << 16;

    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        int n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
        return file;
    }
}
