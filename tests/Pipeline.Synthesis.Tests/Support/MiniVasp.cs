using System.Globalization;
using System.IO.Compression;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>Minimal, independent readers for what the tests check: a VASP 5 POSCAR and the last energy(sigma->0)
/// of an OUTCAR.</summary>
public static class MiniVasp
{
    public sealed record Structure(double[] Lattice, string[] Species, double[] Frac);

    public static Structure ReadPoscar(string path)
    {
        var lines = File.ReadAllLines(path);
        double scale = double.Parse(lines[1].Trim(), CultureInfo.InvariantCulture);
        var lattice = new double[9];
        for (int r = 0; r < 3; r++)
        {
            var p = Numbers(lines[2 + r]);
            for (int c = 0; c < 3; c++) lattice[r * 3 + c] = p[c] * scale;
        }
        var symbols = lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var counts = lines[6].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        if (!lines[7].Trim().StartsWith('D')) throw new FormatException($"{path}: expected Direct coordinates");
        var species = symbols.SelectMany((s, t) => Enumerable.Repeat(s, counts[t])).ToArray();
        var frac = new double[species.Length * 3];
        for (int i = 0; i < species.Length; i++)
        {
            var p = Numbers(lines[8 + i]);
            frac[i * 3] = p[0]; frac[i * 3 + 1] = p[1]; frac[i * 3 + 2] = p[2];
        }
        return new Structure(lattice, species, frac);
    }

    /// <summary>All OUTCAR lines (plain or gzipped).</summary>
    public static string[] OutcarLines(string imageDirectory)
    {
        var plain = Path.Combine(imageDirectory, "OUTCAR");
        if (File.Exists(plain)) return File.ReadAllLines(plain);
        using var gz = new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>energy(sigma->0) of the last "energy  without entropy=" line (the last ionic step).</summary>
    public static double LastEnergy(string imageDirectory)
    {
        var line = OutcarLines(imageDirectory).Last(l => l.StartsWith("  energy  without entropy=", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf('=') + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    public static double[] Cartesian(Structure s, int atom)
    {
        var r = new double[3];
        for (int c = 0; c < 3; c++)
            for (int k = 0; k < 3; k++) r[c] += s.Frac[atom * 3 + k] * s.Lattice[k * 3 + c];
        return r;
    }

    private static double[] Numbers(string line)
        => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
}
