using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Tests.Support;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

/// <summary>Path coordinate h (DOMAIN.md section 3) at the tetrahedron centres and the dumbbell midpoint, and the
/// extra geometric columns on ideal and distorted structures.</summary>
public class PathAndGeometryTests
{
    /// <summary>T1 (+z side) has a TM gate, so T2 is up: its centre is at midpoint - (a/4) z.</summary>
    private static HopEnvironment DownIsT1()
    {
        var env = HopEnvironment.Plain();
        env[new Int3(1, 0, 1)] = Species.V;
        return env;
    }

    [Theory]
    [InlineData(0, 0, -0.5, 1.0, "up")]       // centre of the up tetrahedron (T2)
    [InlineData(0, 0, 0.5, -1.0, "down")]     // centre of the down tetrahedron (T1)
    [InlineData(0, 0, 0, 0.0, "straight")]    // dumbbell midpoint
    public void Li_at_the_tetrahedron_centres_and_the_dumbbell_midpoint(double sx, double sy, double sz, double h, string label)
    {
        // I = (3,3,2) in the 2x2x2 cell puts F at (4,4,2) = (0,0,2): the midpoint and centres straddle the cell edge.
        var scenario = new HopScenario(Cells.Make("conv222"), DownIsT1(), new Int3(3, 3, 2)) { SaddleOffset = new Vec3(sx, sy, sz) };

        var features = HopFeaturizer.Compute(scenario.Build(), 0.4);

        Assert.Equal(h, features.H, 1e-9);
        Assert.Equal(label, features.PathLabel);
        Assert.Equal(1, features.Descriptors[1]); // gate_tm_down: the TM gate is on T1
    }

    [Fact]
    public void Ideal_structure_has_ideal_tetrahedra_and_dumbbell_distance()
    {
        const double a = 4.23;
        var cell = RockSaltSupercell.Primitive(3, 4, 4, a);
        var features = HopFeaturizer.Compute(new HopScenario(cell, DownIsT1(), new Int3(0, 0, 0)).Build(), 0.4);

        Assert.Equal(a * a * a / 24, features.Geometry.TetVolumeUp, 1e-9);
        Assert.Equal(a * a * a / 24, features.Geometry.TetVolumeDown, 1e-9);
        Assert.Equal(a * Math.Sqrt(2) / 4, features.Geometry.LiDumbbellDistanceMin, 1e-9);
        Assert.Equal(a, features.LatticeA, 1e-9);
        Assert.True(features.MappingMaxDeviation < 1e-9);
    }

    [Fact]
    public void Composition_counts_li_per_three_anions()
    {
        var cell = Cells.Make("conv222");
        var hop = new HopScenario(cell, HopEnvironment.Plain(), new Int3(0, 0, 0)) { Seed = 8 }.Build();
        int li = hop.Species.Count(s => s == "Li");
        int anions = hop.Species.Count(s => s is "O" or "F");

        var features = HopFeaturizer.Compute(hop, 0.4);

        Assert.Equal(32, anions);
        Assert.Equal(2 - 3.0 * li / 32, features.X, 1e-12);
    }

    [Fact]
    public void A_dumbbell_anion_pushed_into_the_path_shortens_the_dumbbell_distance()
    {
        var cell = Cells.Make("conv333");
        var record = new HopScenario(cell, DownIsT1(), new Int3(0, 0, 0)).Build();
        // Move the dumbbell anion at (1,0,0) by 0.1 A towards the hop midpoint (0.5,0.5,0), i.e. along (-1,1,0)/sqrt2.
        int atom = AtomAt(record, cell, new Int3(1, 0, 0));
        var lattice = record.Lattice;
        double step = 0.1 / Math.Sqrt(2) / (3 * cell.A); // fractional step in a cubic cell of edge 3a
        var frac = (double[])record.FracInitial.Clone();
        frac[3 * atom] -= step;
        frac[3 * atom + 1] += step;
        Assert.Equal(3 * cell.A, lattice[0], 1e-12);

        var features = HopFeaturizer.Compute(record with { FracInitial = frac }, 0.4);

        // The least-squares origin follows the pushed atom by 1/N of its displacement.
        int n = record.Species.Length;
        Assert.Equal(cell.A * Math.Sqrt(2) / 4 - 0.1, features.Geometry.LiDumbbellDistanceMin, 0.1 / n * 1.5);
    }

    private static int AtomAt(HopRecord record, RockSaltSupercell cell, Int3 site)
    {
        for (int i = 0; i < record.Species.Length; i++)
        {
            // Fractional coordinates times 6 are lattice coordinates (units of a/2) in the 3x3x3 cell.
            var point = (6 * new Vec3(record.FracInitial[3 * i], record.FracInitial[3 * i + 1], record.FracInitial[3 * i + 2])).Round();
            if (!point.IsCationSite && cell.AnionIndex(point) == cell.AnionIndex(site)) return i;
        }
        throw new InvalidOperationException($"no atom on {site}");
    }
}
