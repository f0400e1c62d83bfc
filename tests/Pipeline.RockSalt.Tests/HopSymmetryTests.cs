using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.RockSalt.Tests;

/// <summary>The 48 operations of the cube's point group map the reference hop onto all 12 hop directions; the same
/// physical environment must give the same descriptors and a consistently transformed up direction.</summary>
public class HopSymmetryTests
{
    [Fact]
    public void All_12_directions_related_by_symmetry_give_the_same_descriptors()
    {
        var cell = RockSaltSupercell.Cubic(4, Cells.A);
        var initial = new Int3(2, 4, 6);
        var directions = new HashSet<int>();
        int checkedUp = 0;
        for (int seed = 0; seed < 12; seed++)
        {
            var env = HopEnvironment.Random(new Random(seed));
            var expected = env.Descriptors(-0.2);
            int upSign = env.UpSign();
            foreach (var op in PointGroup.All())
            {
                var (cations, anions) = env.Place(cell, initial, new Random(1000 + seed), op);
                int direction = HopGeometry.NeighborDirection(op(HopEnvironment.F));
                directions.Add(direction);
                var hop = new HopAnatomy();
                cell.Anatomy(cell.CationIndex(initial), direction, ref hop);
                var output = new double[HopDescriptors.Count];
                bool t1Up = HopDescriptors.Compute(hop, cations, anions, -0.2, output);

                Assert.Equal(expected, output);
                if (upSign != 0)
                {
                    Assert.Equal(op(new Int3(0, 0, upSign)), HopDescriptors.UpDirection(direction, t1Up));
                    checkedUp++;
                }
            }
        }
        Assert.Equal(12, directions.Count);
        Assert.True(checkedUp >= 48 * 6, $"only {checkedUp} orientation checks: too many chemical ties among the seeds");
    }
}
