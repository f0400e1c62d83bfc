using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Percolation;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

/// <summary>The 0-TM network counts any non-mobile cation as TM: with Mn and Ti on the sites one species occupied,
/// it is the same network (the one-species threshold tests are in PercolationTests).</summary>
public class MultiCationPercolationTests
{
    [Fact]
    public void Two_tm_species_give_the_one_species_network_for_the_same_occupied_sites()
    {
        var cell = RockSaltSupercell.Cubic(6, 4.1);
        var index = new CubicSiteIndex(cell);
        int percolating = 0, cases = 0;
        foreach (var tmFraction in new[] { 0.25, 0.4, 0.45, 0.5, 0.6 })
            for (ulong seed = 1; seed <= 6; seed++)
            {
                int tm = (int)(tmFraction * cell.CationCount), vac = cell.CationCount / 10;
                var cations = new byte[cell.CationCount];
                cations.AsSpan(0, cell.CationCount - tm - vac).Fill((byte)Species.Li);
                cations.AsSpan(cell.CationCount - tm - vac, tm).Fill((byte)Species.V);
                new Xoshiro256(seed).Shuffle<byte>(cations);
                var anions = new byte[cell.AnionCount];
                var (split, _) = MultiCation.RelabelArrays(cations, anions, seed * 7, 0.3 + 0.1 * (double)seed);
                foreach (var criterion in new[] { WrapCriterion.AnyAxis, WrapCriterion.AxisX })
                {
                    var one = ZeroTmNetwork.Analyze(index, cations, criterion);
                    var two = ZeroTmNetwork.Analyze(index, split, criterion, MultiCation.LiMnTiOF);
                    Assert.Equal(one, two);
                    percolating += one.Percolates ? 1 : 0;
                    cases++;
                }
            }
        // Both outcomes occur, so the comparison covers wrapping and non-wrapping networks.
        Assert.InRange(percolating, 1, cases - 1);
    }

    [Fact]
    public void The_lattice_overload_reads_the_lattice_chemistry()
    {
        var lattice = MultiCation.Relabel(Configurations.Drs(4, 0.5, 3), 4);
        var expected = ZeroTmNetwork.Analyze(lattice.Index, MultiCation.AsVanadium(lattice.Cations));
        Assert.Equal(expected, ZeroTmNetwork.Analyze(lattice));
    }
}
