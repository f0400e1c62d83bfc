using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.RockSalt;

[assembly: InternalsVisibleTo("Pipeline.ClusterExpansion.Tests")]

namespace Pipeline.ClusterExpansion;

/// <summary>Single-site flips and the pair term of a hop, for callers that cache per-site flip energies (the kMC).
/// A hop of species s from site f into the vacant site t is, in <see cref="HopDelta"/>, the flip of f from s to Vac
/// followed by the flip of t from Vac to s with f already vacant. <see cref="SiteFlipDelta"/> of t reads f as s
/// instead, so the two differ only in the clusters that contain both f and t: that difference is
/// <see cref="HopInteraction"/>, and HopDelta = SiteFlipDelta(f, Vac) + SiteFlipDelta(t, s) + HopInteraction
/// up to floating-point rounding.</summary>
public sealed partial class CeEvaluator
{
    /// <summary>Per nearest-neighbour direction (<see cref="HopGeometry.NeighborVectors"/> order, from "to" to
    /// "from"), the clusters containing both sites.</summary>
    private readonly HopPairEnvironment[] _hopPairs;

    /// <summary>Clusters visited by <see cref="HopInteraction"/> per nearest-neighbour direction (cost indicator).</summary>
    public IReadOnlyList<int> ClustersPerNeighbourPair => _hopPairs.Select(p => p.TemplateCount).ToArray();

