using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>Chemistries with more species than Li-V-O-F, random configurations and random models on them.</summary>
internal static class MulticomponentData
{
    /// <summary>Cations Vac, Li, Mn, Ti (M = 4); anions O, F (M = 2).</summary>
    public static readonly Chemistry LiMnTiOF = new("Li", ["Mn", "Ti"], ["O", "F"]);

    /// <summary>Cations Vac, Li, Mn, Nb, Ti (M = 5); anions O, F, Cl (M = 3): odd M on both sublattices.</summary>
    public static readonly Chemistry LiMnNbTiOFCl = new("Li", ["Mn", "Nb", "Ti"], ["O", "F", "Cl"]);

    public static Chemistry Named(string name) => name switch
    {
        "LiMnTiOF" => LiMnTiOF,
        "LiMnNbTiOFCl" => LiMnNbTiOFCl,
        _ => throw new ArgumentException($"unknown test chemistry '{name}'"),
    };

    private static readonly Dictionary<(string, string), ClusterSpace> s_spaces = new();

    /// <summary>The default cutoffs (pairs to 1.45 a, triplets and quadruplets within NN) for a chemistry, built once.</summary>
    public static ClusterSpace Space(Chemistry chemistry, double[]? cutoffs = null)
    {
        cutoffs ??= TestConfigurations.DefaultCutoffs;
        var key = (chemistry.ToString(), string.Join(",", cutoffs));
        lock (s_spaces)
        {
            if (!s_spaces.TryGetValue(key, out var space)) s_spaces[key] = space = ClusterSpace.Generate(cutoffs, chemistry);
            return space;
        }
    }

    /// <summary>Every correlation function gets a random ECI in [-50, 50] meV.</summary>
    public static CeModel RandomModel(ClusterSpace space, int seed) => TestConfigurations.RandomModel(space, seed);

    /// <summary>Each cation site a vacancy with probability <paramref name="vacancy"/>, otherwise a uniformly drawn
    /// cation (mobile ion or other); each anion site uniformly one of the anions.</summary>
    public static (byte[] Cations, byte[] Anions) Random(Chemistry chemistry, RockSaltSupercell cell, Random rng, double vacancy = 0.2)
    {
        var cations = new byte[cell.CationCount];
        var anions = new byte[cell.AnionCount];
        for (int i = 0; i < cations.Length; i++)
            cations[i] = rng.NextDouble() < vacancy ? Chemistry.Vacancy : (byte)(1 + rng.Next(chemistry.CationSpeciesCount - 1));
        for (int j = 0; j < anions.Length; j++)
            anions[j] = (byte)(chemistry.FirstAnion + rng.Next(chemistry.AnionSpeciesCount));
        return (cations, anions);
    }
}
