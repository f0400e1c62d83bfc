using System.Globalization;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>pymatgen, an independent reader, on the same real files as the ingest (decompressed, since pymatgen's
/// Outcar does not read the xz copies): energies agree to 1e-6 eV.</summary>
public class PymatgenInteropTests
{
    private static void Decompress(string from, string to)
    {
        using var input = CompressedFile.OpenRead(from);
        using var output = File.Create(to);
        input.CopyTo(output);
    }

    private static double[] Numbers(string text)
        => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();

    [PymatgenFact]
    public void Incarless_band_energies_agree_with_pymatgen_neb_analysis()
    {
        using var temp = new TempDir();
        var band = temp.Sub("neb1");
        TempDir.CopyDirectory(RealArchiveTests.IncarlessBand, band);
        var ours = VaspNebIngestor.Ingest(temp.Path, new IngestOptions { MobileSpecies = "Fe" });
        foreach (var xz in Directory.GetFiles(band, "OUTCAR.xz", SearchOption.AllDirectories))
        {
            Decompress(xz, xz[..^3]);
            File.Delete(xz);
        }

        var output = Pymatgen.RunScript(
            "from pymatgen.analysis.transition_state import NEBAnalysis\n" +
            "print(' '.join(repr(float(e)) for e in NEBAnalysis.from_dir('.').energies))\n", band);

        var theirs = Numbers(output);
        var hop = Assert.Single(ours.Hops);
        Assert.Equal(theirs.Length, hop.Analysis.Energies.Length);
        for (int k = 0; k < theirs.Length; k++)
            Assert.InRange(hop.Analysis.Energies[k] - theirs[k], -1e-6, 1e-6);
    }

    [PymatgenFact]
    public void Vasprun_final_energy_and_lattice_agree_with_pymatgen()
    {
        using var temp = new TempDir();
        var dir = temp.Sub("li");
        Decompress(Path.Combine(Fixtures.Pymatgen, "li-relaxation-vasprun", "vasprun.xml.bz2"), Path.Combine(dir, "vasprun.xml"));
        var ours = Assert.Single(VaspNebIngestor.Ingest(temp.Path, new IngestOptions()).SinglePoints).Image;

        var output = Pymatgen.RunScript(
            "import warnings; warnings.simplefilter('ignore')\n" +
            "from pymatgen.io.vasp.outputs import Vasprun\n" +
            "v = Vasprun('vasprun.xml', parse_dos=False, parse_eigen=False, parse_potcar_file=False)\n" +
            "print(repr(float(v.final_energy)), ' '.join(repr(float(x)) for x in v.final_structure.lattice.matrix.flatten()))\n", dir);

        var theirs = Numbers(output);
        Assert.InRange(ours.Energy - theirs[0], -1e-6, 1e-6);
        for (int i = 0; i < 9; i++)
            Assert.InRange(ours.Structure.Lattice[i] - theirs[1 + i], -1e-9, 1e-9);
    }
}
