using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Geometry;

/// <summary>The atoms of one configuration in POSCAR order: grouped by species in code order (mobile ion, the other
/// cations, the anions: Li, V, O, F for Li-V-O-F, Li, Mn, Ti, O, F for Li-Mn-Ti-O-F; vacancies are simply absent),
/// ascending site index within a species. Every image of a NEB uses the initial configuration's layout, so the
/// moving Li keeps its atom index.</summary>
internal sealed class AtomLayout
{
    private AtomLayout(string[] symbols, int[] counts, Int3[] sites, byte[] species)
    {
        TypeSymbols = symbols;
        Counts = counts;
        Sites = sites;
        AtomSpecies = species;
    }

    /// <summary>Element symbol per atom type present.</summary>
    public string[] TypeSymbols { get; }

    /// <summary>Atoms per type (the POSCAR counts line).</summary>
    public int[] Counts { get; }

    /// <summary>Ideal site of each atom (units of a/2, inside the reference cell).</summary>
    public Int3[] Sites { get; }

    /// <summary>Species code of each atom.</summary>
    public byte[] AtomSpecies { get; }

    public int Count => Sites.Length;

    /// <param name="chemistry">The species the codes belong to; Li-V-O-F when null.</param>
    public static AtomLayout For(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions,
        Chemistry? chemistry = null)
    {
        chemistry ??= Chemistry.LiVOF;
        var symbols = new List<string>();
        var counts = new List<int>();
        var sites = new List<Int3>();
        var species = new List<byte>();
        for (byte s = Chemistry.Mobile; s < chemistry.CodeCount; s++)
        {
            bool cation = chemistry.IsCation(s);
            var config = cation ? cations : anions;
            int n = 0;
            for (int i = 0; i < config.Length; i++)
            {
                if (config[i] != s) continue;
                sites.Add(cation ? cell.CationPosition(i) : cell.AnionPosition(i));
                species.Add(s);
                n++;
            }
            if (n == 0) continue;
            symbols.Add(chemistry.Symbol(s));
            counts.Add(n);
        }
        return new AtomLayout(symbols.ToArray(), counts.ToArray(), sites.ToArray(), species.ToArray());
    }

    /// <summary>Atom index of the cation at <paramref name="site"/>.</summary>
    public int IndexOf(Int3 site)
    {
        int i = Array.IndexOf(Sites, site);
        return i >= 0 ? i : throw new ArgumentException($"no atom on site {site}");
    }
}
