using Pipeline.Abstractions;
using Pipeline.Fitting.Stages;

namespace Pipeline.Fitting.Tests.Support;

/// <summary>A features table with known linear barriers: integer site counts as descriptors 1-10, a continuous
/// delta_e, e_kra and e_forward linear in them plus seeded Gaussian noise, and a path label decided by
/// gate_tm_up - gate_tm_down so that a classifier can learn it.</summary>
public static class SyntheticFeatures
{
    public const double KraIntercept = 0.30;
    public static readonly double[] KraCoefficients = [0.12, 0.10, -0.04, -0.03, 0.05, 0.02, 0.0, 0.0, 0.03, 0.0];

    public static Table Create(int rows, int seed, double noise)
    {
        var rng = new Random(seed);
        var names = DescriptorNames.All;
        var columns = names.Select(_ => new double[rows]).ToArray();
        var eKra = new double[rows];
        var eForward = new double[rows];
        var labels = new string[rows];
        var x = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < 10; j++)
                columns[j][i] = rng.Next(0, 4);
            columns[10][i] = rng.NextDouble() * 0.4 - 0.2;
            double kra = KraIntercept;
            for (int j = 0; j < 10; j++)
                kra += KraCoefficients[j] * columns[j][i];
            eKra[i] = kra + noise * Gaussian(rng);
            eForward[i] = kra + 0.5 * columns[10][i] + noise * Gaussian(rng);
            double d = columns[0][i] - columns[1][i];
            labels[i] = d > 0.5 ? "up" : d < -0.5 ? "down" : "straight";
            x[i] = rng.Next(0, 4) * 0.25;
        }
        var table = names.Select((n, j) => Column.Of(n, columns[j])).ToList();
        table.Add(Column.Of("calc_id", Enumerable.Range(0, rows).Select(i => $"neb/hop_{i:D4}").ToArray()));
        table.Add(Column.Of("path_label", labels));
        table.Add(Column.Of("e_kra", eKra));
        table.Add(Column.Of("e_forward", eForward));
        table.Add(Column.Of("x", x));
        return new Table(table);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
