using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.Fitting.Tests.Support;

/// <summary>A features table of the element descriptor set of Li-Mn-Ti-Nb-O-F as featurize writes it (footer
/// included), with barriers linear in planted per-element coefficients plus seeded Gaussian noise: each TM element
/// has its own gate effect, so a fit that could not tell them apart would fail the recovery tests.</summary>
public static class ElementFeatures
{
    public static readonly Chemistry Chemistry = new("Li", ["Mn", "Ti", "Nb"], ["O", "F"]);
    public static readonly DescriptorSet Set = DescriptorSet.Create(DescriptorSet.ElementResolved, Chemistry);
    public const double Intercept = 0.35;
    public const double DeltaECoefficient = 0.5;

    /// <summary>Planted KRA coefficients (eV per count); every other descriptor has 0.</summary>
    public static readonly IReadOnlyDictionary<string, double> Planted = new Dictionary<string, double>
    {
        ["gate_Mn_up"] = 0.12, ["gate_Ti_up"] = 0.04, ["gate_Nb_up"] = 0.22,
        ["gate_Mn_down"] = 0.03, ["gate_Nb_down"] = 0.06,
        ["gate_li_up"] = -0.05, ["apex_F_up"] = 0.05, ["nn_Mn_initial"] = 0.02, ["nn_Ti_final"] = -0.02,
    };

    public static Table Create(int rows, int seed, double noise)
    {
        var rng = new Random(seed);
        var names = Set.Names;
        var columns = names.Select(_ => new double[rows]).ToArray();
        var eKra = new double[rows];
        var eForward = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < Set.KraCount; j++) columns[j][i] = rng.Next(0, 3);
            columns[Set.KraCount][i] = rng.NextDouble() * 0.4 - 0.2;
            double kra = Intercept;
            for (int j = 0; j < Set.KraCount; j++) kra += Planted.GetValueOrDefault(names[j]) * columns[j][i];
            eKra[i] = kra + noise * Gaussian(rng);
            eForward[i] = kra + DeltaECoefficient * columns[Set.KraCount][i] + noise * Gaussian(rng);
        }
        var list = new List<Column> { Column.Of("calc_id", Enumerable.Range(0, rows).Select(i => $"neb/hop_{i:D4}").ToArray()) };
        list.AddRange(names.Select((n, j) => Column.Of(n, columns[j])));
        list.Add(Column.Of("path_label", Enumerable.Range(0, rows).Select(i => (i % 3) switch { 0 => "up", 1 => "down", _ => "straight" }).ToArray()));
        list.Add(Column.Of("e_kra", eKra));
        list.Add(Column.Of("e_forward", eForward));
        var table = new Table(list);
        FeaturesContract.WriteFooter(table, Set);
        return table;
    }

    /// <summary>truth.yaml keyed by the element set's names, as the multi-TM synthesizer writes it.</summary>
    public static string TruthYaml()
    {
        string Coefs(bool forward) => string.Join("\n", Set.Names.Select(n =>
            $"    {n}: {(n == DescriptorSet.DeltaE ? (forward ? DeltaECoefficient : 0) : Planted.GetValueOrDefault(n)).ToString(CultureInfo.InvariantCulture)}"
        ).Where(l => forward || !l.TrimStart().StartsWith(DescriptorSet.DeltaE, StringComparison.Ordinal)));
        string b = Intercept.ToString(CultureInfo.InvariantCulture);
        return $"kra_linear:\n  intercept: {b}\n  coefficients:\n{Coefs(false)}\nforward_linear:\n  intercept: {b}\n  coefficients:\n{Coefs(true)}\n";
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
