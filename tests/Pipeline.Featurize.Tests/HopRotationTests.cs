using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Tests.Support;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

/// <summary>The same physical hop with the whole cell (lattice, atoms and saddle point) rotated away from the cubic
/// axes, as pymatgen, ASE or icet may write it: every descriptor, the path label and h must equal the DOMAIN.md oracle
/// and the aligned cell's values, and the distances and volumes of the extra columns must not move.</summary>
public class HopRotationTests
{
    private static readonly string[] CellNames = ["prim344", "conv333", "oblique"];

    /// <summary>The test cells; "oblique" is the non-orthogonal cell of <see cref="HopInvarianceTests"/>, large
    /// enough for the whole hop environment.</summary>
    private static RockSaltSupercell Make(string name) => name == "oblique"
        ? new RockSaltSupercell(new Int3(4, 4, 0), new Int3(0, 4, 4), new Int3(4, -2, 6), Cells.A)
        : Cells.Make(name);

    /// <summary>Towards T1's centre: h = 0.8 when T1 is up, -0.8 when T2 is.</summary>
    private static readonly Vec3 Saddle = new(0.05, -0.1, 0.4);

    /// <summary>Random environments whose chemistry decides up/down (no gate-index tie), so h has a fixed sign.</summary>
    private static IEnumerable<HopEnvironment> Environments(int count)
    {
        for (int seed = 40, found = 0; found < count; seed++)
        {
            var env = HopEnvironment.Random(new Random(seed));
            if (env.UpSign() == 0) continue;
            found++;
            yield return env;
        }
    }

    [Fact]
    public void Random_rotations_of_the_whole_cell_give_the_oracle_and_the_aligned_features()
    {
        var rng = new Random(2026);
        int variants = 0;
        foreach (var env in Environments(3))
            foreach (var name in CellNames)
            {
                var scenario = new HopScenario(Make(name), env, new Int3(1, 1, 2)) { SaddleOffset = Saddle };
                var aligned = HopFeaturizer.Compute(scenario.Build(), 0.4);
                for (int k = 0; k < 3; k++)
                {
                    var rotated = HopFeaturizer.Compute((scenario with { Deformation = Deformations.RandomRotation(rng) }).Build(), 0.4);

                    Assert.Equal(env.Descriptors(0.1), rotated.Descriptors);
                    Assert.Equal(0.8 * env.UpSign(), rotated.H, 1e-9);
                    Assert.Equal(env.UpSign() > 0 ? "up" : "down", rotated.PathLabel);
                    AssertSameFeatures(aligned, rotated, 1e-9);
                    Assert.True(rotated.MappingMaxDeviation < 1e-9);
                    variants++;
                }
            }
        Assert.Equal(3 * 3 * 3, variants);
    }

    [Fact]
    public void Rotated_cell_with_shuffled_atoms_and_shift_gives_the_aligned_features()
    {
        var rng = new Random(5);
        foreach (var env in Environments(2))
            foreach (var name in CellNames)
            {
                var scenario = new HopScenario(Make(name), env, new Int3(3, 1, 0)) { SaddleOffset = Saddle };
                var aligned = HopFeaturizer.Compute(scenario.Build(), 0.4);
                var variant = scenario with
                {
                    Deformation = Deformations.RandomRotation(rng),
                    ShuffleSeed = rng.Next(),
                    Shift = new Vec3(1.7, -0.4, 2.2),
                };

                var rotated = HopFeaturizer.Compute(variant.Build(), 0.4);

                Assert.Equal(aligned.Descriptors, rotated.Descriptors);
                Assert.Equal(aligned.PathLabel, rotated.PathLabel);
                Assert.Equal(aligned.H, rotated.H, 1e-9);
                AssertSameFeatures(aligned, rotated, 1e-9);
            }
    }

    [Fact]
    public void Rotation_on_top_of_strain_changes_no_feature()
    {
        // Rotation is an isometry: the strained cell and the same strained cell rotated give identical features.
        var rng = new Random(17);
        foreach (var name in CellNames)
        {
            var env = Environments(1).Single();
            var strain = Deformations.RandomStrain(rng, 0.03);
            var scenario = new HopScenario(Make(name), env, new Int3(0, 2, 2)) { SaddleOffset = Saddle, Deformation = strain };
            var strained = HopFeaturizer.Compute(scenario.Build(), 0.4);

            var rotated = HopFeaturizer.Compute((scenario with { Deformation = Deformations.Then(strain, Deformations.RandomRotation(rng)) }).Build(), 0.4);

            Assert.Equal(env.Descriptors(0.1), rotated.Descriptors);
            Assert.Equal(strained.PathLabel, rotated.PathLabel);
            Assert.Equal(strained.H, rotated.H, 1e-9);
            AssertSameFeatures(strained, rotated, 1e-9);
        }
    }

    [Fact]
    public void Rotated_cells_strained_3_percent_with_noise_give_the_oracle()
    {
        var rng = new Random(99);
        int variants = 0;
        foreach (var env in Environments(3))
            foreach (var name in CellNames)
                for (int k = 0; k < 2; k++)
                {
                    var hop = new HopScenario(Make(name), env, new Int3(2, 0, 2))
                    {
                        SaddleOffset = Saddle,
                        Deformation = Deformations.Then(Deformations.RandomStrain(rng, 0.03), Deformations.RandomRotation(rng)),
                        Noise = 0.05,
                        ShuffleSeed = rng.Next(),
                        Seed = rng.Next(),
                    }.Build();

                    var features = HopFeaturizer.Compute(hop, 0.4);

                    Assert.Equal(env.Descriptors(0.1), features.Descriptors);
                    Assert.Equal(env.UpSign() > 0 ? "up" : "down", features.PathLabel);
                    // 3% strain moves h by a few per cent, the 0.05 A noise by ~0.1/(a/4).
                    Assert.Equal(0.8 * env.UpSign(), features.H, 0.15);
                    // Volume per anion is kept by the lattice constant, so the ideal tetrahedron and dumbbell stay close.
                    double a = features.LatticeA;
                    Assert.Equal(a * a * a / 24, features.Geometry.TetVolumeUp, a * a * a / 24 * 0.15);
                    Assert.Equal(a * Math.Sqrt(2) / 4, features.Geometry.LiDumbbellDistanceMin, 0.15);
                    Assert.InRange(features.MappingMaxDeviation, 0.01, 0.1);
                    variants++;
                }
        Assert.Equal(3 * 3 * 2, variants);
    }

    private static void AssertSameFeatures(HopFeatures expected, HopFeatures actual, double tolerance)
    {
        Assert.Equal(expected.Descriptors, actual.Descriptors);
        Assert.Equal(expected.X, actual.X, 1e-12);
        Assert.Equal(expected.LatticeA, actual.LatticeA, tolerance);
        Assert.Equal(expected.Geometry.LiDumbbellDistanceMin, actual.Geometry.LiDumbbellDistanceMin, tolerance);
        Assert.Equal(expected.Geometry.TetVolumeUp, actual.Geometry.TetVolumeUp, tolerance);
        Assert.Equal(expected.Geometry.TetVolumeDown, actual.Geometry.TetVolumeDown, tolerance);
        Assert.Equal(expected.MappingMaxDeviation, actual.MappingMaxDeviation, tolerance);
    }
}
