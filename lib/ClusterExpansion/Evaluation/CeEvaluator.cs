using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Energies of configurations of one supercell under a <see cref="CeModel"/>: the total energy, and the
/// local energy change of a hop or a swap from the clusters that contain a changed site only.
/// <para>Exactness: a move changes site p from a to b and site q from b to a. It is evaluated as two single-site
/// changes through the intermediate state in which both sites hold the smaller of the two site variables: first
/// the site holding the larger one changes, then the other. Each single-site change is a sum, in a fixed template
/// order, of table differences E(new) - E(old). The reverse move passes through the same intermediate state, so its
/// terms are the exact negatives of the forward terms, added in the same order: dE(reverse) = -dE(forward)
/// bit for bit. Mathematically the sum equals the difference of two full evaluations.</para>
/// <para>Cost and memory do not depend on the supercell size: neighbours are found through
/// <see cref="SiteLookup"/> (or, inside conventional supercells, by index arithmetic), and the delta methods
/// allocate nothing. Instances are immutable and thread-safe.</para></summary>
public sealed partial class CeEvaluator
{
    private readonly SiteLookup _lookup;
    private readonly SiteEnvironment _cation;
    private readonly SiteEnvironment _anion;
    private readonly Orbit[] _activeOrbits;
    private readonly double[][] _activeEnergies;

    public CeEvaluator(CeModel model, RockSaltSupercell cell)
    {
        Model = model;
        Cell = cell;
        Chemistry = model.Chemistry;
        SpeciesCounts = model.Space.SpeciesCounts;
        var active = new List<(Orbit, double[])>();
        for (int o = 0; o < model.Space.Orbits.Count; o++)
            if (EnergyTables.Build(model, o) is { } energies) active.Add((model.Space.Orbits[o], energies));
        _activeOrbits = active.Select(a => a.Item1).ToArray();
        _activeEnergies = active.Select(a => a.Item2).ToArray();
        int reach = Reach(_activeOrbits);
        _lookup = new SiteLookup(cell, Math.Max(reach, model.Space.Padding));
        var indexing = NeighborIndexing.For(cell, reach);
        _cation = SiteEnvironmentBuilder.Build(Sublattice.Cation, active, _lookup, indexing, SpeciesCounts);
        _anion = SiteEnvironmentBuilder.Build(Sublattice.Anion, active, _lookup, indexing, SpeciesCounts);
        _hopPairs = HopPairEnvironmentBuilder.Build(_cation, _lookup);
    }

    public CeModel Model { get; }

    public RockSaltSupercell Cell { get; }

    /// <summary>The model's species: codes of the configuration arrays.</summary>
    public Chemistry Chemistry { get; }

    /// <summary>Species per sublattice (and the radix of the cluster codes).</summary>
    public SpeciesCounts SpeciesCounts { get; }

    /// <summary>Clusters visited per single-site change on each sublattice (cost indicator).</summary>
    public (int Cation, int Anion) ClustersPerSite => (_cation.TemplateCount, _anion.TemplateCount);

