using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Tests.Support;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

/// <summary>The same physical hop, written as lattice + species + frac arrays in different supercells, places,
/// orientations, atom orders and with relaxation noise, must give the DOMAIN.md oracle descriptors and path
/// coordinate every time.</summary>
public class HopInvarianceTests
{
    private static readonly string[] CellNames = ["prim344", "conv222", "conv333"];

    /// <summary>Random environments whose chemistry decides up/down (no gate-index tie), so h has a fixed sign.</summary>
    private static IEnumerable<HopEnvironment> Environments(int count)
    {
        for (int seed = 0, found = 0; found < count; seed++)
        {
            var env = HopEnvironment.Random(new Random(seed));
            if (env.UpSign() == 0) continue;
            found++;
            yield return env;
        }
    }

    [Fact]
    public void Same_hop_in_three_supercells_shifted_reordered_and_noisy_gives_the_oracle()
    {
        var saddle = new Vec3(0.1, -0.1, 0.35); // towards T1's centre: h = 0.7 when T1 is up, -0.7 when T2 is
        int variants = 0;
        foreach (var env in Environments(4))
        {
            var expected = env.Descriptors(0.1);
            double expectedH = 0.7 * env.UpSign();
            foreach (var name in CellNames)
            {
                var cell = Cells.Make(name);
                foreach (var initial in new Int3[] { new(0, 0, 0), new(1, 1, 2), new(3, 1, 0) })
                {
                    var scenarios = new[]
                    {
                        new HopScenario(cell, env, initial),
                        new HopScenario(cell, env, initial) { Shift = new Vec3(2.9, -0.7, 1.3), ShuffleSeed = 5 },
                        new HopScenario(cell, env, initial) { Noise = 0.25, ShuffleSeed = 9, Seed = 3 },
                    };
                    foreach (var scenario in scenarios)
                    {
                        var features = HopFeaturizer.Compute((scenario with { SaddleOffset = saddle }).Build(), 0.4);
                        Assert.Equal(expected, features.Descriptors);
                        Assert.Equal(expectedH, features.H, scenario.Noise == 0 ? 1e-9 : 0.2);
                        Assert.Equal(expectedH > 0 ? "up" : "down", features.PathLabel);
                        Assert.Equal(Cells.A, features.LatticeA, 1e-9);
                        variants++;
                    }
                }
            }
        }
        Assert.Equal(4 * 3 * 3 * 3, variants);
    }

    [Fact]
    public void All_48_orientations_of_one_hop_give_the_same_features()
    {
        var cell = Cells.Make("conv333");
        var saddle = new Vec3(0, 0, -0.3);
        foreach (var env in Environments(2))
        {
            var expected = env.Descriptors(0.1);
            double expectedH = -0.6 * env.UpSign();
            var directions = new HashSet<Int3>();
            foreach (var op in PointGroup.All())
            {
                var hop = new HopScenario(cell, env, new Int3(2, 0, 2)) { Orientation = op, SaddleOffset = saddle }.Build();
                var features = HopFeaturizer.Compute(hop, 0.4);
                Assert.Equal(expected, features.Descriptors);
                Assert.Equal(expectedH, features.H, 1e-9);
                directions.Add(op(HopEnvironment.F));
            }
            Assert.Equal(12, directions.Count);
        }
    }

    [Fact]
    public void Strained_non_orthogonal_cell_with_noise_gives_the_oracle()
    {
        var cell = new RockSaltSupercell(new Int3(4, 4, 0), new Int3(0, 4, 4), new Int3(4, -2, 6), Cells.A);
        var env = Environments(1).Single();
        var hop = new HopScenario(cell, env, new Int3(2, 2, 0))
        {
            Deformation = [1.02, 0.01, 0, 0.01, 0.99, 0, 0, 0, 0.995],
            Noise = 0.2,
            SaddleOffset = new Vec3(0, 0, 0.45),
        }.Build();

        var features = HopFeaturizer.Compute(hop, 0.4);

        Assert.Equal(env.Descriptors(0.1), features.Descriptors);
        Assert.Equal(env.UpSign() > 0 ? "up" : "down", features.PathLabel);
    }
}
