using System.IO.Compression;
using System.Text;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Neb;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Issue #17 item 1: NaN, Infinity and overflowing numbers (1e999) in energies, forces and positions
/// reject the calculation with file and line instead of flowing into the barriers.</summary>
public class NonFiniteValueTests
{
    private static Outcar ParseText(string text, string name = "OUTCAR")
        => OutcarParser.Parse(new MemoryStream(Encoding.ASCII.GetBytes(text)), name);

    private static string[] SyntheticLines() => new SyntheticNeb().OutcarFor(1).Text().Split('\n');

    /// <summary>Replaces the number after the last '=' of a line.</summary>
    private static string ReplaceAfterLastEquals(string line, string value)
        => line[..(line.LastIndexOf('=') + 1)] + "  " + value;

    [Theory]
    [InlineData("NaN")]
    [InlineData("+Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void Non_finite_step_energy_is_a_format_error_at_its_line(string value)
    {
        var lines = SyntheticLines();
        int energy = Array.FindLastIndex(lines, l => l.Contains("energy  without entropy="));
        lines[energy] = ReplaceAfterLastEquals(lines[energy], value);
        var e = Assert.Throws<VaspFormatException>(() => ParseText(string.Join('\n', lines), "img/OUTCAR"));
        Assert.Equal(energy + 1, e.Line);
        Assert.Contains(value, e.Problem);
    }

    [Fact]
    public void Non_finite_toten_is_a_format_error_at_its_line()
    {
        var lines = SyntheticLines();
        int toten = Array.FindLastIndex(lines, l => l.Contains("free  energy   TOTEN"));
        lines[toten] = lines[toten].Replace("eV", "").TrimEnd();
        lines[toten] = ReplaceAfterLastEquals(lines[toten], "Infinity eV");
        var e = Assert.Throws<VaspFormatException>(() => ParseText(string.Join('\n', lines)));
        Assert.Equal(toten + 1, e.Line);
    }

    [Theory]
    [InlineData(0, "NaN")]
    [InlineData(1, "Infinity")]
    [InlineData(4, "-1e999")]
    [InlineData(5, "nan")]
    public void Non_finite_position_or_force_is_a_format_error_at_its_row(int column, string value)
    {
        var lines = SyntheticLines();
        int header = Array.FindLastIndex(lines, l => l.Contains("TOTAL-FORCE"));
        int row = header + 3;
        var words = lines[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        words[column] = value;
        lines[row] = "   " + string.Join("   ", words);
        var e = Assert.Throws<VaspFormatException>(() => ParseText(string.Join('\n', lines)));
        Assert.Equal(row + 1, e.Line);
        Assert.Contains(value, e.Problem);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Non_finite_poscar_coordinate_is_a_format_error_at_its_line(string value)
    {
        var lines = new SyntheticNeb().PoscarText(1).Split('\n');
        lines[8] = $"  {value}  0.25  0.25";
        var e = Assert.Throws<VaspFormatException>(() => PoscarParser.ParseText(string.Join('\n', lines), "CONTCAR"));
        Assert.Equal(9, e.Line);
    }

    /// <summary>The real band with its two saddle images' energies diverged: today's arg-max skipped them and
    /// reported half the barrier (0.035 instead of 0.068 eV). It must be rejected at the energy line instead.</summary>
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Real_band_whose_saddle_images_diverged_is_rejected_not_halved(string value)
    {
        using var temp = new TempDir();
        var good = temp.Sub("good");
        var bad = temp.Sub("bad");
        TempDir.CopyDirectory(Fixtures.Neb, good);
        TempDir.CopyDirectory(Fixtures.Neb, bad);
        long energyLine = 0;
        foreach (var image in new[] { "02", "06" })
        {
            var path = Path.Combine(bad, image, "OUTCAR.gz");
            var lines = FixtureOracleTests.GunzipLines(path);
            int last = Array.FindLastIndex(lines, l => l.Contains("energy(sigma->0)") && l.Contains("energy  without"));
            lines[last] = ReplaceAfterLastEquals(lines[last], value);
            energyLine = last + 1;
            using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
            gz.Write(Encoding.ASCII.GetBytes(string.Join('\n', lines)));
        }

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        var hop = Assert.Single(result.Hops);
        Assert.Equal("good", hop.CalcId);
        Assert.Equal(Fixtures.NebForwardBarrier, hop.Analysis.EForward, 5);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("bad", rejected.CalcId);
        Assert.Equal(RejectionCodes.MalformedFile, rejected.Rejection.Code);
        Assert.Equal("bad/02/OUTCAR.gz", rejected.DatasetFile);
        Assert.Equal(energyLine, rejected.Rejection.Line);
    }

    [Fact]
    public void Neb_analysis_refuses_a_band_with_a_non_finite_energy()
    {
        var neb = new SyntheticNeb();
        var crystal = new Structure.Crystal([5, 0, 0, 0, 5, 0, 0, 0, 5], ["Li", "O", "V"], neb.Frac(0));
        var images = new[] { -10.0, double.NaN, -9.9 }
            .Select(e => new NebImage(crystal, e, e, 0, double.NaN)).ToList();
        Assert.Throws<ArgumentException>(() => NebAnalysis.Of(new NebBand(images, false)));
    }
}
