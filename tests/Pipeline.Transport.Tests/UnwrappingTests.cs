using System.Globalization;
using System.Text;
using Pipeline.Trajectories.Readers;
using Pipeline.Transport.Tests.Support;
using Pipeline.Transport.Unwrapping;

namespace Pipeline.Transport.Tests;

/// <summary>Unwrapping against trajectories whose true displacements are known: atoms take random steps (up to a
/// quarter of the shortest cell edge) in a cell that stretches, shears and shrinks from frame to frame; the stored
/// positions are wrapped into [0, 1) of the current cell, as VASP writes them. The unwrapped path must be the sum
/// of the true steps, whatever number of boundary crossings.</summary>
public class UnwrappingTests
{
    private sealed record Walk(double[][] Cells, double[][] Wrapped, double[][] TrueCartesian);

    /// <summary>Steps are defined in fractional coordinates of the current cell and converted to Cartesian with it
    /// (the convention the unwrapper documents: a fractional standstill is no displacement).</summary>
    private static Walk Generate(int atoms, int frames, int seed)
    {
        var random = new Random(seed);
        var cells = new double[frames][];
        var wrapped = new double[frames][];
        var truth = new double[frames][];
        var f = new double[3 * atoms];
        for (int i = 0; i < f.Length; i++) f[i] = random.NextDouble();
        for (int t = 0; t < frames; t++)
        {
            double s = 1 + 0.08 * Math.Sin(t / 37.0), shear = 0.6 * Math.Sin(t / 53.0);
            var cell = new[] { 6.0 * s, 0, 0, shear, 7.0 * (2 - s), 0, 0.3, -0.4 * shear, 5.5 + 0.2 * Math.Cos(t / 11.0) };
            cells[t] = cell;
            var r = new double[3 * atoms];
            if (t == 0)
            {
                for (int i = 0; i < f.Length; i += 3) Cartesian(f, i, cell, r);
            }
            else
            {
                for (int i = 0; i < f.Length; i += 3)
                {
                    double d0 = (random.NextDouble() - 0.5) * 0.5, d1 = (random.NextDouble() - 0.5) * 0.5, d2 = (random.NextDouble() - 0.5) * 0.5;
                    f[i] += d0; f[i + 1] += d1; f[i + 2] += d2;
                    var step = new double[3];
                    Cartesian([d0, d1, d2], 0, cell, step);
                    for (int c = 0; c < 3; c++) r[i + c] = truth[t - 1][i + c] + step[c];
                }
            }
            truth[t] = r;
            wrapped[t] = f.Select(v => v - Math.Floor(v)).ToArray();
        }
        return new Walk(cells, wrapped, truth);
    }

    private static void Cartesian(double[] f, int i, double[] cell, double[] into)
    {
        int o = into.Length == 3 ? 0 : i;
        into[o] = f[i] * cell[0] + f[i + 1] * cell[3] + f[i + 2] * cell[6];
        into[o + 1] = f[i] * cell[1] + f[i + 1] * cell[4] + f[i + 2] * cell[7];
        into[o + 2] = f[i] * cell[2] + f[i + 1] * cell[5] + f[i + 2] * cell[8];
    }

    [Fact]
    public void Unwrapping_in_a_changing_cell_recovers_the_true_path_over_many_crossings()
    {
        var walk = Generate(atoms: 6, frames: 5000, seed: 7);
        var unwrapper = new PeriodicUnwrapper(6);
        double maxError = 0;
        for (int t = 0; t < walk.Cells.Length; t++)
        {
            unwrapper.Step(walk.Wrapped[t], walk.Cells[t]);
            for (int i = 0; i < 18; i++) maxError = Math.Max(maxError, Math.Abs(unwrapper.Positions[i] - walk.TrueCartesian[t][i]));
        }
        Assert.True(maxError < 1e-9, $"max deviation {maxError} A");
        // The walk really crossed boundaries: each atom is many cells away from its start.
        double travelled = Math.Abs(walk.TrueCartesian[^1][0] - walk.TrueCartesian[0][0]);
        Assert.True(travelled > 12, $"atom 0 travelled only {travelled} A in x");
    }

    [Fact]
    public void A_variable_cell_xdatcar_round_trip_unwraps_to_the_true_path()
    {
        var walk = Generate(atoms: 4, frames: 2000, seed: 3);
        using var dir = new TempDir();
        var path = dir.File("XDATCAR");
        var text = new StringBuilder();
        for (int t = 0; t < walk.Cells.Length; t++)
        {
            text.Append("npt run\n           1\n");
            for (int r = 0; r < 3; r++)
                text.Append(string.Create(CultureInfo.InvariantCulture, $"  {walk.Cells[t][3 * r]:F12}  {walk.Cells[t][3 * r + 1]:F12}  {walk.Cells[t][3 * r + 2]:F12}\n"));
            text.Append("   Li   O\n     3     1\n").Append(CultureInfo.InvariantCulture, $"Direct configuration= {t + 1,5}\n");
            for (int i = 0; i < 12; i += 3)
                text.Append(string.Create(CultureInfo.InvariantCulture, $"  {walk.Wrapped[t][i]:F12}  {walk.Wrapped[t][i + 1]:F12}  {walk.Wrapped[t][i + 2]:F12}\n"));
        }
        File.WriteAllText(path, text.ToString());
        using var reader = new XdatcarReader(path);
        var frame = new TrajectoryFrame(4);
        var unwrapper = new PeriodicUnwrapper(4);
        int n = 0;
        double maxError = 0;
        while (reader.TryRead(frame))
        {
            unwrapper.Step(frame.Fractional, frame.Cell);
            for (int i = 0; i < 12; i++) maxError = Math.Max(maxError, Math.Abs(unwrapper.Positions[i] - walk.TrueCartesian[n][i]));
            n++;
        }
        Assert.Equal(2000, n);
        // 12 printed decimals: rounding of 1e-12 per coordinate, accumulated over 2000 steps of up to ~10 A cells.
        Assert.True(maxError < 1e-7, $"max deviation {maxError} A");
    }
}
