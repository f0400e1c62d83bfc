using System.Text.Json;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>The ASE 3.22.1 trajectories against their expected.json (written by ASE itself).</summary>
public class AseTrajectoryTests
{
    public static TheoryData<string> Files => new() { "neb-0000.traj", "neb-0001.traj" };

    private static JsonElement Expected(string file)
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Ase, "expected.json"))).RootElement.GetProperty(file);

    [Theory]
    [MemberData(nameof(Files))]
    public void Frames_have_the_expected_count_atoms_formula_and_energies(string file)
    {
        var expected = Expected(file);
        var frames = AseTrajectoryReader.Read(Path.Combine(Fixtures.Ase, file));
        Assert.Equal(expected.GetProperty("images").GetInt32(), frames.Count);
        Assert.All(frames, f => Assert.Equal(expected.GetProperty("atoms").GetInt32(), f.Numbers.Length));
        Assert.All(frames, f => Assert.Equal(3 * f.Numbers.Length, f.Forces!.Length));
        var formula = string.Concat(frames[0].Numbers.Select(Elements.Symbol).GroupBy(s => s)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + g.Count()));
        Assert.Equal(expected.GetProperty("formula").GetString(), formula);
        var energies = expected.GetProperty("energies_eV").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(energies, frames.Select(f => f.Energy).ToArray());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ingested_band_has_the_expected_barriers(string file)
    {
        var expected = Expected(file);
        var result = AseNebIngestor.Ingest(Path.Combine(Fixtures.Ase, file), "*.traj", new IngestOptions());
        Assert.Empty(result.Rejected);
        var hop = Assert.Single(result.Hops);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), hop.CalcId);
        Assert.Equal(expected.GetProperty("forward_barrier_eV").GetDouble(), hop.Analysis.EForward, 9);
        Assert.Equal(expected.GetProperty("kra_eV").GetDouble(), hop.Analysis.EKra, 9);
        Assert.Equal(expected.GetProperty("dE_eV").GetDouble(), hop.Analysis.EReaction, 9);
        Assert.Equal("Li", hop.Analysis.MovingSpecies);
        Assert.True(double.IsNaN(hop.Band.Images[0].Toten));
        Assert.All(hop.Band.Images, i => Assert.True(i.MaxForce >= 0));
    }

    [Fact]
    public void Folder_ingest_finds_both_bands_in_name_order()
    {
        var result = AseNebIngestor.Ingest(Fixtures.Ase, "*.traj", new IngestOptions());
        Assert.Equal(["neb-0000", "neb-0001"], result.Hops.Select(h => h.CalcId));
        Assert.All(result.Hops, h => Assert.Matches("^neb-000[01].traj=[0-9a-f]{32}$", h.RawHashes));
    }

    [Fact]
    public void Fractional_positions_reproduce_the_cartesian_ones()
    {
        var frames = AseTrajectoryReader.Read(Path.Combine(Fixtures.Ase, "neb-0000.traj"));
        var result = AseNebIngestor.Ingest(Path.Combine(Fixtures.Ase, "neb-0000.traj"), "*.traj", new IngestOptions());
        var s = result.Hops[0].Band.Images[3].Structure;
        var cell = frames[3].Cell;
        for (int a = 0; a < s.AtomCount; a += 17)
        {
            for (int k = 0; k < 3; k++)
            {
                double x = s.Frac[3 * a] * cell[k] + s.Frac[3 * a + 1] * cell[3 + k] + s.Frac[3 * a + 2] * cell[6 + k];
                Assert.Equal(frames[3].Positions[3 * a + k], x, 9);
            }
        }
    }

    [Fact]
    public void Truncated_or_foreign_files_are_rejected_with_the_file_named()
    {
        using var temp = new TempDir();
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Ase, "neb-0001.traj"));
        File.WriteAllBytes(Path.Combine(temp.Path, "cut.traj"), bytes[..(bytes.Length / 2)]);
        File.WriteAllText(Path.Combine(temp.Path, "text.traj"), "not a trajectory at all, just some text to fill 48 bytes");
        var result = AseNebIngestor.Ingest(temp.Path, "*.traj", new IngestOptions());
        Assert.Empty(result.Hops);
        Assert.Equal(["cut.traj", "text.traj"], result.Rejected.Select(r => r.DatasetFile));
        Assert.All(result.Rejected, r => Assert.Equal(RejectionCodes.MalformedFile, r.Rejection.Code));
        Assert.Throws<VaspFormatException>(() => AseTrajectoryReader.Read(bytes[..(bytes.Length / 2)], "cut.traj"));
    }
}
