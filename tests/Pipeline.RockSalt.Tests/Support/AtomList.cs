using Pipeline.RockSalt;

namespace Pipeline.RockSalt.Tests.Support;

/// <summary>The atoms of a configuration: symbol, ideal position (units of a/2) and true site (cation index, or
/// ~anion index). Cations come first in site order, then anions; <see cref="Shuffled"/> reorders them.</summary>
public sealed record AtomList(string[] Species, Vec3[] Positions, int[] Sites)
{
    public int Count => Species.Length;

    public static AtomList Of(RockSaltSupercell cell, byte[] cations, byte[] anions)
    {
        var species = new List<string>();
        var positions = new List<Vec3>();
        var sites = new List<int>();
        for (int i = 0; i < cations.Length; i++)
        {
            if (cations[i] == (byte)Pipeline.RockSalt.Species.Vac) continue;
            species.Add(SpeciesInfo.Symbol((Species)cations[i]));
            positions.Add(cell.CationPosition(i));
            sites.Add(i);
        }
        for (int j = 0; j < anions.Length; j++)
        {
            species.Add(SpeciesInfo.Symbol((Species)anions[j]));
            positions.Add(cell.AnionPosition(j));
            sites.Add(~j);
        }
        return new AtomList(species.ToArray(), positions.ToArray(), sites.ToArray());
    }

    /// <summary>The same atoms in a random order; <paramref name="order"/>[k] is the old index of new atom k.</summary>
    public AtomList Shuffled(Random rng, out int[] order)
    {
        order = Enumerable.Range(0, Count).ToArray();
        rng.Shuffle(order);
        var o = order;
        return new AtomList(o.Select(k => Species[k]).ToArray(), o.Select(k => Positions[k]).ToArray(), o.Select(k => Sites[k]).ToArray());
    }

    /// <summary>Index of the atom on cation site <paramref name="cation"/>.</summary>
    public int AtomOnCation(int cation) => Array.IndexOf(Sites, cation);

    public AtomList WithPosition(int atom, Vec3 position)
    {
        var positions = (Vec3[])Positions.Clone();
        positions[atom] = position;
        return this with { Positions = positions };
    }
}
