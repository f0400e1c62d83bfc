using System.IO.Compression;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Pipeline.Vasp.Parsing;

/// <summary>Opens a raw file for sequential reading, transparently decompressing it by its magic bytes, not its
/// name (so OUTCAR.gz and a gzipped file named OUTCAR both work): gzip (1f 8b), bzip2 ("BZh") and xz
/// (fd "7zXZ" 00). bzip2 and xz come from SharpCompress (managed code); concatenated streams are read whole.</summary>
public static class CompressedFile
{
    private const int FileBufferSize = 1 << 16;

    /// <summary>File-name suffixes the dataset scanner accepts after OUTCAR, vasprun.xml, POSCAR or CONTCAR.</summary>
    public static readonly string[] Suffixes = ["", ".gz", ".bz2", ".xz"];

    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[6];
        int n = file.ReadAtLeast(magic, 6, throwOnEndOfStream: false);
        file.Position = 0;
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
        if (n >= 3 && magic[0] == (byte)'B' && magic[1] == (byte)'Z' && magic[2] == (byte)'h')
            return BZip2Stream.Create(file, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true);
        if (n >= 6 && magic[..6].SequenceEqual((ReadOnlySpan<byte>)[0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00]))
            return new XZStream(file);
        return file;
    }
}
