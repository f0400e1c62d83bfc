using System.Globalization;
using System.IO.Compression;
using System.Text;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

public class OutcarParserTests
{
    private static readonly Lazy<string[]> Image01Lines = new(() => FixtureOracleTests.GunzipLines(Path.Combine(Fixtures.Neb, "01", "OUTCAR.gz")));

    private static Outcar ParseText(string text, string name = "OUTCAR")
        => OutcarParser.Parse(new MemoryStream(Encoding.ASCII.GetBytes(text)), name);

    private static double LastNumber(string line)
        => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);

    [Fact]
    public void Gzipped_fixture_image_reads_species_counts_steps_energies_and_tangent()
    {
        var outcar = OutcarParser.Parse(Path.Combine(Fixtures.Neb, "01", "OUTCAR.gz"));
        var lines = Image01Lines.Value;

        Assert.Equal(["C", "Li"], outcar.TypeSymbols!);
        Assert.Equal([36, 1], outcar.IonsPerType!);
        Assert.Equal(37, outcar.IonCount);
        Assert.Equal(100, outcar.Nelm);
        Assert.True(outcar.Finished);
        Assert.Equal(lines.Count(l => l.Contains("POSITION") && l.Contains("TOTAL-FORCE")), outcar.Steps.Count);

        var last = outcar.LastStep!;
        Assert.Equal(Fixtures.NebEnergies[1], last.EnergySigma0, 8);
        Assert.Equal(LastNumber(lines.Last(l => l.Contains("free  energy   TOTEN")).Replace("eV", "")), last.Toten, 8);
        Assert.True(last.ElectronicConverged);
        Assert.Equal(LastNumber(lines.Last(l => l.Contains("projections on to tangent"))), outcar.TangentForce, 8);
        Assert.False(outcar.NebClimbing);
        Assert.Equal(7.401874065, outcar.Lattice![0], 9);
        Assert.Equal(-3.700937886, outcar.Lattice[3], 9);
        Assert.Equal(27.803073883, outcar.Lattice[8], 9);
        Assert.Equal(3 * 37, last.Positions.Length);
        int header = Array.FindLastIndex(lines, l => l.Contains("POSITION") && l.Contains("TOTAL-FORCE"));
        var liRow = lines[header + 2 + 36].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(double.Parse(liRow[0], CultureInfo.InvariantCulture), last.Positions[3 * 36], 9);
        Assert.Equal(double.Parse(liRow[5], CultureInfo.InvariantCulture), last.Forces[3 * 36 + 2], 9);
    }

    [Fact]
    public void Plain_and_gzipped_copies_of_an_outcar_parse_identically()
    {
        using var temp = new TempDir();
        var plain = Path.Combine(temp.Path, "OUTCAR");
        File.WriteAllText(plain, string.Join('\n', Image01Lines.Value));
        var a = OutcarParser.Parse(plain);
        var b = OutcarParser.Parse(Path.Combine(Fixtures.Neb, "01", "OUTCAR.gz"));
        Assert.Equal(b.Steps.Count, a.Steps.Count);
        Assert.Equal(b.LastStep!.EnergySigma0, a.LastStep!.EnergySigma0);
        Assert.Equal(b.LastStep.Forces, a.LastStep.Forces);
        Assert.Equal(b.TangentForce, a.TangentForce);
    }

    [Fact]
    public void Truncated_fixture_outcar_is_not_finished_and_keeps_only_completed_steps()
    {
        var lines = Image01Lines.Value;
        var half = string.Join('\n', lines.Take(lines.Length / 2));
        var outcar = ParseText(half);
        Assert.False(outcar.Finished);
        int completed = lines.Take(lines.Length / 2).Count(l => l.Contains("energy(sigma->0)") && l.Contains("energy  without"));
        Assert.Equal(completed, outcar.Steps.Count);
        Assert.InRange(completed, 1, 17);
    }

    [Fact]
    public void Electronic_iteration_energies_are_not_taken_for_the_ionic_step_energy()
    {
        var synthetic = new SyntheticNeb().OutcarFor(2);
        var outcar = ParseText(synthetic.Text());
        Assert.Equal(2, outcar.Steps.Count);
        Assert.Equal(synthetic.Steps[1].Energy, outcar.LastStep!.EnergySigma0, 8);
        Assert.Equal(synthetic.Steps[1].Toten, outcar.LastStep.Toten, 8);
        Assert.Equal(synthetic.Steps[0].Energy, outcar.Steps[0].EnergySigma0, 8);
        Assert.Equal(3, outcar.LastStep.ElectronicSteps);
    }

    [Fact]
    public void Step_stopped_at_nelm_without_ediff_line_is_not_converged()
    {
        var synthetic = new SyntheticNeb().OutcarFor(1);
        synthetic.Steps[1] = synthetic.Steps[1] with { Converged = false };
        var outcar = ParseText(synthetic.Text());
        Assert.True(outcar.Steps[0].ElectronicConverged);
        Assert.False(outcar.LastStep!.ElectronicConverged);
        Assert.Equal(synthetic.Nelm, outcar.LastStep.ElectronicSteps);
    }

    [Fact]
    public void Vasp6_unconverged_abort_line_marks_the_step_unconverged()
    {
        var text = new SyntheticNeb().OutcarFor(1).Text();
        int last = text.LastIndexOf("aborting loop because EDIFF is reached", StringComparison.Ordinal);
        text = text[..last] + "aborting loop EDIFF was not reached (unconverged)" + text[(last + "aborting loop because EDIFF is reached".Length)..];
        var outcar = ParseText(text);
        Assert.False(outcar.LastStep!.ElectronicConverged);
        Assert.True(outcar.Steps[0].ElectronicConverged);
    }

    [Fact]
    public void Species_fall_back_to_titel_lines_without_vrhfin()
    {
        var text = string.Join('\n', new SyntheticNeb().OutcarFor(0).Text().Split('\n').Where(l => !l.Contains("VRHFIN")));
        Assert.Equal(["Li", "O", "V"], ParseText(text).TypeSymbols!);
    }

    [Fact]
    public void Potcar_headers_echoed_twice_still_give_one_species_per_type()
    {
        var text = new SyntheticNeb().OutcarFor(0).Text();
        var header = string.Join('\n', text.Split('\n').Where(l => l.Contains("VRHFIN") || l.Contains("TITEL")));
        var twice = header + "\n" + text;
        Assert.Equal(["Li", "O", "V"], ParseText(twice).TypeSymbols!);
        var inconsistent = text.Insert(0, "   VRHFIN =Na: s1\n   TITEL  = PAW_PBE Na 08Apr2002\n");
        Assert.Null(ParseText(inconsistent).TypeSymbols);
    }

    [Fact]
    public void Malformed_position_row_names_file_and_line()
    {
        var lines = new SyntheticNeb().OutcarFor(0).Text().Split('\n');
        int header = Array.FindIndex(lines, l => l.Contains("TOTAL-FORCE"));
        lines[header + 3] = "      1.00000      garbage      0.00000         0.010000      0.000000      0.000000";
        var e = Assert.Throws<VaspFormatException>(() => ParseText(string.Join('\n', lines), "img/OUTCAR"));
        Assert.Equal("img/OUTCAR", e.File);
        Assert.Equal(header + 4, e.Line);
        Assert.Contains("img/OUTCAR:" + (header + 4), e.Message);
    }

    [Fact]
    public void Position_block_with_fewer_rows_than_nions_is_rejected_with_its_line()
    {
        var lines = new SyntheticNeb().OutcarFor(0).Text().Split('\n').ToList();
        int header = lines.FindIndex(l => l.Contains("TOTAL-FORCE"));
        lines.RemoveAt(header + 2);
        var e = Assert.Throws<VaspFormatException>(() => ParseText(string.Join('\n', lines)));
        Assert.Contains("NIONS = 3", e.Problem);
        Assert.Equal(header + 5, e.Line);
    }

    [Fact]
    public void Empty_file_is_reported_empty_and_unfinished()
    {
        var outcar = ParseText("");
        Assert.True(outcar.IsEmpty);
        Assert.False(outcar.Finished);
        Assert.Null(outcar.LastStep);
    }

    [Fact]
    public void Crlf_line_endings_parse_like_lf()
    {
        var text = new SyntheticNeb().OutcarFor(3).Text();
        var a = ParseText(text);
        var b = ParseText(text.Replace("\n", "\r\n"));
        Assert.Equal(a.LastStep!.EnergySigma0, b.LastStep!.EnergySigma0);
        Assert.Equal(a.TangentForce, b.TangentForce);
        Assert.True(b.Finished);
    }

    [Fact]
    public void Corrupt_gzip_data_names_the_file()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "OUTCAR.gz");
        using (var ms = new MemoryStream())
        {
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
                gz.Write(Encoding.ASCII.GetBytes(new SyntheticNeb().OutcarFor(0).Text()));
            var bytes = ms.ToArray();
            for (int i = 20; i < bytes.Length - 8; i += 7)
                bytes[i] ^= 0x5a;
            File.WriteAllBytes(path, bytes);
        }
        var e = Assert.Throws<VaspFormatException>(() => OutcarParser.Parse(path, "x/OUTCAR.gz"));
        Assert.Equal("x/OUTCAR.gz", e.File);
        Assert.Contains("gzip", e.Problem);
    }

    [Fact]
    public void Number_tokenizer_splits_fortran_fields_that_run_together()
    {
        var tokens = new List<double>();
        var t = new NumberTokenizer("  1.5-2.25  -.620E+00 0.358E+00-3"u8);
        while (t.TryNextDouble(out double v))
            tokens.Add(v);
        Assert.Equal([1.5, -2.25, -0.62, 0.358, -3.0], tokens);
    }
}
