using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

/// <summary>Li-Mn-Ti-O-F configurations made from Li-V-O-F ones by relabelling: every V becomes Mn or Ti (at random),
/// O and F keep their roles. Codes: Vac 0, Li 1, Mn 2, Ti 3, O 4, F 5 (Li-V-O-F: Vac 0, Li 1, V 2, O 3, F 4).</summary>
internal static class MultiCation
{
    public static Chemistry LiMnTiOF { get; } = new("Li", ["Mn", "Ti"], ["O", "F"], "F");

    public const byte Mn = 2, Ti = 3;

    /// <summary>The Li-V-O-F lattice with each V turned into Mn or Ti (probability <paramref name="tiFraction"/> of Ti).</summary>
    public static KmcLattice Relabel(KmcLattice liVOF, ulong seed, double tiFraction = 0.5)
    {
        var (cations, anions) = RelabelArrays(liVOF.Cations, liVOF.Anions, seed, tiFraction);
        return new KmcLattice(liVOF.Cell, cations, anions, LiMnTiOF);
    }

    public static (byte[] Cations, byte[] Anions) RelabelArrays(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, ulong seed,
        double tiFraction = 0.5)
    {
        var rng = new Xoshiro256(seed);
        var c = cations.ToArray();
        for (int i = 0; i < c.Length; i++)
            if (c[i] == (byte)Species.V) c[i] = rng.NextDouble() < tiFraction ? Ti : Mn;
        var a = anions.ToArray();
        for (int j = 0; j < a.Length; j++) a[j] = a[j] == (byte)Species.O ? (byte)4 : (byte)5;
        return (c, a);
    }

    /// <summary>Mn and Ti back to V: the Li-V-O-F cation codes of a relabelled configuration.</summary>
    public static byte[] AsVanadium(ReadOnlySpan<byte> cations)
    {
        var c = cations.ToArray();
        for (int i = 0; i < c.Length; i++)
            if (c[i] >= Mn) c[i] = (byte)Species.V;
        return c;
    }

    /// <summary>A random symmetric k x k pair matrix (eV) over cation codes.</summary>
    public static double[,] RandomShell(Random rng, int k, double scale = 0.1)
    {
        var j = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++)
                j[a, b] = j[b, a] = scale * (2 * rng.NextDouble() - 1);
        return j;
    }

    /// <summary>The 3 x 3 Li-V-O-F matrix widened to (Vac, Li, Mn, Ti) with Mn and Ti both playing V.</summary>
    public static double[,] SplitV(double[,] j)
    {
        int[] map = [0, 1, 2, 2];
        var w = new double[4, 4];
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                w[a, b] = j[map[a], map[b]];
        return w;
    }
}