    /// <summary>Energy change (eV) of putting <paramref name="species"/> (a cation code: Vac, mobile ion or another cation) on cation site
    /// <paramref name="site"/>, everything else unchanged; 0 when the site already holds it. One single-site pass;
    /// flipping back gives exactly the negative. Allocation-free.</summary>
    public double SiteFlipDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int site, byte species)
    {
        CheckLengths(cations, anions);
        CheckCationSite(cations, site, nameof(site));
        if (!Chemistry.IsCation(species))
            throw new ArgumentException(
                $"flip of cation site {site}: species code {species} is not a cation species of {Chemistry} (codes 0..{Chemistry.FirstAnion - 1})", nameof(species));
        byte current = cations[site];
        if (!Chemistry.IsCation(current)) ThrowBadSpecies(Sublattice.Cation, site);
        if (current == species) return 0.0;
        return SiteChange(_cation, site, current, species, cations, anions, shift: 0, overrideSite: -1, overrideSigma: 0);
    }

    /// <summary>The pair term C of a hop of the cation on <paramref name="from"/> into the vacant cation site
    /// <paramref name="to"/>: HopDelta(from, to) = SiteFlipDelta(from, Vac) + SiteFlipDelta(to, cations[from]) + C
    /// up to rounding. C sums, over the clusters that contain both sites, the change of the "to" flip when "from"
    /// is vacant instead of occupied. Allocation-free. For nearest neighbours it gathers the other sites of those
    /// clusters and reads one precombined table entry (or, for cluster spaces whose table would exceed
    /// <see cref="HopPairEnvironment.MaxTableCodes"/> codes, sums those clusters one by one; same value either way);
    /// for any other pair it takes two single-site passes over the "to" site.</summary>
    public double HopInteraction(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        int s = CheckedMovingSpecies(cations, anions, from, to);
        int direction = Cell.CationNeighbors(to).IndexOf(from);
        return direction >= 0
            ? NeighbourInteraction(_hopPairs[direction], cations, anions, to, s)
            : AnyPairInteraction(cations, anions, from, to, s);
    }

    /// <summary><see cref="HopInteraction(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, int)"/> for a nearest-neighbour
    /// hop whose direction the caller knows: <paramref name="from"/> is the neighbour of <paramref name="to"/> along
    /// <see cref="HopGeometry.NeighborVectors"/>[<paramref name="direction"/>], which the caller guarantees (checked in
    /// debug builds only). Saves the neighbour search.</summary>
    public double HopInteraction(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to, int direction)
    {
        int s = CheckedMovingSpecies(cations, anions, from, to);
        if ((uint)direction >= 12) throw new ArgumentOutOfRangeException(nameof(direction), direction, "a NN direction is 0..11");
        // Checking the pair against the neighbour table would cost a cache miss per call in a 10^6-site cell, more
        // than the interaction itself: the caller derives both sites from one index and one direction.
        System.Diagnostics.Debug.Assert(Cell.CationNeighbor(to, direction) == from, $"site {from} is not the neighbour of {to} along {direction}");
        return NeighbourInteraction(_hopPairs[direction], cations, anions, to, s);
    }

    /// <summary>Validates a hop of the cation on <paramref name="from"/> into the vacant <paramref name="to"/> and returns
    /// the moving species.</summary>
    private int CheckedMovingSpecies(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        CheckLengths(cations, anions);
        CheckCationSite(cations, from, nameof(from));
        CheckCationSite(cations, to, nameof(to));
        if (cations[to] != Chemistry.Vacancy || cations[from] == Chemistry.Vacancy)
            ThrowBadHop(cations, from, to);
        int s = cations[from];
        if (!Chemistry.IsCation((byte)s)) ThrowBadSpecies(Sublattice.Cation, from);
        return s;
    }

    /// <summary>Nearest-neighbour directions whose pair term is one read of a combined table (the others, with more
    /// than <see cref="HopPairEnvironment.MaxTableCodes"/> slot codes, sum their clusters one by one).</summary>
    internal int NeighbourTableDirections => _hopPairs.Count(p => p.Table is not null);

    /// <summary>C of a nearest-neighbour hop always summed cluster by cluster (the path the combined tables
    /// replace), for checking them; the same checks as the public overload.</summary>
    internal double HopInteractionByTerms(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to, int direction)
    {
        int s = CheckedMovingSpecies(cations, anions, from, to);
        if (Cell.CationNeighbor(to, direction) != from)
            throw new ArgumentException($"site {from} is not the neighbour of {to} along direction {direction}", nameof(direction));
        return TermsInteraction(_hopPairs[direction], cations, anions, to, s);
    }

    /// <summary>C for a nearest-neighbour pair: one read of the pair's combined table, indexed by the moving species
    /// and the site variables of the shared clusters' other sites, gathered without a buffer; the cluster-by-cluster
    /// sum when the pair has no table. Both give the same bits (see <see cref="HopPairEnvironment"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double NeighbourInteraction(HopPairEnvironment pair, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int to, int s)
    {
        if (pair.Table is not { } combined) return TermsInteraction(pair, cations, anions, to, s);
        int nSlots = pair.SlotCount;
        Span<byte> sigmaSpan = stackalloc byte[nSlots];
        ref byte sigma = ref MemoryMarshal.GetReference(sigmaSpan);
        GatherPairStates(pair, cations, anions, to, ref sigma);
        ref int weights = ref MemoryMarshal.GetArrayDataReference(pair.SlotWeights);
        int index = (s - 1) * pair.TableCodes; // one block per moving species: mobile ion, then the other cations
        for (int k = 0; k < nSlots; k++) index += Unsafe.Add(ref sigma, k) * Unsafe.Add(ref weights, k);
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(combined), index);
    }

    /// <summary>Site variables of the pair's slots around <paramref name="to"/> (cation slots first), through the lookup
    /// table or the affine deltas; a code outside its sublattice's range throws before anything indexes with it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void GatherPairStates(HopPairEnvironment pair, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int to, ref byte sigma)
    {
        int nSame = pair.SameSublatticeSlots, nSlots = pair.SlotCount;
        uint cationLimit = (uint)SpeciesCounts.Cation - 1, anionLimit = (uint)SpeciesCounts.Anion - 1;
        int anionShift = SpeciesCounts.Cation;
        ref byte cationRef = ref MemoryMarshal.GetReference(cations);
        ref byte anionRef = ref MemoryMarshal.GetReference(anions);
        int bad = 0;
        byte mode = _cation.Modes is { } modes ? modes[to] : NeighborIndexing.UseTable;
        if (mode == NeighborIndexing.UseTable)
        {
            ref int table = ref MemoryMarshal.GetReference(_lookup.Table);
            ref int deltas = ref MemoryMarshal.GetArrayDataReference(pair.SlotDeltas);
            int origin = _lookup.Base(Sublattice.Cation, to);
            for (int k = 0; k < nSame; k++)
            {
                int v = Unsafe.Add(ref cationRef, Unsafe.Add(ref table, origin + Unsafe.Add(ref deltas, k)));
                bad |= (uint)v > cationLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
            for (int k = nSame; k < nSlots; k++)
            {
                int v = Unsafe.Add(ref anionRef, Unsafe.Add(ref table, origin + Unsafe.Add(ref deltas, k))) - anionShift;
                bad |= (uint)v > anionLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
        }
        else
        {
            ref int deltas = ref MemoryMarshal.GetArrayDataReference(mode == 1 ? pair.AffineEven! : pair.AffineOdd!);
            for (int k = 0; k < nSame; k++)
            {
                int v = Unsafe.Add(ref cationRef, to + Unsafe.Add(ref deltas, k));
                bad |= (uint)v > cationLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
            for (int k = nSame; k < nSlots; k++)
            {
                int v = Unsafe.Add(ref anionRef, to + Unsafe.Add(ref deltas, k)) - anionShift;
                bad |= (uint)v > anionLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
        }
        if (bad != 0) ThrowBadNeighbourhood(Sublattice.Cation, to);
    }

    /// <summary>C for a nearest-neighbour pair, cluster by cluster: per shared cluster, the delta-pool entry of the
    /// "to" flip Vac -> s with "from" vacant minus the one with "from" holding s. Reads only the sites of the shared
    /// clusters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TermsInteraction(HopPairEnvironment pair, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int to, int s)
    {
        int nSlots = pair.SlotCount;
        Span<byte> sigmaSpan = stackalloc byte[nSlots + 1];
        ref byte sigma = ref MemoryMarshal.GetReference(sigmaSpan);
        GatherPairStates(pair, cations, anions, to, ref sigma);
        Unsafe.Add(ref sigma, nSlots) = 0; // the dummy slot of padded templates
        return HopPairEnvironment.SumTerms(pair.Templates, pair.Width, _cation.Pool, ref sigma, s);
    }

    /// <summary>C from two full passes over the "to" site: with "from" read as vacant, minus as occupied.</summary>
    private double AnyPairInteraction(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to, int s)
    {
        double fromVacant = SiteChange(_cation, to, 0, s, cations, anions, shift: 0, overrideSite: from, overrideSigma: 0);
        double fromOccupied = SiteChange(_cation, to, 0, s, cations, anions, shift: 0, overrideSite: -1, overrideSigma: 0);
        return fromVacant - fromOccupied;
    }

    private static void CheckCationSite(ReadOnlySpan<byte> cations, int site, string parameter)
    {
        if ((uint)site >= (uint)cations.Length)
            throw new ArgumentOutOfRangeException(parameter, site, $"cation site {site} is outside the supercell (0..{cations.Length - 1})");
    }
}
