using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.RockSalt.Tests;

/// <summary>Hand-built configurations of the reference hop (DOMAIN.md section 2) whose descriptor values are
/// counted by hand from the section 4 table.</summary>
public class DescriptorOracleTests
{
    private static readonly RockSaltSupercell Cell = RockSaltSupercell.Cubic(3, Cells.A);

    /// <summary>Places the environment with I at <paramref name="initial"/> (random filler elsewhere) and computes.</summary>
    private static (double[] Descriptors, Int3 Up) Compute(HopEnvironment env, Int3 initial, double deltaE = 0.0)
    {
        var (cations, anions) = env.Place(Cell, initial, new Random(42));
        var hop = new HopAnatomy();
        int direction = HopGeometry.NeighborDirection(HopEnvironment.F);
        Cell.Anatomy(Cell.CationIndex(initial), direction, ref hop);
        var output = new double[HopDescriptors.Count];
        bool t1Up = HopDescriptors.Compute(hop, cations, anions, deltaE, output);
        return (output, HopDescriptors.UpDirection(direction, t1Up));
    }

    private static readonly Int3 PlusZ = new(0, 0, 1), MinusZ = new(0, 0, -1);

    [Fact]
    public void Every_descriptor_of_a_hand_built_hop()
    {
        var env = HopEnvironment.Plain();
        env[new Int3(1, 0, 1)] = Species.V;        // T1 gates: V, Li
        env[new Int3(1, 0, -1)] = Species.V;       // T2 gates: V, V
        env[new Int3(0, 1, -1)] = Species.V;
        env[new Int3(1, 0, 0)] = Species.F;        // one dumbbell F
        env[new Int3(0, 0, 1)] = Species.F;        // T1 apex: F, F
        env[new Int3(1, 1, 1)] = Species.F;
        env[new Int3(1, 1, -1)] = Species.F;       // T2 apex: O, F
        env[new Int3(-1, 0, 0)] = Species.F;       // back: 2 F
        env[new Int3(2, 1, 0)] = Species.F;
        foreach (var p in new Int3[] { new(-1, -1, 0), new(-1, 0, 1), new(0, -1, -1) }) env[p] = Species.V;    // 3 of I's 7
        foreach (var p in new Int3[] { new(2, 2, 0), new(2, 0, 0), new(0, 2, 0), new(2, 1, 1), new(1, 2, -1) }) env[p] = Species.V; // 5 of F's 7
        env[new Int3(0, 2, 1)] = Species.V;        // beyond the anatomy: must not count

        var (d, up) = Compute(env, new Int3(0, 0, 0), deltaE: 0.123);

        // T1 has fewer TM gates (1 < 2), so it is up.
        Assert.Equal([1, 2, 1, 0, 1, 2, 1, 2, 3, 5, 0.123], d);
        Assert.Equal(PlusZ, up);
        Assert.Equal(env.Descriptors(0.123), d);
    }

    [Fact]
    public void Tie_break_1_fewer_tm_gates_is_up()
    {
        var env = HopEnvironment.Plain();
        env[new Int3(0, 1, 1)] = Species.V;        // T1: 1 TM; T2: 0 TM
        env[new Int3(0, 0, -1)] = Species.F;       // T2 has more apex F, but TM decides first
        env[new Int3(1, 1, -1)] = Species.F;

        var (d, up) = Compute(env, new Int3(0, 0, 0));

        Assert.Equal(MinusZ, up);
        Assert.Equal(0, d[0]);  // gate_tm_up
        Assert.Equal(1, d[1]);  // gate_tm_down
        Assert.Equal(2, d[5]);  // apex_f_up
        Assert.Equal(0, d[6]);  // apex_f_down
    }

    [Fact]
    public void Tie_break_2_fewer_apex_f_is_up_when_tm_ties()
    {
        var env = HopEnvironment.Plain();
        env[new Int3(1, 0, 1)] = Species.V;        // 1 TM on each side
        env[new Int3(0, 1, -1)] = Species.V;
        env[new Int3(1, 1, 1)] = Species.F;        // T1: 1 apex F; T2: 0
        env[new Int3(1, 0, -1)] = Species.Vac;     // T2 has fewer Li gates, but apex F decides first

        var (d, up) = Compute(env, new Int3(0, 0, 0));

        Assert.Equal(MinusZ, up);
        Assert.Equal([1, 1, 0, 1, 0, 0, 1, 0], d[..8]);
    }

    [Fact]
    public void Tie_break_3_more_li_gates_is_up_when_tm_and_apex_tie()
    {
        var env = HopEnvironment.Plain();
        env[new Int3(1, 0, 1)] = Species.Vac;      // T1 gates: Vac, Li; T2 gates: Li, Li
        env[new Int3(0, 0, 1)] = Species.F;        // one apex F on each side
        env[new Int3(1, 1, -1)] = Species.F;

        var (d, up) = Compute(env, new Int3(0, 0, 0));

        Assert.Equal(MinusZ, up);
        Assert.Equal(2, d[2]);  // gate_li_up
        Assert.Equal(1, d[3]);  // gate_li_down
        Assert.Equal(1, d[5]);
        Assert.Equal(1, d[6]);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 0, 4)]
    [InlineData(2, 2, 2)]
    public void Tie_break_4_smallest_gate_site_index_is_up_when_the_chemistry_ties(int x, int y, int z)
    {
        var initial = new Int3(x, y, z);
        var env = HopEnvironment.Plain();

        var (d, up) = Compute(env, initial);

        int Index(Int3 r) => Cell.CationIndex(initial + r);
        int min1 = HopEnvironment.GatesT1.Min(Index), min2 = HopEnvironment.GatesT2.Min(Index);
        Assert.Equal(min1 < min2 ? PlusZ : MinusZ, up);
        Assert.Equal(env.Descriptors(0), d);
    }

    [Fact]
    public void Tie_break_4_cases_reach_both_outcomes()
    {
        // Guards the theory above against testing only one branch: in the 3x3x3 cell, gates at z = -1 wrap to z = 5.
        int Index(Int3 p) => Cell.CationIndex(p);
        Assert.True(Index(new Int3(1, 0, 1)) < Index(new Int3(1, 0, -1)));
        Assert.True(Index(new Int3(1, 0, 5)) > Index(new Int3(1, 0, 3)));
    }

    [Theory]
    [InlineData(1.0, "up")]
    [InlineData(0.51, "up")]
    [InlineData(0.5, "straight")]
    [InlineData(0.0, "straight")]
    [InlineData(-0.5, "straight")]
    [InlineData(-0.51, "down")]
    [InlineData(-1.0, "down")]
    public void Path_label_thresholds(double h, string label) => Assert.Equal(label, HopDescriptors.PathLabel(h));
}
