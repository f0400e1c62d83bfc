using System.Text;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>The streaming vasprun.xml reader on pymatgen's real relaxation (three ionic steps) and on damaged copies.</summary>
public class VasprunReaderTests
{
    private static string RealFile => Path.Combine(Fixtures.Pymatgen, "li-relaxation-vasprun", "vasprun.xml.bz2");

    private static string RealText()
    {
        using var reader = new StreamReader(CompressedFile.OpenRead(RealFile));
        return reader.ReadToEnd();
    }

    [Fact]
    public void Real_relaxation_gives_its_last_steps_energy_forces_and_final_structure()
    {
        var run = VasprunReader.Read(RealFile, "vasprun.xml");
        Assert.Equal(3, run.IonicSteps);
        Assert.True(run.Finished);
        Assert.Equal(-1.92459954, run.EnergySigma0, 8);
        Assert.Equal(["Li"], run.FinalStructure.Species);
        Assert.Equal(3, run.Forces.Length);
        Assert.True(run.ElectronicSteps < run.Nelm, $"{run.ElectronicSteps} electronic steps, NELM {run.Nelm}");
    }

    [Fact]
    public void Truncated_copy_is_a_format_error()
    {
        using var temp = new TempDir();
        var text = RealText();
        var path = Path.Combine(temp.Path, "vasprun.xml");
        File.WriteAllText(path, text[..(text.Length / 2)]);
        Assert.Throws<VaspFormatException>(() => VasprunReader.Read(path, "vasprun.xml"));
    }

    [Fact]
    public void Non_finite_energy_is_a_format_error_naming_its_line()
    {
        using var temp = new TempDir();
        var text = RealText();
        int at = text.LastIndexOf("<i name=\"e_fr_energy\">", StringComparison.Ordinal);
        int end = text.IndexOf("</i>", at, StringComparison.Ordinal);
        text = text[..(at + "<i name=\"e_fr_energy\">".Length)] + " NaN " + text[end..];
        var path = Path.Combine(temp.Path, "vasprun.xml");
        File.WriteAllText(path, text, Encoding.ASCII);
        var e = Assert.Throws<VaspFormatException>(() => VasprunReader.Read(path, "vasprun.xml"));
        Assert.True(e.Line > 0);
        Assert.Contains("NaN", e.Problem);
    }
}
