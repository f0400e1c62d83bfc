using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Species per sublattice of a chemistry: M on the cation sublattice (vacancy, mobile ion, other cations)
/// and on the anion sublattice. Site variables are sigma = code on cations and code - <see cref="Cation"/> on anions
/// (the first anion code equals the number of cation species). Cluster codes are radix <see cref="Radix"/> =
/// max(M_cation, M_anion) in the site order (code = sum sigma_i R^i): Li-V-O-F has R = 3, the codes it always had.</summary>
public readonly record struct SpeciesCounts(int Cation, int Anion)
{
    public static SpeciesCounts LiVOF { get; } = new(3, 2);

    public static SpeciesCounts Of(Chemistry chemistry) => new(chemistry.CationSpeciesCount, chemistry.AnionSpeciesCount);

    public int this[Sublattice s] => s == Sublattice.Cation ? Cation : Anion;

    public int Radix => Math.Max(Cation, Anion);

    /// <summary>Transitions a -> b of one site (Radix^2): the stride of the other sites in a delta block.</summary>
    public int Transitions => Radix * Radix;

    /// <summary>Radix^order: the codes of an order-site cluster.</summary>
    public int CodeCount(int order)
    {
        long p = 1;
        for (int k = 0; k < order; k++) p *= Radix;
        return p > Array.MaxLength ? throw new ArgumentException($"{order}-site clusters with {Radix} species per site have too many codes") : (int)p;
    }

    /// <summary>Offset of a sublattice's codes: site variable = code - Shift.</summary>
    public int Shift(Sublattice s) => s == Sublattice.Cation ? 0 : Cation;
}
