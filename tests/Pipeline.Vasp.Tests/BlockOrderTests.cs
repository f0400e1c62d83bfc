using System.Globalization;
using System.IO.Compression;
using System.Text;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Issue #17 item 7c: VASP &lt;= 5.2.2 prints each ionic step's energy block before its POSITION/TOTAL-FORCE
/// block. Energies and forces must be paired by ionic step whatever the order.</summary>
public class BlockOrderTests
{
    private static string AlOutcar => Path.Combine(Fixtures.Root, "pymatgen", "al-vasp522", "OUTCAR.gz");

    private static Outcar ParseText(string text) => OutcarParser.Parse(new MemoryStream(Encoding.ASCII.GetBytes(text)), "OUTCAR");

    [Fact]
    public void Real_vasp_522_outcar_keeps_the_forces_and_positions_of_its_step()
    {
        var lines = FixtureOracleTests.GunzipLines(AlOutcar);
        Assert.StartsWith(" vasp.5.2.2", lines[0]);
        int energyLine = Array.FindLastIndex(lines, l => l.Contains("energy(sigma->0)") && l.Contains("energy  without"));
        int header = Array.FindLastIndex(lines, l => l.Contains("POSITION") && l.Contains("TOTAL-FORCE"));
        Assert.True(energyLine < header, "the fixture prints the energy block first");
        var row = lines[header + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();

        var outcar = OutcarParser.Parse(AlOutcar);

        var step = Assert.Single(outcar.Steps);
        Assert.Equal(-3.743359, step.EnergySigma0, 9);
        Assert.Equal(row[..3], step.Positions);
        Assert.Equal(row[3..], step.Forces);
        Assert.Equal(Math.Sqrt(row[3] * row[3] + row[4] * row[4] + row[5] * row[5]), step.MaxForce());
        Assert.Equal([0, 2.016319, 2.016319, 2.016319, 0, 2.016319, 2.016319, 2.016319, 0], step.Lattice);
        Assert.True(outcar.Finished);
    }

    [Fact]
    public void Each_step_of_an_energy_first_run_carries_its_own_forces()
    {
        var neb = new SyntheticNeb().OutcarFor(1);
        var steps = new List<SyntheticStep>
        {
            neb.Steps[0] with { Forces = neb.Steps[0].Forces.Select(f => f * 10).ToArray() },
            neb.Steps[0] with { Energy = neb.Steps[0].Energy - 0.02, Forces = neb.Steps[0].Forces.Select(f => f * 3).ToArray() },
            neb.Steps[1],
        };
        var normal = new SyntheticOutcar { Types = neb.Types, Counts = neb.Counts, Lattice = neb.Lattice, Steps = steps };
        var old = new SyntheticOutcar { Types = neb.Types, Counts = neb.Counts, Lattice = neb.Lattice, Steps = steps, EnergyBeforePositions = true };
        Assert.NotEqual(normal.Text(), old.Text());

        var a = ParseText(normal.Text());
        var b = ParseText(old.Text());

        Assert.Equal(3, b.Steps.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(steps[k].Energy, b.Steps[k].EnergySigma0, 8);
            Assert.Equal(steps[k].Forces.Length, b.Steps[k].Forces.Length);
            for (int i = 0; i < steps[k].Forces.Length; i++)
                Assert.Equal(steps[k].Forces[i], b.Steps[k].Forces[i], 6);
            Assert.Equal(a.Steps[k].Forces, b.Steps[k].Forces);
            Assert.Equal(a.Steps[k].Positions, b.Steps[k].Positions);
        }
    }

    [Fact]
    public void Energy_first_outcar_whose_position_block_disagrees_with_the_structure_is_rejected()
    {
        using var temp = new TempDir();
        var neb = new SyntheticNeb();
        neb.Write(temp.Path);
        var o = neb.OutcarFor(2);
        // One ionic step (a single point, like most 5.2 endpoint runs) whose POSITION block lists two of the three
        // atoms; NIONS is zeroed so only the per-step cross-check can see it.
        var last = o.Steps[^1];
        var oneAtomShort = new List<SyntheticStep> { last with { Cartesian = last.Cartesian[..6], Forces = last.Forces[..6] } };
        var text = new SyntheticOutcar { Types = o.Types, Counts = o.Counts, Lattice = o.Lattice, Steps = oneAtomShort, EnergyBeforePositions = true }
            .Text().Replace("NIONS =      3", "NIONS =      0");
        Assert.Contains("NIONS =      0", text);
        File.WriteAllText(Path.Combine(temp.Path, "02", "OUTCAR"), text);

        var result = Ingest.VaspNebIngestor.Ingest(temp.Path, new Ingest.IngestOptions());

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(Ingest.RejectionCodes.AtomCountMismatch, rejected.Rejection.Code);
    }
}
