using System.Text.Json;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Issue #16: real archives as they come, checked on real files from pymatgen's test data against the values
/// pymatgen itself reads from them (TestData/pymatgen/expected.json).</summary>
public class RealArchiveTests
{
    private static JsonElement Expected(string name)
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Pymatgen, "expected.json"))).RootElement.GetProperty(name);

    internal static string IncarlessBand => Path.Combine(Fixtures.Pymatgen, "neb1-incarless");

    [Fact]
    public void Real_incarless_band_of_xz_outcars_ingests_with_pymatgens_energies()
    {
        using var temp = new TempDir();
        TempDir.CopyDirectory(IncarlessBand, temp.Sub("neb1"));
        Assert.False(File.Exists(Path.Combine(temp.Path, "neb1", "INCAR")));

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions { MobileSpecies = "Fe" });

        Assert.Empty(result.Rejected);
        Assert.Empty(result.SinglePoints);
        var hop = Assert.Single(result.Hops);
        Assert.Equal("neb1", hop.CalcId);
        var expected = Expected("neb1-incarless").GetProperty("energies_eV").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expected.Length, hop.Analysis.Energies.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.InRange(hop.Analysis.Energies[k] - expected[k], -1e-6, 1e-6);
        Assert.Equal(["00", "01", "02", "03", "04"], hop.ImageFolders);
        Assert.Contains("neb1/01/OUTCAR.xz=", hop.RawHashes);
    }

    [Fact]
    public void Synthetic_band_without_incar_is_one_neb_not_two_rejected_endpoints()
    {
        using var temp = new TempDir();
        new SyntheticNeb().Write(temp.Sub("band"));
        File.Delete(Path.Combine(temp.Path, "band", "INCAR"));

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        Assert.Empty(result.Rejected);
        Assert.Empty(result.SinglePoints);
        Assert.Equal(0.5, Assert.Single(result.Hops).Analysis.EForward, 9);
    }

    [Fact]
    public void Incarless_band_with_a_gap_in_its_image_folders_is_rejected_naming_the_missing_image()
    {
        using var temp = new TempDir();
        new SyntheticNeb().Write(temp.Sub("band"));
        File.Delete(Path.Combine(temp.Path, "band", "INCAR"));
        Directory.Delete(Path.Combine(temp.Path, "band", "02"), recursive: true);

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(RejectionCodes.MissingImageFolder, rejected.Rejection.Code);
        Assert.Equal("band/02", rejected.DatasetFile);
    }

    [Fact]
    public void Real_vasprun_without_outcar_is_a_single_point_with_pymatgens_energy_and_structure()
    {
        using var temp = new TempDir();
        TempDir.CopyDirectory(Path.Combine(Fixtures.Pymatgen, "li-relaxation-vasprun"), temp.Sub("li"));

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        Assert.Empty(result.Rejected);
        var sp = Assert.Single(result.SinglePoints);
        var expected = Expected("li-relaxation-vasprun");
        Assert.InRange(sp.Image.Energy - expected.GetProperty("final_energy_eV").GetDouble(), -1e-6, 1e-6);
        var lattice = expected.GetProperty("lattice").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
        for (int i = 0; i < 9; i++)
            Assert.Equal(lattice[i], sp.Image.Structure.Lattice[i], 7);
        Assert.Equal(["Li"], sp.Image.Structure.Species);
        Assert.Equal(0.0, sp.Image.Structure.Frac[0], 9);
    }

    [Fact]
    public void Neb_image_with_only_a_vasprun_reads_its_energy_from_it()
    {
        using var temp = new TempDir();
        var band = temp.Sub("band");
        new SyntheticNeb().Write(band);
        // Image 02 of the band replaced by a complete real vasprun.xml run of one Li atom would not fit the band's
        // atoms; so check the rule on its own: an image folder whose only energy source is a vasprun.xml is planned
        // from it (and rejected here, by name, for listing different atoms than its CONTCAR).
        File.Delete(Path.Combine(band, "02", "OUTCAR"));
        File.Copy(Path.Combine(Fixtures.Pymatgen, "li-relaxation-vasprun", "vasprun.xml.bz2"), Path.Combine(band, "02", "vasprun.xml.bz2"));

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("band/02/CONTCAR", rejected.DatasetFile);
        Assert.Contains("vasprun.xml.bz2", rejected.Rejection.Detail);
    }

    [Fact]
    public void Custodian_names_take_the_last_relaxation()
    {
        using var temp = new TempDir();
        var neb = new SyntheticNeb();
        var dir = temp.Sub("sp");
        File.WriteAllText(Path.Combine(dir, "CONTCAR.relax1"), neb.PoscarText(0));
        File.WriteAllText(Path.Combine(dir, "CONTCAR.relax2"), neb.PoscarText(1));
        neb.OutcarFor(0).Write(Path.Combine(dir, "OUTCAR.relax1.gz"), gzip: true);
        neb.OutcarFor(1).Write(Path.Combine(dir, "OUTCAR.relax2"));

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        var sp = Assert.Single(result.SinglePoints);
        Assert.Equal(neb.Energies[1], sp.Image.Energy, 8);
        Assert.Equal(neb.Frac(1)[0], sp.Image.Structure.Frac[0], 9);
    }

    [Fact]
    public void Bzip2_outcars_are_read()
    {
        using var temp = new TempDir();
        var band = temp.Sub("band");
        var neb = new SyntheticNeb();
        neb.Write(band);
        foreach (var image in Enumerable.Range(0, neb.ImageCount).Select(SyntheticNeb.Folder))
        {
            var plain = Path.Combine(band, image, "OUTCAR");
            using (var input = File.OpenRead(plain))
            using (var output = File.Create(plain + ".bz2"))
            using (var bz = SharpCompress.Compressors.BZip2.BZip2Stream.Create(output, SharpCompress.Compressors.CompressionMode.Compress, decompressConcatenated: false))
                input.CopyTo(bz);
            File.Delete(plain);
        }

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        Assert.Empty(result.Rejected);
        Assert.Equal(0.5, Assert.Single(result.Hops).Analysis.EForward, 9);
    }

    [Fact]
    public void Calculations_nested_below_a_single_point_are_found()
    {
        using var temp = new TempDir();
        var neb = new SyntheticNeb();
        var parent = temp.Sub("relax");
        neb.WriteSinglePoint(parent, 0);
        neb.Write(Path.Combine(parent, "neb"));
        neb.WriteSinglePoint(Path.Combine(parent, "static"), 4);

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        Assert.Empty(result.Rejected);
        Assert.Equal(["relax", "relax/static"], result.SinglePoints.Select(s => s.CalcId));
        Assert.Equal("relax/neb", Assert.Single(result.Hops).CalcId);
    }

    private static string WithParameterEcho(string outcar, int nsw, int ibrion)
    {
        int nelm = outcar.IndexOf("   NELM", StringComparison.Ordinal);
        return outcar.Insert(nelm, $"   NSW    = {nsw,6}    number of steps for IOM\n   IBRION = {ibrion,6}    ionic relax: 0-MD 1-quasi-New 2-CG\n");
    }

    [Theory]
    [InlineData(0, 2, true)]
    [InlineData(5, -1, true)]
    [InlineData(200, 1, false)]
    public void Single_point_without_contcar_uses_its_poscar_only_when_static(int nsw, int ibrion, bool accepted)
    {
        using var temp = new TempDir();
        var neb = new SyntheticNeb();
        var dir = temp.Sub("static");
        File.WriteAllText(Path.Combine(dir, "POSCAR"), neb.PoscarText(0));
        File.WriteAllText(Path.Combine(dir, "OUTCAR"), WithParameterEcho(neb.OutcarFor(0).Text(), nsw, ibrion));

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());

        if (accepted)
        {
            Assert.Empty(result.Rejected);
            Assert.Equal(neb.Energies[0], Assert.Single(result.SinglePoints).Image.Energy, 8);
        }
        else
        {
            var rejected = Assert.Single(result.Rejected);
            Assert.Equal(RejectionCodes.MissingFile, rejected.Rejection.Code);
            Assert.Contains("NSW = 200", rejected.Rejection.Detail);
        }
    }

    [Fact]
    public void Folder_with_inputs_but_no_output_is_rejected_not_dropped_and_explain_lists_every_folder()
    {
        using var temp = new TempDir();
        new SyntheticNeb().Write(temp.Sub("good"));
        var notRun = temp.Sub("not-run");
        File.WriteAllText(Path.Combine(notRun, "INCAR"), "NSW = 0\n");
        File.WriteAllText(Path.Combine(notRun, "POSCAR"), new SyntheticNeb().PoscarText(0));
        temp.Sub("notes");

        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("not-run", rejected.CalcId);
        Assert.Equal(RejectionCodes.MissingFile, rejected.Rejection.Code);
        Assert.Contains("INCAR, POSCAR", rejected.Rejection.Detail);

        var text = new StringWriter();
        Assert.Equal(0, IngestCommand.Explain(temp.Path, text));
        var lines = text.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("neb ", StringComparison.Ordinal) && l.Contains("good") && l.Contains("INCAR IMAGES = 3"));
        Assert.Contains(lines, l => l.StartsWith("rejected", StringComparison.Ordinal) && l.Contains("not-run"));
        Assert.Contains(lines, l => l.StartsWith("skipped", StringComparison.Ordinal) && l.Contains("notes"));
    }

    [Fact]
    public void Empty_or_wrong_data_folder_is_an_error_naming_it_and_the_accepted_layouts()
    {
        using var temp = new TempDir();
        File.WriteAllText(Path.Combine(temp.Path, "results.csv"), "a,b\n");
        var e = Assert.Throws<NoCalculationsException>(() => VaspNebIngestor.Ingest(temp.Path, new IngestOptions()));
        Assert.Contains(temp.Path, e.Message);
        Assert.Contains("results.csv", e.Message);
        Assert.Contains("IMAGES", e.Message);

        var text = new StringWriter();
        Assert.Equal(2, IngestCommand.Explain(temp.Path, text));
        Assert.Contains("expected", text.ToString());
    }
}
