using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>An independent, minimal lattice mapping for the tests: the lattice constant from the volume and the site
/// count (anion sublattice full), translations rounded to units of a/2, each atom rounded to its nearest lattice
/// point. Enough for cells whose origin sits on a cation, as the synthetic ones do.</summary>
public sealed class MiniMapper
{
    public MiniMapper(MiniVasp.Structure s)
    {
        int anions = s.Species.Count(x => x is "O" or "F");
        double volume = Math.Abs(
            s.Lattice[0] * (s.Lattice[4] * s.Lattice[8] - s.Lattice[5] * s.Lattice[7])
            - s.Lattice[1] * (s.Lattice[3] * s.Lattice[8] - s.Lattice[5] * s.Lattice[6])
            + s.Lattice[2] * (s.Lattice[3] * s.Lattice[7] - s.Lattice[4] * s.Lattice[6]));
        A = 2 * Math.Cbrt(volume / (2 * anions));
        Int3 Row(int r) => new((int)Math.Round(s.Lattice[r * 3] / (A / 2)), (int)Math.Round(s.Lattice[r * 3 + 1] / (A / 2)),
            (int)Math.Round(s.Lattice[r * 3 + 2] / (A / 2)));
        Cell = new RockSaltSupercell(Row(0), Row(1), Row(2), A);
        Cations = new byte[Cell.CationCount];
        Anions = new byte[Cell.AnionCount];
        Points = new Int3[s.Species.Length];
        for (int i = 0; i < s.Species.Length; i++)
        {
            var p = Point(MiniVasp.Cartesian(s, i), out double deviation);
            if (deviation > 0.4) throw new InvalidOperationException($"atom {i} is {deviation:F2} A from every site");
            Points[i] = p;
            Assert.True(SpeciesInfo.TryParse(s.Species[i], out var sp));
            if (p.IsCationSite) Cations[Cell.CationIndex(p)] = (byte)sp;
            else Anions[Cell.AnionIndex(p)] = (byte)sp;
        }
    }

    public double A { get; }
    public RockSaltSupercell Cell { get; }
    public byte[] Cations { get; }
    public byte[] Anions { get; }
    /// <summary>Nearest lattice point of each atom (units of a/2, not reduced).</summary>
    public Int3[] Points { get; }

    public Int3 Point(double[] cartesian, out double deviation)
    {
        double h = A / 2;
        var p = new Int3((int)Math.Round(cartesian[0] / h), (int)Math.Round(cartesian[1] / h), (int)Math.Round(cartesian[2] / h));
        double dx = cartesian[0] - p.X * h, dy = cartesian[1] - p.Y * h, dz = cartesian[2] - p.Z * h;
        deviation = Math.Sqrt(dx * dx + dy * dy + dz * dz);
        return p;
    }
}
