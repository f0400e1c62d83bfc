using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>DOMAIN.md section 6 oracle for chemistries with more species: every local energy change (hops of any
/// cation, the mobile ion and each TM, to nearest and distant vacancies; swaps of any two cation species; swaps of
/// any two anion species) equals the difference of two full evaluations (cluster counting, a separate code path)
/// to 1e-10 eV, and the reverse move gives exactly minus the forward change. 10^4 moves per chemistry.</summary>
public class MulticomponentExactnessTests
{
    public static TheoryData<string, string, int> Cases => new()
    {
        { "LiMnTiOF", "cubic3", 3500 },        // affine indexing inside, the table at the boundary
        { "LiMnTiOF", "primitive566", 3000 },  // table only
        { "LiMnTiOF", "conventional435", 3000 },
        { "LiMnTiOF", "cubic2", 500 },         // periodic images share sites
        { "LiMnNbTiOFCl", "cubic3", 4000 },
        { "LiMnNbTiOFCl", "primitive566", 4000 },
        { "LiMnNbTiOFCl", "cubic2", 2000 },
    };

    internal static RockSaltSupercell Cell(string name) => name switch
    {
        "cubic3" => RockSaltSupercell.Cubic(3, TestConfigurations.A),
        "primitive566" => RockSaltSupercell.Primitive(5, 6, 6, TestConfigurations.A),
        "cubic2" => RockSaltSupercell.Cubic(2, TestConfigurations.A),
        "conventional435" => RockSaltSupercell.Conventional(4, 3, 5, TestConfigurations.A),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Local_changes_match_full_evaluations_and_reverse_exactly(string chemistryName, string cellName, int moves)
    {
        var chemistry = MulticomponentData.Named(chemistryName);
        var cell = Cell(cellName);
        var evaluator = new CeEvaluator(MulticomponentData.RandomModel(MulticomponentData.Space(chemistry), 17), cell);
        Assert.Equal(chemistry, evaluator.Chemistry);
        var rng = new Random(cellName.Length * 13 + chemistryName.Length);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, rng, vacancy: 0.25);
        double energy = evaluator.TotalEnergy(cations, anions);
        var hopped = new HashSet<byte>();
        var cationPairs = new HashSet<(byte, byte)>();
        var anionPairs = new HashSet<(byte, byte)>();
        for (int m = 0; m < moves; m++)
        {
            var (sublattice, i, j, hop) = NextMove(rng, cell, cations);
            var array = sublattice == Sublattice.Cation ? cations : anions;
            byte si = array[i], sj = array[j];
            double forward = hop ? evaluator.HopDelta(cations, anions, i, j) : evaluator.SwapDelta(cations, anions, sublattice, i, j);
            (array[i], array[j]) = (array[j], array[i]);
            double after = evaluator.TotalEnergy(cations, anions);
            Assert.True(Math.Abs(after - energy - forward) < 1e-10,
                $"move {m} ({(hop ? "hop" : "swap")} {chemistry.Symbol(si)}@{i} <-> {chemistry.Symbol(sj)}@{j}): local {forward:R}, full {after - energy:R}");
            double reverse = hop ? evaluator.HopDelta(cations, anions, j, i) : evaluator.SwapDelta(cations, anions, sublattice, j, i);
            Assert.True(reverse == -forward, $"move {m}: reverse {reverse:R} is not exactly -{forward:R}");
            if (hop) hopped.Add(si);
            else if (si != sj) (sublattice == Sublattice.Cation ? cationPairs : anionPairs).Add((Math.Min(si, sj), Math.Max(si, sj)));
            energy = after;
        }
        // Every cation species hopped, every pair of species of each sublattice was swapped.
        Assert.Equal(chemistry.CationSpeciesCount - 1, hopped.Count);
        int mc = chemistry.CationSpeciesCount, ma = chemistry.AnionSpeciesCount;
        Assert.Equal(mc * (mc - 1) / 2, cationPairs.Count);
        Assert.Equal(ma * (ma - 1) / 2, anionPairs.Count);
    }

    [Theory]
    [InlineData("LiMnTiOF")]
    [InlineData("LiMnNbTiOFCl")]
    public void Total_energy_agrees_with_the_correlation_vector_route(string chemistryName)
    {
        var chemistry = MulticomponentData.Named(chemistryName);
        var model = MulticomponentData.RandomModel(MulticomponentData.Space(chemistry), 3);
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, new Random(8));
        double viaCorrelations = model.EnergyPerCell(CorrelationFunctions.Compute(model.Space, cell, cations, anions)) * cell.CationCount;
        Assert.Equal(viaCorrelations, new CeEvaluator(model, cell).TotalEnergy(cations, anions), 9);
    }

    [Fact]
    public void Codes_outside_the_chemistry_are_refused_naming_the_site()
    {
        var chemistry = MulticomponentData.LiMnTiOF;
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var evaluator = new CeEvaluator(MulticomponentData.RandomModel(MulticomponentData.Space(chemistry), 3), cell);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, new Random(2));
        cations[5] = chemistry.FirstAnion; // O on a cation site
        var e = Assert.Throws<ArgumentException>(() => evaluator.Validate(cations, anions));
        Assert.Contains("cation site 5", e.Message);
        Assert.Contains("Vac, Li, Mn, Ti", e.Message);
        Assert.Throws<ArgumentException>(() => evaluator.SwapDelta(cations, anions, Sublattice.Cation, 5, 6));
    }

    [Fact]
    public void Hop_and_swap_deltas_do_not_allocate()
    {
        var chemistry = MulticomponentData.LiMnNbTiOFCl;
        var cell = RockSaltSupercell.Cubic(4, TestConfigurations.A);
        var evaluator = new CeEvaluator(MulticomponentData.RandomModel(MulticomponentData.Space(chemistry), 4), cell);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, new Random(1), vacancy: 0.3);
        var hops = new List<(int, int)>();
        for (int i = 0; i < cations.Length && hops.Count < 50; i++)
            foreach (int j in cell.CationNeighbors(i))
                if (cations[i] != Chemistry.Vacancy && cations[j] == Chemistry.Vacancy) hops.Add((i, j));
        double Run()
        {
            double sum = 0;
            foreach (var (i, j) in hops)
            {
                sum += evaluator.HopDelta(cations, anions, i, j);
                sum += evaluator.SwapDelta(cations, anions, Sublattice.Anion, i, j);
                sum += evaluator.SwapDelta(cations, anions, Sublattice.Cation, i, (i + 7) % cations.Length);
            }
            return sum;
        }
        Run(); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        double total = Run();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(total));
    }

    /// <summary>Kinds: NN hop of any cation, hop to any vacancy, cation swap, anion swap.</summary>
    private static (Sublattice Sublattice, int I, int J, bool Hop) NextMove(Random rng, RockSaltSupercell cell, byte[] cations)
    {
        int kind = rng.Next(4);
        if (kind <= 1)
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int from = rng.Next(cations.Length);
                if (cations[from] == Chemistry.Vacancy) continue;
                int to = kind == 0 ? cell.CationNeighbor(from, rng.Next(12)) : rng.Next(cations.Length);
                if (cations[to] == Chemistry.Vacancy) return (Sublattice.Cation, from, to, true);
            }
        var sublattice = kind == 3 ? Sublattice.Anion : Sublattice.Cation;
        int n = sublattice == Sublattice.Cation ? cell.CationCount : cell.AnionCount;
        return (sublattice, rng.Next(n), rng.Next(n), false);
    }
}
