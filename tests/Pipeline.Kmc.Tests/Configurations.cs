using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

/// <summary>Hand-built configurations for the oracle tests.</summary>
internal static class Configurations
{
    public const double A = 4.1;

    /// <summary>Cubic(L) with the given cation species counts shuffled by the seed; anions all O.</summary>
    public static KmcLattice Random(int l, int li, int v, ulong seed)
    {
        var cell = RockSaltSupercell.Cubic(l, A);
        var cations = new byte[cell.CationCount];
        cations.AsSpan(0, li).Fill((byte)Species.Li);
        cations.AsSpan(li, v).Fill((byte)Species.V);
        new Xoshiro256(seed).Shuffle<byte>(cations);
        var anions = Enumerable.Repeat((byte)Species.O, cell.AnionCount).ToArray();
        return new KmcLattice(cell, cations, anions);
    }

    /// <summary>Li(2-x)VO2F-like: random Li, V, vacancies and random O/F.</summary>
    public static KmcLattice Drs(int l, double x, ulong seed)
    {
        var cell = RockSaltSupercell.Cubic(l, A);
        var comp = KmcComposition.For(RockSaltFormula.LiVOF, x, cell.CationCount, cell.AnionCount);
        var (c, a) = StartingConfiguration.Random(comp, new Xoshiro256(seed));
        return new KmcLattice(cell, c, a);
    }

    public static double Volume(KmcLattice lattice) => Math.Pow(lattice.Cell.T1.X * A / 2, 3);
}
