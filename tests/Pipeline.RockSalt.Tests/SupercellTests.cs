using Pipeline.RockSalt;

namespace Pipeline.RockSalt.Tests;

public class SupercellTests
{
    public static TheoryData<string> Cells => new() { "prim344", "conv222", "conv333", "skew" };

    private static RockSaltSupercell Make(string name) => name switch
    {
        "prim344" => RockSaltSupercell.Primitive(3, 4, 4, 4.1),
        "conv222" => RockSaltSupercell.Cubic(2, 4.1),
        "conv333" => RockSaltSupercell.Cubic(3, 4.1),
        _ => new RockSaltSupercell(new Int3(2, 2, 0), new Int3(0, 4, 2), new Int3(-2, 0, 4), 4.1),
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Site_counts_follow_the_cell_volume(string name)
    {
        var cell = Make(name);
        long det = Math.Abs((long)cell.T1.X * (cell.T2.Y * cell.T3.Z - cell.T2.Z * cell.T3.Y)
            - (long)cell.T2.X * (cell.T1.Y * cell.T3.Z - cell.T1.Z * cell.T3.Y)
            + (long)cell.T3.X * (cell.T1.Y * cell.T2.Z - cell.T1.Z * cell.T2.Y));
        Assert.Equal(det / 2, cell.CationCount);
        Assert.Equal(det / 2, cell.AnionCount);
    }

    [Fact]
    public void Published_cell_has_48_cations_and_48_anions()
    {
        var cell = RockSaltSupercell.Primitive(3, 4, 4, 4.1);
        Assert.Equal(48, cell.CationCount);
        Assert.Equal(48, cell.AnionCount);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Neighbour_tables_are_symmetric_and_periodic(string name)
    {
        var cell = Make(name);
        var nn = HopGeometry.NeighborVectors;
        for (int i = 0; i < cell.CationCount; i++)
        {
            for (int d = 0; d < 12; d++)
            {
                int j = cell.CationNeighbor(i, d);
                Assert.Equal(i, cell.CationNeighbor(j, d ^ 1));
                Assert.Equal(j, cell.CationIndex(cell.CationPosition(i) + nn[d] + cell.T1 - cell.T3));
            }
            var an = cell.CationAnions(i);
            for (int d = 0; d < 6; d++)
                Assert.Equal(i, cell.AnionCations(an[d])[d ^ 1]);
        }
    }

    [Fact]
    public void Anatomy_of_the_reference_hop_matches_the_domain_table()
    {
        // DOMAIN.md section 2: I = (0,0,0) -> F = (1,1,0), units of a/2.
        var cell = RockSaltSupercell.Cubic(3, 4.1);
        int i = cell.CationIndex(new Int3(0, 0, 0));
        int d = HopGeometry.NeighborDirection(new Int3(1, 1, 0));
        var a = new HopAnatomy();
        cell.Anatomy(i, d, ref a);

        int C(int x, int y, int z) => cell.CationIndex(new Int3(x, y, z));
        int A(int x, int y, int z) => cell.AnionIndex(new Int3(x, y, z));
        Assert.Equal(C(1, 1, 0), a.Final);
        Assert.Equal(Set(A(1, 0, 0), A(0, 1, 0)), Set(a.Dumbbell[0], a.Dumbbell[1]));
        Assert.Equal(Set(C(1, 0, 1), C(0, 1, 1)), Set(a.GatesT1[0], a.GatesT1[1]));
        Assert.Equal(Set(C(1, 0, -1), C(0, 1, -1)), Set(a.GatesT2[0], a.GatesT2[1]));
        Assert.Equal(A(0, 0, 1), a.ApexT1[0]);
        Assert.Equal(A(1, 1, 1), a.ApexT1[1]);
        Assert.Equal(A(0, 0, -1), a.ApexT2[0]);
        Assert.Equal(A(1, 1, -1), a.ApexT2[1]);
        Assert.Equal(Set(A(-1, 0, 0), A(0, -1, 0), A(2, 1, 0), A(1, 2, 0)), Set(a.Back[0], a.Back[1], a.Back[2], a.Back[3]));

        var gates = new[] { C(1, 0, 1), C(0, 1, 1), C(1, 0, -1), C(0, 1, -1) };
        var expectedOtherI = Enumerable.Range(0, 12).Select(k => cell.CationNeighbor(i, k))
            .Where(s => s != a.Final && !gates.Contains(s)).ToHashSet();
        var expectedOtherF = Enumerable.Range(0, 12).Select(k => cell.CationNeighbor(a.Final, k))
            .Where(s => s != i && !gates.Contains(s)).ToHashSet();
        Assert.Equal(7, expectedOtherI.Count);
        Assert.Equal(7, expectedOtherF.Count);
        Assert.Equal(expectedOtherI, Enumerable.Range(0, 7).Select(k => a.OtherNnInitial[k]).ToHashSet());
        Assert.Equal(expectedOtherF, Enumerable.Range(0, 7).Select(k => a.OtherNnFinal[k]).ToHashSet());
    }

    private static HashSet<int> Set(params int[] xs) => xs.ToHashSet();
}
