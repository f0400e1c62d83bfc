using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

public class LatticeIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Arithmetic_neighbours_match_the_supercell_tables(int l)
    {
        var cell = RockSaltSupercell.Cubic(l, 4.1);
        var index = new CubicSiteIndex(cell);
        for (int i = 0; i < cell.CationCount; i++)
        {
            for (int d = 0; d < 12; d++)
                Assert.Equal(cell.CationNeighbor(i, d), index.Offset(i, HopGeometry.NeighborVectors[d]));
            Assert.Equal(cell.CationIndex(cell.CationPosition(i) + new Int3(3, -2, 5)), index.Offset(i, new Int3(3, -2, 5)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Event_slots_are_a_bijection_onto_the_sites(int l)
    {
        var cell = RockSaltSupercell.Cubic(l, 4.1);
        var index = new CubicSiteIndex(cell);
        var seen = new HashSet<int>();
        for (int slot = 0; slot < index.SlotCount; slot++)
        {
            int site = index.SiteOfSlot(slot);
            if (site < 0) continue;
            Assert.True(seen.Add(site));
            Assert.Equal(slot, index.Slot(site));
        }
        Assert.Equal(cell.CationCount, seen.Count);
    }

    [Fact]
    public void Arithmetic_anatomy_matches_the_rocksalt_anatomy()
    {
        var cell = RockSaltSupercell.Cubic(3, 4.1);
        var stencil = new AnatomyStencil(new CubicSiteIndex(cell));
        for (int i = 0; i < cell.CationCount; i++)
            for (int d = 0; d < 12; d++)
            {
                HopAnatomy expected = default, actual = default;
                cell.Anatomy(i, d, ref expected);
                stencil.Fill(i, d, ref actual);
                Assert.Equal(Flatten(expected), Flatten(actual));
            }
    }

    [Fact]
    public void Non_cubic_cells_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CubicSiteIndex(RockSaltSupercell.Primitive(3, 4, 4, 4.1)));
        Assert.Contains("cubic", ex.Message);
    }

    private static int[] Flatten(HopAnatomy a)
    {
        var list = new List<int> { a.Initial, a.Final, a.Direction };
        for (int k = 0; k < 2; k++) list.AddRange([a.Dumbbell[k], a.GatesT1[k], a.GatesT2[k], a.ApexT1[k], a.ApexT2[k]]);
        for (int k = 0; k < 4; k++) list.Add(a.Back[k]);
        for (int k = 0; k < 7; k++) list.AddRange([a.OtherNnInitial[k], a.OtherNnFinal[k]]);
        return list.ToArray();
    }
}
