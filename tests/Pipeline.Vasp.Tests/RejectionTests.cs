using System.IO.Compression;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Every rejection reason, each on a small dataset holding one good NEB ("good") and one faulty
/// calculation ("bad"), so the test also shows the rest of the dataset is still ingested.</summary>
public class RejectionTests
{
    private static RejectedCalc IngestWithBad(Action<string> makeBad, IngestOptions? options = null)
    {
        using var temp = new TempDir();
        new SyntheticNeb().Write(temp.Sub("good"));
        makeBad(temp.Sub("bad"));
        var result = VaspNebIngestor.Ingest(temp.Path, options ?? new IngestOptions());
        Assert.Equal("good", Assert.Single(result.Hops).CalcId);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("bad", rejected.CalcId);
        return rejected;
    }

    private static string Outcar(string dir, int image) => Path.Combine(dir, SyntheticNeb.Folder(image), "OUTCAR");

    [Fact]
    public void Empty_outcar()
    {
        var r = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            File.WriteAllText(Outcar(dir, 2), "");
        });
        Assert.Equal(RejectionCodes.EmptyOutcar, r.Rejection.Code);
        Assert.Equal("bad/02/OUTCAR", r.DatasetFile);
    }

    [Fact]
    public void Truncated_outcar_names_its_last_line()
    {
        var neb = new SyntheticNeb();
        var r = IngestWithBad(dir =>
        {
            neb.Write(dir);
            var o = neb.OutcarFor(3);
            new SyntheticOutcar { Types = o.Types, Counts = o.Counts, Lattice = o.Lattice, Steps = o.Steps, Finished = false }.Write(Outcar(dir, 3));
        });
        Assert.Equal(RejectionCodes.TruncatedOutcar, r.Rejection.Code);
        Assert.Equal("bad/03/OUTCAR", r.DatasetFile);
        int lines = neb.OutcarFor(3).Text().Split('\n').Length - 1 - 4;
        Assert.Equal(lines, r.Rejection.Line);
    }

    [Fact]
    public void Truncated_real_gzipped_outcar()
    {
        var r = IngestWithBad(dir =>
        {
            TempDir.CopyDirectory(Fixtures.Neb, dir);
            var lines = FixtureOracleTests.GunzipLines(Path.Combine(Fixtures.Neb, "05", "OUTCAR.gz"));
            using var gz = new GZipStream(File.Create(Path.Combine(dir, "05", "OUTCAR.gz")), CompressionLevel.Fastest);
            using var writer = new StreamWriter(gz);
            writer.Write(string.Join('\n', lines.Take(lines.Length / 3)));
        });
        Assert.Equal(RejectionCodes.TruncatedOutcar, r.Rejection.Code);
        Assert.Equal("bad/05/OUTCAR.gz", r.DatasetFile);
        Assert.True(r.Rejection.Line > 1000);
    }

    [Fact]
    public void Missing_image_folder()
    {
        var r = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            Directory.Delete(Path.Combine(dir, "02"), recursive: true);
        });
        Assert.Equal(RejectionCodes.MissingImageFolder, r.Rejection.Code);
        Assert.Equal("bad/02", r.DatasetFile);
    }

    [Fact]
    public void Image_count_differs_from_images_plus_two()
    {
        var r = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            File.WriteAllText(Path.Combine(dir, "INCAR"), "IBRION = 3\nIMAGES = 2\n");
        });
        Assert.Equal(RejectionCodes.ImageCount, r.Rejection.Code);
        Assert.Contains("5 image folders", r.Rejection.Detail);
        Assert.Equal("bad/INCAR", r.DatasetFile);
        Assert.Equal(2, r.Rejection.Line);
    }

    [Fact]
    public void Different_atom_counts_between_images()
    {
        var r = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            var bigger = new SyntheticNeb
            {
                Counts = [2, 1, 1],
                FracInitial = [0.1, 0.25, 0.25, 0.6, 0.1, 0.1, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25],
                FracFinal = [0.5, 0.25, 0.25, 0.6, 0.1, 0.1, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25],
            };
            File.WriteAllText(Path.Combine(dir, "02", "CONTCAR"), bigger.PoscarText(2));
            bigger.OutcarFor(2).Write(Outcar(dir, 2));
        });
        Assert.Equal(RejectionCodes.AtomCountMismatch, r.Rejection.Code);
        Assert.Equal("bad/02/CONTCAR", r.DatasetFile);
        Assert.Contains("4 atoms", r.Rejection.Detail);
    }

    [Fact]
    public void Structure_file_and_its_outcar_disagreeing_on_atom_count()
    {
        var r = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            var bigger = new SyntheticNeb
            {
                Counts = [2, 1, 1],
                FracInitial = [0.1, 0.25, 0.25, 0.6, 0.1, 0.1, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25],
                FracFinal = [0.5, 0.25, 0.25, 0.6, 0.1, 0.1, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25],
            };
            File.WriteAllText(Path.Combine(dir, "01", "CONTCAR"), bigger.PoscarText(1));
        });
        Assert.Equal(RejectionCodes.AtomCountMismatch, r.Rejection.Code);
        Assert.Equal("bad/01/CONTCAR", r.DatasetFile);
        Assert.Contains("NIONS = 3", r.Rejection.Detail);
    }

    [Fact]
    public void Zero_atom_count_makes_a_structure_file_malformed()
    {
        var r = IngestWithBad(dir =>
        {
            var neb = new SyntheticNeb();
            neb.Write(dir);
            File.WriteAllText(Path.Combine(dir, "01", "CONTCAR"), neb.PoscarText(1).Replace("   1   1   1", "   1   1   0"));
        });
        Assert.Equal(RejectionCodes.MalformedFile, r.Rejection.Code);
        Assert.Equal("bad/01/CONTCAR", r.DatasetFile);
        Assert.Equal(7, r.Rejection.Line);
    }

    [Fact]
    public void Different_species_order_between_images()
    {
        var r = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            var swapped = new SyntheticNeb
            {
                Types = ["O", "Li", "V"],
                FracInitial = [0.75, 0.75, 0.75, 0.1, 0.25, 0.25, 0.25, 0.75, 0.25],
                FracFinal = [0.75, 0.75, 0.75, 0.5, 0.25, 0.25, 0.25, 0.75, 0.25],
            };
            File.WriteAllText(Path.Combine(dir, "03", "CONTCAR"), swapped.PoscarText(3));
            swapped.OutcarFor(3).Write(Outcar(dir, 3));
        });
        Assert.Equal(RejectionCodes.SpeciesOrderMismatch, r.Rejection.Code);
        Assert.Equal("bad/03/CONTCAR", r.DatasetFile);
        Assert.Contains("O1 Li1 V1", r.Rejection.Detail);
    }

    [Fact]
    public void Structure_species_differing_from_its_own_outcar()
    {
        var r = IngestWithBad(dir =>
        {
            var neb = new SyntheticNeb();
            neb.Write(dir);
            File.WriteAllText(Path.Combine(dir, "01", "CONTCAR"), neb.PoscarText(1).Replace("Li   O   V", "Na   O   V"));
        });
        Assert.Equal(RejectionCodes.SpeciesOrderMismatch, r.Rejection.Code);
        Assert.Equal("bad/01/CONTCAR", r.DatasetFile);
    }

    [Fact]
    public void No_energy_line()
    {
        var r = IngestWithBad(dir =>
        {
            var neb = new SyntheticNeb();
            neb.Write(dir);
            var o = neb.OutcarFor(0);
            new SyntheticOutcar { Types = o.Types, Counts = o.Counts, Lattice = o.Lattice, Steps = [] }.Write(Outcar(dir, 0));
        });
        Assert.Equal(RejectionCodes.NoEnergy, r.Rejection.Code);
        Assert.Equal("bad/00/OUTCAR", r.DatasetFile);
    }

    [Fact]
    public void Electronic_steps_not_converged_names_the_energy_line()
    {
        var neb = new SyntheticNeb();
        var o = neb.OutcarFor(2);
        o.Steps[^1] = o.Steps[^1] with { Converged = false };
        var r = IngestWithBad(dir =>
        {
            neb.Write(dir);
            o.Write(Outcar(dir, 2));
        });
        Assert.Equal(RejectionCodes.NotConverged, r.Rejection.Code);
        Assert.Equal("bad/02/OUTCAR", r.DatasetFile);
        var lines = o.Text().Split('\n');
        Assert.Equal(Array.FindLastIndex(lines, l => l.Contains("energy(sigma->0)")) + 1, r.Rejection.Line);
        Assert.Contains($"NELM = {o.Nelm}", r.Rejection.Detail);
    }

    [Fact]
    public void More_than_one_ion_moving()
    {
        var r = IngestWithBad(dir => new SyntheticNeb
        {
            FracFinal = [0.5, 0.25, 0.25, 0.75, 0.45, 0.75, 0.25, 0.75, 0.25],
        }.Write(dir));
        Assert.Equal(RejectionCodes.MultipleIonsMoving, r.Rejection.Code);
        Assert.Equal("bad/04/POSCAR", r.DatasetFile);
        Assert.Contains("atom 1 moves 1.500 A", r.Rejection.Detail);
    }

    [Fact]
    public void Second_atom_moving_less_than_half_is_accepted()
    {
        using var temp = new TempDir();
        new SyntheticNeb { FracFinal = [0.5, 0.25, 0.25, 0.75, 0.65, 0.75, 0.25, 0.75, 0.25] }.Write(temp.Path);
        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());
        Assert.Equal(0.5, Assert.Single(result.Hops).Analysis.SecondDisplacement, 6);
    }

    [Fact]
    public void Moving_ion_not_the_mobile_species()
    {
        var r = IngestWithBad(
            dir => new SyntheticNeb
            {
                FracInitial = [0.1, 0.25, 0.25, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25],
                FracFinal = [0.1, 0.25, 0.25, 0.75, 0.75, 0.75, 0.65, 0.75, 0.25],
            }.Write(dir));
        Assert.Equal(RejectionCodes.NotMobileSpecies, r.Rejection.Code);
        Assert.Contains("atom 2 (V", r.Rejection.Detail);
    }

    [Fact]
    public void Mobile_species_param_changes_which_hops_are_accepted()
    {
        using var temp = new TempDir();
        new SyntheticNeb().Write(temp.Path);
        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions { MobileSpecies = "Na" });
        Assert.Empty(result.Hops);
        Assert.Equal(RejectionCodes.NotMobileSpecies, Assert.Single(result.Rejected).Rejection.Code);
    }

    [Fact]
    public void No_ion_moves()
    {
        var neb = new SyntheticNeb();
        var r = IngestWithBad(dir => new SyntheticNeb { FracFinal = neb.FracInitial }.Write(dir));
        Assert.Equal(RejectionCodes.NoIonMoves, r.Rejection.Code);
    }

    [Fact]
    public void Missing_outcar_in_an_image_and_missing_contcar_of_a_single_point()
    {
        var neb = IngestWithBad(dir =>
        {
            new SyntheticNeb().Write(dir);
            File.Delete(Outcar(dir, 1));
        });
        Assert.Equal(RejectionCodes.MissingFile, neb.Rejection.Code);
        Assert.Equal("bad/01/OUTCAR", neb.DatasetFile);

        var sp = IngestWithBad(dir =>
        {
            new SyntheticNeb().WriteSinglePoint(dir, 0);
            File.Delete(Path.Combine(dir, "CONTCAR"));
        });
        Assert.Equal(RejectionCodes.MissingFile, sp.Rejection.Code);
        Assert.Equal("bad/CONTCAR", sp.DatasetFile);
    }

    [Fact]
    public void Malformed_structure_file_names_file_and_line()
    {
        var r = IngestWithBad(dir =>
        {
            var neb = new SyntheticNeb();
            neb.Write(dir);
            var lines = neb.PoscarText(4).Split('\n');
            lines[10] = "  0.5 0.25 oops";
            File.WriteAllText(Path.Combine(dir, "04", "POSCAR"), string.Join('\n', lines));
        });
        Assert.Equal(RejectionCodes.MalformedFile, r.Rejection.Code);
        Assert.Equal("bad/04/POSCAR", r.DatasetFile);
        Assert.Equal(11, r.Rejection.Line);
    }

    [Fact]
    public void Vasp4_structure_files_take_species_from_the_outcar()
    {
        using var temp = new TempDir();
        var neb = new SyntheticNeb();
        neb.Write(temp.Path);
        for (int k = 0; k < neb.ImageCount; k++)
            File.WriteAllText(Path.Combine(temp.Path, SyntheticNeb.Folder(k), k is 0 or 4 ? "POSCAR" : "CONTCAR"), neb.PoscarText(k, speciesLine: false));
        var result = VaspNebIngestor.Ingest(temp.Path, new IngestOptions());
        Assert.Empty(result.Rejected);
        Assert.Equal(["Li", "O", "V"], Assert.Single(result.Hops).Band.Images[0].Structure.Species);
    }
}
