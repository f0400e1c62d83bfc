using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>Canonical Metropolis MC with swaps among all cation species (vacancy, Li, Mn, Ti) and among the anion
/// species, against the exact canonical average by enumeration of every arrangement of a tiny cell.</summary>
public class MulticomponentMonteCarloTests
{
    [Fact]
    public void Metropolis_average_energy_matches_exact_enumeration_over_all_cation_and_anion_arrangements()
    {
        var chemistry = MulticomponentData.LiMnTiOF;
        var cell = RockSaltSupercell.Primitive(2, 2, 2, TestConfigurations.A); // 8 cation and 8 anion sites
        var space = ClusterSpace.Generate([0.75], chemistry);
        var evaluator = new CeEvaluator(MulticomponentData.RandomModel(space, 21), cell);
        byte[] cations = [0, 0, 1, 1, 2, 2, 3, 3];     // 2 Vac, 2 Li, 2 Mn, 2 Ti
        byte[] anions = [4, 4, 4, 4, 4, 4, 5, 5];      // 6 O, 2 F
        const double temperature = 2000;
        double beta = 1 / (CanonicalMonteCarlo.BoltzmannEvPerK * temperature);

        // Exact: every distinct arrangement (8!/2^4 = 2520 cation times 28 anion arrangements).
        var cationArrangements = Arrangements(cations).ToList();
        var anionArrangements = Arrangements(anions).ToList();
        Assert.Equal(2520, cationArrangements.Count);
        Assert.Equal(28, anionArrangements.Count);
        var energies = new List<double>();
        foreach (var c in cationArrangements)
            foreach (var a in anionArrangements)
                energies.Add(evaluator.TotalEnergy(c, a));
        double eMin = energies.Min();
        double z = energies.Sum(e => Math.Exp(-beta * (e - eMin)));
        double exact = energies.Sum(e => e * Math.Exp(-beta * (e - eMin))) / z;

        var mc = new CanonicalMonteCarlo(evaluator, new MonteCarloOptions { EquilibrationSweeps = 200 });
        var result = mc.Run(cations, anions, temperature, 40200, new Random(9));
        var blocks = result.SweepEnergies.Chunk(2000).Select(b => b.Average()).ToArray();
        double se = Math.Sqrt(blocks.Select(m => (m - blocks.Average()) * (m - blocks.Average())).Sum() / (blocks.Length - 1) / blocks.Length);
        Assert.True(Math.Abs(result.MeanEnergy - exact) < 4 * se + 1e-6, $"MC {result.MeanEnergy:F5} +- {se:F5}, exact {exact:F5}");
        Assert.True(Math.Abs(exact - energies.Average()) > 8 * se, "temperature too high for the test to discriminate");
        // Canonical: the composition of both sublattices is kept.
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3], cations.Order().ToArray());
        Assert.Equal([4, 4, 4, 4, 4, 4, 5, 5], anions.Order().ToArray());
        Assert.Equal(evaluator.TotalEnergy(cations, anions), result.FinalEnergy);
    }

    [Fact]
    public void Mobile_codes_restrict_the_swaps_to_the_named_species()
    {
        var chemistry = MulticomponentData.LiMnTiOF;
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var evaluator = new CeEvaluator(MulticomponentData.RandomModel(MulticomponentData.Space(chemistry, [1.05]), 4), cell);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, new Random(6));
        var before = ((byte[])cations.Clone(), (byte[])anions.Clone());
        byte mn = chemistry.Code("Mn"), ti = chemistry.Code("Ti");
        var result = new CanonicalMonteCarlo(evaluator, new MonteCarloOptions { MobileCodes = new HashSet<byte> { mn, ti }, SwapAnions = false })
            .Run(cations, anions, 1000, 5, new Random(1));
        Assert.True(result.Accepted > 0);
        for (int i = 0; i < cations.Length; i++)
            if (before.Item1[i] is not 2 and not 3) Assert.Equal(before.Item1[i], cations[i]); // Vac and Li stay
        Assert.Equal(before.Item2, anions);
        Assert.NotEqual(before.Item1, cations);
    }

    /// <summary>Distinct permutations of a multiset, in lexicographic order.</summary>
    private static IEnumerable<byte[]> Arrangements(byte[] items)
    {
        var a = items.Order().ToArray();
        while (true)
        {
            yield return (byte[])a.Clone();
            int i = a.Length - 2;
            while (i >= 0 && a[i] >= a[i + 1]) i--;
            if (i < 0) yield break;
            int j = a.Length - 1;
            while (a[j] <= a[i]) j--;
            (a[i], a[j]) = (a[j], a[i]);
            Array.Reverse(a, i + 1, a.Length - i - 1);
        }
    }
}
