using System.Globalization;
using System.Text;

namespace Pipeline.Vasp.Tests.Support;

/// <summary>A small NEB folder (cubic cell, three atoms Li, O, V; Li hops along x) written in VASP layout:
/// INCAR with IMAGES, KPOINTS, 00..NN with POSCAR, CONTCAR (intermediates) and OUTCAR. Images are linear
/// interpolations of <see cref="FracInitial"/> and <see cref="FracFinal"/>.</summary>
public sealed class SyntheticNeb
{
    public double[] Energies { get; init; } = [-10.0, -9.8, -9.5, -9.7, -9.9];
    public double Cell { get; init; } = 5.0;
    public string[] Types { get; init; } = ["Li", "O", "V"];
    public int[] Counts { get; init; } = [1, 1, 1];
    public double[] FracInitial { get; init; } = [0.1, 0.25, 0.25, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25];
    public double[] FracFinal { get; init; } = [0.5, 0.25, 0.25, 0.75, 0.75, 0.75, 0.25, 0.75, 0.25];
    public bool Gzip { get; init; }
    public string? LClimb { get; init; }

    public int ImageCount => Energies.Length;

    public static string Folder(int k) => k.ToString("D2", CultureInfo.InvariantCulture);

    public double[] Frac(int k)
    {
        double t = k / (double)(ImageCount - 1);
        return FracInitial.Zip(FracFinal, (a, b) => a + t * (b - a)).ToArray();
    }

    /// <summary>The OUTCAR of image k (tests may alter it and write it back).</summary>
    public SyntheticOutcar OutcarFor(int k)
    {
        var cart = Frac(k).Select(f => f * Cell).ToArray();
        var forces = Enumerable.Range(0, cart.Length).Select(i => 0.01 * ((i % 3) + 1) * (k + 1)).ToArray();
        bool intermediate = k > 0 && k < ImageCount - 1;
        return new SyntheticOutcar
        {
            Types = Types,
            Counts = Counts,
            Lattice = [Cell, 0, 0, 0, Cell, 0, 0, 0, Cell],
            Steps =
            [
                new SyntheticStep(Energies[k] + 0.05, cart, forces.Select(f => 5 * f).ToArray(), Tangent: intermediate ? 0.5 : null),
                new SyntheticStep(Energies[k], cart, forces, Tangent: intermediate ? -0.01 * k : null),
            ],
        };
    }

    public string PoscarText(int k, bool speciesLine = true)
    {
        var s = new StringBuilder();
        s.AppendLine($"synthetic image {k}");
        s.AppendLine("   1.0000000000000000");
        s.AppendLine($"     {Cell:F10}    0.0000000000    0.0000000000");
        s.AppendLine($"     0.0000000000    {Cell:F10}    0.0000000000");
        s.AppendLine($"     0.0000000000    0.0000000000    {Cell:F10}");
        if (speciesLine)
            s.AppendLine("   " + string.Join("   ", Types));
        s.AppendLine("   " + string.Join("   ", Counts));
        s.AppendLine("Direct");
        var f = Frac(k);
        for (int a = 0; a < f.Length / 3; a++)
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {f[3 * a]:F16}  {f[3 * a + 1]:F16}  {f[3 * a + 2]:F16}"));
        return s.ToString();
    }

    public void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        var incar = new StringBuilder("SYSTEM = synthetic NEB\nIBRION = 3 ; POTIM = 0\nIMAGES = " + (ImageCount - 2) + "\nEDIFFG = -0.02\n");
        if (LClimb is not null)
            incar.Append("LCLIMB = ").Append(LClimb).Append('\n');
        File.WriteAllText(Path.Combine(dir, "INCAR"), incar.ToString());
        File.WriteAllText(Path.Combine(dir, "KPOINTS"), "Gamma\n0\nGamma\n1 1 1\n");
        for (int k = 0; k < ImageCount; k++)
        {
            var image = Path.Combine(dir, Folder(k));
            Directory.CreateDirectory(image);
            File.WriteAllText(Path.Combine(image, "POSCAR"), PoscarText(k));
            if (k > 0 && k < ImageCount - 1)
                File.WriteAllText(Path.Combine(image, "CONTCAR"), PoscarText(k));
            OutcarFor(k).Write(Path.Combine(image, Gzip ? "OUTCAR.gz" : "OUTCAR"), Gzip);
        }
    }

    /// <summary>A single-point folder (OUTCAR + CONTCAR) holding image <paramref name="k"/>'s geometry and energy.</summary>
    public void WriteSinglePoint(string dir, int k)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "CONTCAR"), PoscarText(k));
        OutcarFor(k).Write(Path.Combine(dir, "OUTCAR"));
    }
}
