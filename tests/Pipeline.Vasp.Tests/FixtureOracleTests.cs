using System.Globalization;
using System.IO.Compression;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>The real VASP 5.4.4 + VTST NEB fixture against the oracle values of DOMAIN.md section 3 and its neb.dat.</summary>
public class FixtureOracleTests
{
    private static readonly Lazy<IngestResult> Fixture = new(() => VaspNebIngestor.Ingest(Fixtures.GrapheneDataset, new IngestOptions()));

    private static AcceptedHop Hop => Assert.Single(Fixture.Value.Hops);

    [Fact]
    public void Dataset_has_one_neb_one_single_point_and_no_rejection()
    {
        Assert.Empty(Fixture.Value.Rejected);
        Assert.Equal("graphene-li-neb-7img", Hop.CalcId);
        Assert.Equal("graphene-li-single-point", Assert.Single(Fixture.Value.SinglePoints).CalcId);
    }

    [Fact]
    public void Image_energies_match_the_oracle_to_1e6_eV()
    {
        Assert.Equal(Fixtures.NebEnergies.Length, Hop.Analysis.Energies.Length);
        for (int k = 0; k < Fixtures.NebEnergies.Length; k++)
            Assert.InRange(Hop.Analysis.Energies[k] - Fixtures.NebEnergies[k], -1e-6, 1e-6);
    }

    [Fact]
    public void Forward_barrier_is_0_068417_eV_and_image_2_is_highest()
    {
        Assert.InRange(Hop.Analysis.EForward - Fixtures.NebForwardBarrier, -1e-6, 1e-6);
        Assert.Equal(2, Hop.Analysis.HighestImage);
        Assert.Equal(2, Hop.Analysis.SaddleImage);
    }

    [Fact]
    public void Backward_reaction_and_kra_energies_follow_from_the_oracle_energies()
    {
        var e = Fixtures.NebEnergies;
        double max = e.Max();
        Assert.Equal(max - e[^1], Hop.Analysis.EBackward, 6);
        Assert.Equal(e[^1] - e[0], Hop.Analysis.EReaction, 6);
        Assert.Equal(max - 0.5 * (e[0] + e[^1]), Hop.Analysis.EKra, 6);
    }

    [Fact]
    public void Relative_energies_and_tangent_forces_agree_with_neb_dat()
    {
        var rows = Fixtures.NebDat();
        Assert.Equal(Hop.Band.Images.Count, rows.Length);
        for (int k = 0; k < rows.Length; k++)
        {
            Assert.InRange(Hop.Analysis.Energies[k] - Hop.Analysis.Energies[0] - rows[k][2], -1.01e-6, 1.01e-6);
            if (k > 0 && k < rows.Length - 1)
                Assert.InRange(Hop.Band.Images[k].TangentForce - rows[k][3], -1.01e-6, 1.01e-6);
            else
                Assert.True(double.IsNaN(Hop.Band.Images[k].TangentForce), "endpoint OUTCARs come from plain relaxations");
        }
    }

    [Fact]
    public void The_li_hops_between_neighbouring_hollow_sites_of_the_3x3_graphene_cell()
    {
        var a = Hop.Analysis;
        Assert.Equal(36, a.MovingIndex);
        Assert.Equal("Li", a.MovingSpecies);
        var lattice = Hop.Band.Images[0].Structure.Lattice;
        double a1 = Math.Sqrt(lattice[0] * lattice[0] + lattice[1] * lattice[1] + lattice[2] * lattice[2]);
        Assert.Equal(a1 / 3, a.HopLength, 3);
        Assert.True(a.SecondDisplacement < 0.1, $"carbon atoms relax little, got {a.SecondDisplacement}");
        Assert.False(Hop.Band.Climbing);
    }

    [Fact]
    public void Max_force_of_image_01_equals_the_largest_total_force_row_of_its_last_ionic_step()
    {
        var lines = GunzipLines(Path.Combine(Fixtures.Neb, "01", "OUTCAR.gz"));
        int header = Array.FindLastIndex(lines, l => l.Contains("POSITION") && l.Contains("TOTAL-FORCE"));
        double expected = lines.Skip(header + 2).Take(37)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray())
            .Max(f => Math.Sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]));
        Assert.Equal(expected, Hop.Band.Images[1].MaxForce, 9);
    }

    [Fact]
    public void Single_point_energy_is_the_last_energy_sigma0_line_and_structure_comes_from_contcar()
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.SinglePoint, "OUTCAR"));
        var last = lines.Last(l => l.Contains("energy(sigma->0)"));
        double expected = double.Parse(last[(last.LastIndexOf('=') + 1)..].Trim(), CultureInfo.InvariantCulture);
        var sp = Assert.Single(Fixture.Value.SinglePoints);
        Assert.Equal(expected, sp.Image.Energy, 9);
        Assert.Equal(37, sp.Image.Structure.AtomCount);
        Assert.Equal(0.4353673425533700, sp.Image.Structure.Frac[2], 12);
    }

    [Fact]
    public void Raw_hashes_list_every_file_read_sorted_with_xxh128()
    {
        var entries = Hop.RawHashes.Split(';');
        Assert.Equal(entries.Order(StringComparer.Ordinal), entries);
        Assert.Contains(entries, e => e.StartsWith("graphene-li-neb-7img/INCAR=", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("graphene-li-neb-7img/00/POSCAR=", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("graphene-li-neb-7img/04/CONTCAR=", StringComparison.Ordinal));
        Assert.Equal(1 + 9 * 2, entries.Length);
        Assert.All(entries, e => Assert.Matches("=[0-9a-f]{32}$", e));
    }

    internal static string[] GunzipLines(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd().Split('\n');
    }
}
