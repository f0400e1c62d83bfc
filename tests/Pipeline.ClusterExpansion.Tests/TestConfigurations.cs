using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>Random configurations and shared models for the tests.</summary>
internal static class TestConfigurations
{
    public const double A = 4.1;

    /// <summary>Cations Vac/Li/V with probabilities (vac, li, 1 - vac - li); anions F with probability f.</summary>
    public static (byte[] Cations, byte[] Anions) Random(RockSaltSupercell cell, Random rng,
        double vacancy = 0.15, double lithium = 0.5, double fluorine = 0.35)
    {
        var cations = new byte[cell.CationCount];
        var anions = new byte[cell.AnionCount];
        for (int i = 0; i < cations.Length; i++)
        {
            double u = rng.NextDouble();
            cations[i] = (byte)(u < vacancy ? Species.Vac : u < vacancy + lithium ? Species.Li : Species.V);
        }
        for (int j = 0; j < anions.Length; j++)
            anions[j] = (byte)(rng.NextDouble() < fluorine ? Species.F : Species.O);
        return (cations, anions);
    }

    /// <summary>Every correlation function of the default cluster space gets a random ECI in [-50, 50] meV.</summary>
    public static CeModel RandomModel(ClusterSpace space, int seed)
    {
        var rng = new Random(seed);
        return new CeModel(space, A, -2.5, space.Functions.Select(_ => 0.1 * rng.NextDouble() - 0.05).ToArray());
    }

    public static readonly double[] DefaultCutoffs = [1.45, 0.75, 0.75];

    public static ClusterSpace DefaultSpace { get; } = ClusterSpace.Generate(DefaultCutoffs);

    /// <summary>The synthetic study's truth (same numbers as truth.yaml of the synthesize stage).</summary>
    public const string TruthYaml = """
        seed: 1
        ce:
          form: "E = sum_i point[s_i] + sum over pairs {i,j} of sites in a shell of energy(a = s_i, b = s_j)"
          point: {Li: -1.9, V: -9, Vac: 0, O: -7, F: -4.2}
          pairs:
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: Li, energy: 0.04}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: V, energy: 0.075}
            - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: V, b: V, energy: 0.11}
            - {shell: 2, sublattices: cation-cation, distance_a: 1, a: Li, b: Li, energy: 0.01}
            - {shell: 2, sublattices: cation-cation, distance_a: 1, a: Li, b: V, energy: 0.02}
            - {shell: 2, sublattices: cation-cation, distance_a: 1, a: V, b: V, energy: 0.045}
            - {shell: 1, sublattices: anion-anion, distance_a: 0.707107, a: O, b: O, energy: 0.03}
            - {shell: 1, sublattices: anion-anion, distance_a: 0.707107, a: O, b: F, energy: 0.01}
            - {shell: 1, sublattices: anion-anion, distance_a: 0.707107, a: F, b: F, energy: 0.04}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: Li, b: O, energy: -0.1}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: Li, b: F, energy: -0.16}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: V, b: O, energy: -0.15}
            - {shell: 1, sublattices: cation-anion, distance_a: 0.5, a: V, b: F, energy: -0.09}
        """;

    public static string WriteTemp(string text, string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ce-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
