using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>DOMAIN.md section 6 oracle: the local energy change of a hop or swap equals the difference of two full
/// evaluations to 1e-10 eV, and the reverse move gives exactly minus the forward change.</summary>
public class EvaluatorExactnessTests
{
    public static TheoryData<string, int> Cells => new()
    {
        { "cubic3", 3500 },        // conventional: interior sites use index arithmetic, boundary sites the table
        { "primitive566", 3000 },  // non-orthogonal: table lookups only
        { "conventional435", 3000 },
        { "cubic2", 500 },         // smallest cube: distinct clusters share sites through periodic images
    };

    private static RockSaltSupercell Cell(string name) => name switch
    {
        "cubic3" => RockSaltSupercell.Cubic(3, TestConfigurations.A),
        "primitive566" => RockSaltSupercell.Primitive(5, 6, 6, TestConfigurations.A),
        "cubic2" => RockSaltSupercell.Cubic(2, TestConfigurations.A),
        _ => RockSaltSupercell.Conventional(4, 3, 5, TestConfigurations.A),
    };

    /// <summary>10^4 moves in total over the three cells: NN hops, long hops and swaps on both sublattices.</summary>
    [Theory]
    [MemberData(nameof(Cells))]
    public void Local_changes_match_full_evaluations_and_reverse_exactly(string cellName, int moves)
    {
        var cell = Cell(cellName);
        var evaluator = new CeEvaluator(TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 17), cell);
        var rng = new Random(cellName.Length);
        var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.2);
        double energy = evaluator.TotalEnergy(cations, anions);
        double worst = 0.0;
        for (int m = 0; m < moves; m++)
        {
            var move = NextMove(rng, cell, cations);
            double forward = Delta(evaluator, cations, anions, move);
            Apply(move, cations, anions);
            double after = evaluator.TotalEnergy(cations, anions);
            worst = Math.Max(worst, Math.Abs(after - energy - forward));
            Assert.True(Math.Abs(after - energy - forward) < 1e-10,
                $"move {m} {move}: local {forward:R}, full difference {after - energy:R}");
            double reverse = Delta(evaluator, cations, anions, move.Reversed());
            Assert.True(reverse == -forward, $"move {m} {move}: reverse {reverse:R} is not exactly -{forward:R}");
            energy = after;
        }
        Assert.True(worst < 1e-10);
    }

    [Fact]
    public void Total_energy_agrees_with_the_correlation_vector_route()
    {
        var model = TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 3);
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var (cations, anions) = TestConfigurations.Random(cell, new Random(8));
        double viaCorrelations = model.EnergyPerCell(CorrelationFunctions.Compute(model.Space, cell, cations, anions)) * cell.CationCount;
        Assert.Equal(viaCorrelations, new CeEvaluator(model, cell).TotalEnergy(cations, anions), 9);
    }

    [Fact]
    public void Invalid_moves_and_too_small_supercells_are_rejected()
    {
        var model = TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 3);
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var evaluator = new CeEvaluator(model, cell);
        var cations = Enumerable.Repeat((byte)Species.Li, cell.CationCount).ToArray();
        var anions = Enumerable.Repeat((byte)Species.O, cell.AnionCount).ToArray();
        var e = Assert.Throws<ArgumentException>(() => evaluator.HopDelta(cations, anions, 0, 1));
        Assert.Contains("vacancy on site 1", e.Message);
        int target = cell.CationNeighbor(0, 0), neighbour = cell.CationNeighbor(0, 1);
        cations[target] = (byte)Species.Vac;
        cations[neighbour] = 7; // not a species code
        var bad = Assert.Throws<ArgumentException>(() => evaluator.HopDelta(cations, anions, 0, target));
        Assert.Contains("species code", bad.Message);
        var tooSmall = Assert.Throws<ArgumentException>(() => new CeEvaluator(model, RockSaltSupercell.Cubic(1, TestConfigurations.A)));
        Assert.Contains("too small", tooSmall.Message);
    }

    [Fact]
    public void Hop_delta_does_not_allocate()
    {
        var cell = RockSaltSupercell.Cubic(4, TestConfigurations.A);
        var evaluator = new CeEvaluator(TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 4), cell);
        var (cations, anions) = TestConfigurations.Random(cell, new Random(1), vacancy: 0.3);
        var hops = new List<(int, int)>();
        for (int i = 0; i < cations.Length && hops.Count < 50; i++)
            foreach (int j in cell.CationNeighbors(i))
                if (cations[i] != (byte)Species.Vac && cations[j] == (byte)Species.Vac) hops.Add((i, j));
        double sum = 0;
        foreach (var (i, j) in hops) sum += evaluator.HopDelta(cations, anions, i, j); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (i, j) in hops) sum += evaluator.HopDelta(cations, anions, i, j);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(sum));
    }

    private sealed record Move(Sublattice Sublattice, int I, int J, bool Hop)
    {
        public Move Reversed() => this with { I = J, J = I };
    }

    private static Move NextMove(Random rng, RockSaltSupercell cell, byte[] cations)
    {
        int kind = rng.Next(4);
        if (kind <= 1)
        {
            // kind 0: nearest-neighbour hop (what the kMC does), kind 1: hop to any vacancy.
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int from = rng.Next(cations.Length);
                if (cations[from] == (byte)Species.Vac) continue;
                int to = kind == 0 ? cell.CationNeighbor(from, rng.Next(12)) : rng.Next(cations.Length);
                if (cations[to] == (byte)Species.Vac) return new Move(Sublattice.Cation, from, to, Hop: true);
            }
        }
        var sublattice = kind == 3 ? Sublattice.Anion : Sublattice.Cation;
        int n = sublattice == Sublattice.Cation ? cell.CationCount : cell.AnionCount;
        return new Move(sublattice, rng.Next(n), rng.Next(n), Hop: false);
    }

    private static double Delta(CeEvaluator evaluator, byte[] cations, byte[] anions, Move m)
        => m.Hop && cations[m.J] == (byte)Species.Vac
            ? evaluator.HopDelta(cations, anions, m.I, m.J)
            : evaluator.SwapDelta(cations, anions, m.Sublattice, m.I, m.J);

    private static void Apply(Move m, byte[] cations, byte[] anions)
    {
        var array = m.Sublattice == Sublattice.Cation ? cations : anions;
        (array[m.I], array[m.J]) = (array[m.J], array[m.I]);
    }
}