    /// <summary>Total energy in eV (N_cells J0 included).</summary>
    public double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        var counts = ClusterCounts.Count(_activeOrbits, _lookup, cations, anions, Chemistry);
        double e = 0.0;
        for (int o = 0; o < counts.Length; o++)
            for (int code = 0; code < counts[o].Length; code++)
                if (counts[o][code] != 0) e += counts[o][code] * _activeEnergies[o][code];
        return e + Cell.CationCount * Model.J0;
    }

    /// <summary>Energy per formula unit in eV: per 3 cation sites (Li(2-x)VO2F for Li-V-O-F; the CE's convention for
    /// every chemistry, see <see cref="CeModel.CationSitesPerFormulaUnit"/>).</summary>
    public double EnergyPerFormulaUnit(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => TotalEnergy(cations, anions) * CeModel.CationSitesPerFormulaUnit / Cell.CationCount;

    /// <summary>Energy change (eV) of moving the cation on site <paramref name="from"/> to the vacant cation site
    /// <paramref name="to"/> (any two sites, not only nearest neighbours). Allocation-free.</summary>
    public double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        CheckLengths(cations, anions);
        if (cations[to] != Chemistry.Vacancy || cations[from] == Chemistry.Vacancy)
            ThrowBadHop(cations, from, to);
        return Swap(_cation, cations, anions, from, to, cations[from], Chemistry.Vacancy);
    }

    /// <summary>Energy change (eV) of exchanging the species on sites <paramref name="i"/> and <paramref name="j"/>
    /// of one sublattice (0 when they hold the same species). Allocation-free.</summary>
    public double SwapDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, Sublattice sublattice, int i, int j)
    {
        CheckLengths(cations, anions);
        if (sublattice == Sublattice.Cation)
            return Swap(_cation, cations, anions, i, j, cations[i], cations[j]);
        return Swap(_anion, anions, cations, i, j, anions[i], anions[j]);
    }

    /// <summary>Checks a configuration against the supercell (lengths and species codes). The delta methods check
    /// the two moved sites and every site they read, and throw on an invalid species code.</summary>
    public void Validate(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions) => Configuration.Validate(Cell, cations, anions, Chemistry);

    private double Swap(SiteEnvironment env, ReadOnlySpan<byte> same, ReadOnlySpan<byte> other, int i, int j, byte speciesI, byte speciesJ)
    {
        if (speciesI == speciesJ) return 0.0;
        int shift = env.SpeciesCounts.Shift(env.Sublattice);
        int sigmaI = speciesI - shift, sigmaJ = speciesJ - shift;
        int limit = env.SpeciesCounts[env.Sublattice];
        if ((uint)sigmaI >= (uint)limit || (uint)sigmaJ >= (uint)limit) ThrowBadSpecies(env.Sublattice, (uint)sigmaI >= (uint)limit ? i : j);
        // The site with the larger site variable changes first, so forward and reverse share the intermediate state.
        int high = sigmaI > sigmaJ ? i : j, low = sigmaI > sigmaJ ? j : i;
        int large = Math.Max(sigmaI, sigmaJ), small = Math.Min(sigmaI, sigmaJ);
        double first = SiteChange(env, high, large, small, same, other, shift, overrideSite: -1, overrideSigma: 0);
        double second = SiteChange(env, low, small, large, same, other, shift, overrideSite: high, overrideSigma: small);
        return first + second;
    }

    /// <summary>Energy change of site <paramref name="site"/> going from site variable a to b, with
    /// <paramref name="overrideSite"/> (same sublattice) read as <paramref name="overrideSigma"/>.
    /// Indices into our own tables are valid by construction, so the loops read them without bounds checks; the
    /// gathered site variables are range-checked before they index the delta pool.</summary>
    private double SiteChange(SiteEnvironment env, int site, int a, int b, ReadOnlySpan<byte> same, ReadOnlySpan<byte> other,
        int shift, int overrideSite, int overrideSigma)
        => env.SpeciesCounts.Radix == 3 // Li-V-O-F: the JIT folds the radix into the index arithmetic
            ? SiteChange(default(RadixThree), env, site, a, b, same, other, shift, overrideSite, overrideSigma)
            : SiteChange(new AnyRadix(env.SpeciesCounts.Radix), env, site, a, b, same, other, shift, overrideSite, overrideSigma);

    /// <summary>The radix of the pool codes as a type: a constant for <see cref="RadixThree"/>, so the generic
    /// <see cref="SiteChange{TRadix}"/> compiles to the same code as a hard-coded radix; a field otherwise.</summary>
    private interface IRadix
    {
        int Value { get; }
    }

    private readonly struct RadixThree : IRadix
    {
        public int Value => 3;
    }

    private readonly struct AnyRadix(int value) : IRadix
    {
        public int Value => value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SiteChange<TRadix>(TRadix radixOf, SiteEnvironment env, int site, int a, int b, ReadOnlySpan<byte> same,
        ReadOnlySpan<byte> other, int shift, int overrideSite, int overrideSigma) where TRadix : struct, IRadix
    {
        Span<byte> sigmaSpan = stackalloc byte[env.SlotCount];
        ref byte sigma = ref MemoryMarshal.GetReference(sigmaSpan);
        ref byte sameRef = ref MemoryMarshal.GetReference(same);
        ref byte otherRef = ref MemoryMarshal.GetReference(other);
        var species = env.SpeciesCounts;
        int otherShift = species.Cation - shift; // anion codes start at the number of cation species
        int nSame = env.SameSublatticeSlots, nSlots = env.SlotCount;
        uint sameLimit = (uint)species[env.Sublattice] - 1;
        uint otherLimit = (uint)(species.Cation + species.Anion) - 2 - sameLimit;
        int radix = radixOf.Value, transitions = radix * radix;
        int bad = 0;

        byte mode = env.Modes is { } modes ? modes[site] : NeighborIndexing.UseTable;
        if (mode == NeighborIndexing.UseTable)
        {
            ref int table = ref MemoryMarshal.GetReference(_lookup.Table);
            ref int deltas = ref MemoryMarshal.GetArrayDataReference(env.SlotDeltas);
            int origin = _lookup.Base(env.Sublattice, site);
            for (int k = 0; k < nSame; k++)
            {
                int s = Unsafe.Add(ref table, origin + Unsafe.Add(ref deltas, k));
                int v = s == overrideSite ? overrideSigma : Unsafe.Add(ref sameRef, s) - shift;
                bad |= (uint)v > sameLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
            for (int k = nSame; k < nSlots; k++)
            {
                int v = Unsafe.Add(ref otherRef, Unsafe.Add(ref table, origin + Unsafe.Add(ref deltas, k))) - otherShift;
                bad |= (uint)v > otherLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
        }
        else
        {
            ref int deltas = ref MemoryMarshal.GetArrayDataReference(mode == 1 ? env.AffineEven! : env.AffineOdd!);
            for (int k = 0; k < nSame; k++)
            {
                int s = site + Unsafe.Add(ref deltas, k);
                int v = s == overrideSite ? overrideSigma : Unsafe.Add(ref sameRef, s) - shift;
                bad |= (uint)v > sameLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
            for (int k = nSame; k < nSlots; k++)
            {
                int v = Unsafe.Add(ref otherRef, site + Unsafe.Add(ref deltas, k)) - otherShift;
                bad |= (uint)v > otherLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
        }
        if (bad != 0) ThrowBadNeighbourhood(env.Sublattice, site);

        int tr = a * radix + b;
        ref double pool = ref MemoryMarshal.GetArrayDataReference(env.Pool);
        // Two accumulators per cluster size break the floating-point add chain (the loops are latency-bound
        // otherwise); the split and the final combination are fixed, so reverse moves still negate exactly.
        double pairA = 0.0, pairB = 0.0, tripletA = 0.0, tripletB = 0.0, quadA = 0.0, quadB = 0.0;

        ref int pairs = ref MemoryMarshal.GetArrayDataReference(env.Pairs);
        int nPairs = env.Pairs.Length;
        int t = 0;
        for (; t + 4 <= nPairs; t += 4)
        {
            pairA += Unsafe.Add(ref pool, Unsafe.Add(ref pairs, t) + Unsafe.Add(ref sigma, Unsafe.Add(ref pairs, t + 1)) * transitions + tr);
            pairB += Unsafe.Add(ref pool, Unsafe.Add(ref pairs, t + 2) + Unsafe.Add(ref sigma, Unsafe.Add(ref pairs, t + 3)) * transitions + tr);
        }
        if (t < nPairs)
            pairA += Unsafe.Add(ref pool, Unsafe.Add(ref pairs, t) + Unsafe.Add(ref sigma, Unsafe.Add(ref pairs, t + 1)) * transitions + tr);

        ref int triplets = ref MemoryMarshal.GetArrayDataReference(env.Triplets);
        int nTriplets = env.Triplets.Length;
        for (t = 0; t + 6 <= nTriplets; t += 6)
        {
            tripletA += Unsafe.Add(ref pool, TripletIndex(ref triplets, ref sigma, t, radix, transitions) + tr);
            tripletB += Unsafe.Add(ref pool, TripletIndex(ref triplets, ref sigma, t + 3, radix, transitions) + tr);
        }
        if (t < nTriplets) tripletA += Unsafe.Add(ref pool, TripletIndex(ref triplets, ref sigma, t, radix, transitions) + tr);

        ref int quads = ref MemoryMarshal.GetArrayDataReference(env.Quads);
        int nQuads = env.Quads.Length;
        for (t = 0; t + 8 <= nQuads; t += 8)
        {
            quadA += Unsafe.Add(ref pool, QuadIndex(ref quads, ref sigma, t, radix, transitions) + tr);
            quadB += Unsafe.Add(ref pool, QuadIndex(ref quads, ref sigma, t + 4, radix, transitions) + tr);
        }
        if (t < nQuads) quadA += Unsafe.Add(ref pool, QuadIndex(ref quads, ref sigma, t, radix, transitions) + tr);

        double acc = env.PointDelta[tr] + ((pairA + pairB) + (tripletA + tripletB) + (quadA + quadB));

        for (t = 0; t < env.LargeTable.Length; t++)
        {
            int code = 0, weight = 1;
            for (int k = env.LargeStart[t]; k < env.LargeStart[t + 1]; k++)
            {
                code += sigmaSpan[env.LargeSlots[k]] * weight;
                weight *= radix;
            }
            acc += env.Pool[env.LargeTable[t] + code * transitions + tr];
        }
        return acc;
    }

    /// <summary>Pool index (without the transition) of the triplet template starting at <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TripletIndex(ref int triplets, ref byte sigma, int t, int radix, int transitions)
        => Unsafe.Add(ref triplets, t)
           + (Unsafe.Add(ref sigma, Unsafe.Add(ref triplets, t + 1)) + radix * Unsafe.Add(ref sigma, Unsafe.Add(ref triplets, t + 2))) * transitions;

    /// <summary>Pool index (without the transition) of the quadruplet template starting at <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int QuadIndex(ref int quads, ref byte sigma, int t, int radix, int transitions)
        => Unsafe.Add(ref quads, t)
           + (Unsafe.Add(ref sigma, Unsafe.Add(ref quads, t + 1)) + radix * (Unsafe.Add(ref sigma, Unsafe.Add(ref quads, t + 2))
              + radix * Unsafe.Add(ref sigma, Unsafe.Add(ref quads, t + 3)))) * transitions;

    private void CheckLengths(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        if (cations.Length != Cell.CationCount || anions.Length != Cell.AnionCount)
            throw new ArgumentException(
                $"configuration has {cations.Length} cations and {anions.Length} anions; the supercell {Cell.CationCount} and {Cell.AnionCount}");
    }

    /// <summary>Largest |offset component| between two sites of one active cluster.</summary>
    private static int Reach(IEnumerable<Orbit> orbits)
    {
        int reach = 1;
        foreach (var orbit in orbits)
            foreach (var p in orbit.Representative)
                foreach (var q in orbit.Representative)
                {
                    var d = p - q;
                    reach = Math.Max(reach, Math.Max(Math.Abs(d.X), Math.Max(Math.Abs(d.Y), Math.Abs(d.Z))));
                }
        return reach;
    }

    private void ThrowBadHop(ReadOnlySpan<byte> cations, int from, int to)
        => throw new ArgumentException(
            $"hop {from} -> {to}: needs a cation on site {from} (found {Chemistry.Symbol(cations[from])}) and a vacancy on site {to} (found {Chemistry.Symbol(cations[to])})");

    private static void ThrowBadSpecies(Sublattice s, int site)
        => throw new ArgumentException($"{Sublattices.Name(s)} site {site} holds a species that does not belong to that sublattice");

    private static void ThrowBadNeighbourhood(Sublattice s, int site)
        => throw new ArgumentException($"a site near {Sublattices.Name(s)} site {site} holds a species code that does not belong to its sublattice");
}
