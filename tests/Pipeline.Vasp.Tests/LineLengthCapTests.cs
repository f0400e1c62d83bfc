using System.IO.Compression;
using System.Text;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Issue #17 item 7: a file without line breaks (a gzip bomb of zeros) must not grow the line buffer
/// without bound and abort the whole ingest; it rejects its own calculation as malformed at its line.</summary>
public class LineLengthCapTests
{
    /// <summary>Writes a gzip of <paramref name="zeros"/> zero bytes (compresses ~1000:1, so a few kB on disk).</summary>
    private static void WriteGzipOfZeros(string path, long zeros, string prefix = "")
    {
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gz.Write(Encoding.ASCII.GetBytes(prefix));
        var block = new byte[1 << 16];
        for (long left = zeros; left > 0; left -= block.Length)
            gz.Write(block, 0, (int)Math.Min(block.Length, left));
    }

    [Fact]
    public void Reader_refuses_a_line_longer_than_the_cap_and_names_its_line()
    {
        var text = "short line\nanother\n" + new string('x', 5000) + "\nafter\n";
        using var reader = new Utf8LineReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), maxLineLength: 4096);
        Assert.True(reader.TryReadLine(out _));
        Assert.True(reader.TryReadLine(out _));
        var e = Assert.Throws<LineTooLongException>(() => reader.TryReadLine(out _));
        Assert.Equal(3, e.Line);
        Assert.Equal(4096, e.MaxLength);
    }

    [Fact]
    public void Reader_accepts_lines_up_to_the_cap()
    {
        var text = new string('y', 4096) + "\n" + new string('z', 4096);
        using var reader = new Utf8LineReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), maxLineLength: 4096);
        Assert.True(reader.TryReadLine(out var first));
        Assert.Equal(4096, first.Length);
        Assert.True(reader.TryReadLine(out var second));
        Assert.Equal(4096, second.Length);
        Assert.False(reader.TryReadLine(out _));
    }

    [Fact]
    public void The_default_cap_is_documented_as_one_mebibyte()
        => Assert.Equal(1 << 20, Utf8LineReader.DefaultMaxLineLength);

    [Fact]
    public void Gzip_of_zeros_named_outcar_is_a_format_error_at_its_line_not_an_overflow()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "OUTCAR.gz");
        WriteGzipOfZeros(path, 3L << 20, prefix: " vasp.5.4.4 header line\n");
        var e = Assert.Throws<VaspFormatException>(() => OutcarParser.Parse(path, "img/OUTCAR.gz"));
        Assert.Equal("img/OUTCAR.gz", e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains("line break", e.Problem);
    }

    [Fact]
    public void Gzip_bomb_image_rejects_only_its_calculation()
    {
        using var temp = new TempDir();
        new SyntheticNeb().Write(temp.Sub("good"));
        var bad = temp.Sub("bad");
        new SyntheticNeb().Write(bad);
        File.Delete(Path.Combine(bad, "02", "OUTCAR"));
        WriteGzipOfZeros(Path.Combine(bad, "02", "OUTCAR.gz"), 3L << 20);

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions { Parallelism = 2 });

        Assert.Equal("good", Assert.Single(result.Hops).CalcId);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(RejectionCodes.MalformedFile, rejected.Rejection.Code);
        Assert.Equal("bad/02/OUTCAR.gz", rejected.DatasetFile);
        Assert.Equal(1, rejected.Rejection.Line);
    }

    [Fact]
    public void Oversized_structure_file_is_a_format_error_not_an_out_of_memory()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "CONTCAR");
        WriteGzipOfZeros(path, 3L << 20, prefix: "comment\n");
        var e = Assert.Throws<VaspFormatException>(() => PoscarParser.Parse(path, "CONTCAR", maxLineLength: 1 << 20));
        Assert.Equal(2, e.Line);
    }
}
