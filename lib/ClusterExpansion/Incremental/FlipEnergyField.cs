using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>The single-site flip energy of every mobile ion (Li) and vacancy of a live configuration, kept exactly
/// and incrementally: Li -> Vac for a Li site, Vac -> Li for a vacant one (<see cref="CeEvaluator.SiteFlipDelta"/>);
/// sites of the other cations (V, or any number of TM species) are not tracked (0) and anions never change. A hop's energy change is then
/// field[from] + field[to] + <see cref="CeEvaluator.HopInteraction(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, int, int)"/>.
/// <para>Exactness: flips are int64 multiples of <see cref="Quantum"/> = 2^-48 eV, sums of delta-pool entries
/// each rounded once (|error| per flip at most clusters-per-site x 2^-49 eV, about 1e-13 eV for the default space).
/// <see cref="SiteChanged"/> adds, per site sharing a cluster with the changed site, the exact integer change of its
/// flip; integer addition is associative, so after any sequence of changes the field equals a fresh
/// <see cref="Rebuild"/> bit for bit, and runs are deterministic. Construction throws if cluster energies are so
/// large that a flip could leave the int64 range.</para>
/// <para>Cost of <see cref="SiteChanged"/>: one gather of the site variables around the changed site, then per
/// partner site (every cation site sharing a cluster with it) one read of a precombined table indexed by the
/// partner's state and the other sites of their shared clusters (<see cref="PartnerTables"/>); no single-site
/// passes, no allocation. Not thread-safe (one field per configuration).</para></summary>
public sealed class FlipEnergyField
{
    /// <summary>One fixed-point unit in eV (2^-48).</summary>
    public const double Quantum = FixedPointEnergy.Quantum;

    private readonly FlipFieldEnvironment _env;
    private readonly SiteEnvironment _cation;
    private readonly SiteLookup _lookup;
    private readonly long[] _flips;

    public FlipEnergyField(CeEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        Evaluator = evaluator;
        _env = FlipFieldEnvironmentBuilder.Build(evaluator);
        _cation = evaluator.CationEnvironment;
        _lookup = evaluator.Lookup;
        _flips = new long[evaluator.Cell.CationCount];
        var species = evaluator.SpeciesCounts;
        _cationLimit = (uint)species.Cation - 1;
        _anionLimit = (uint)species.Anion - 1;
        _anionShift = species.Cation;
        _radix = species.Radix;
    }

    private readonly uint _cationLimit, _anionLimit;
    private readonly int _anionShift, _radix;

    public CeEvaluator Evaluator { get; }

    public int SiteCount => _flips.Length;

    /// <summary>Sites whose flips one <see cref="SiteChanged"/> may update (cost indicator; periodic images merged).</summary>
    public int PartnerSites => _env.Partners.TargetCount;

    /// <summary>Clusters holding the changed site and one of its partner sites, summed over the partners (each
    /// cluster counted once per cation partner in it): the terms a single-site change adds up, precombined into one
    /// table read per partner where the tables stay small.</summary>
    public int SharedClusters => _env.SharedClusters;

    /// <summary>Writes the cation sites whose flips a change of <paramref name="site"/> alters (all sites sharing a
    /// cluster with it, V included, each once even when reached through several periodic images) into
    /// <paramref name="destination"/> and returns how many (<see cref="PartnerSites"/>). Allocation-free.</summary>
    public int Partners(int site, Span<int> destination)
    {
        if ((uint)site >= (uint)_flips.Length)
            throw new ArgumentOutOfRangeException(nameof(site), site, $"cation site {site} is outside the supercell (0..{_flips.Length - 1})");
        var targets = _env.Partners.TargetSlots;
        if (destination.Length < targets.Length)
            throw new ArgumentException($"destination holds {destination.Length} sites; site {site} has {targets.Length} partners", nameof(destination));
        byte mode = _cation.Modes is { } modes ? modes[site] : NeighborIndexing.UseTable;
        var table = _lookup.Table;
        int origin = _lookup.Base(Sublattice.Cation, site);
        for (int g = 0; g < targets.Length; g++)
        {
            int slot = targets[g];
            destination[g] = mode == NeighborIndexing.UseTable ? table[origin + _env.SlotDeltas[slot]]
                : site + (mode == 1 ? _env.AffineEven! : _env.AffineOdd!)[slot];
        }
        return targets.Length;
    }

    /// <summary>Flip energy (eV) of cation site <paramref name="site"/>: Li -> Vac if it holds Li, Vac -> Li if
    /// vacant, 0 for the other cations.</summary>
    public double this[int site] => FixedPointEnergy.ToElectronvolts(_flips[site]);

    /// <summary>The flip of <paramref name="site"/> in units of <see cref="Quantum"/>: the exact state of the field.</summary>
    public long FixedPoint(int site) => _flips[site];

    /// <summary>Computes every flip from scratch (one pass over the clusters of each Li and vacant site).</summary>
    public void Rebuild(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        CheckLengths(cations, anions);
        Evaluator.Validate(cations, anions);
        Span<byte> sigma = stackalloc byte[_cation.SlotCount + 1];
        for (int site = 0; site < _flips.Length; site++)
        {
            int own = cations[site];
            _flips[site] = own >= Chemistry.FirstOtherCation ? 0 : OwnFlip(cations, anions, site, own, sigma);
        }
    }

    /// <summary>Updates the field after cation site <paramref name="site"/> changed from <paramref name="oldSpecies"/>
    /// to cations[site] (already written); only Li &lt;-&gt; Vac changes are supported. Every tracked site sharing a
    /// cluster with <paramref name="site"/> changes by the exact change of its flip, and the changed site's flip
    /// becomes the negative of its old flip (its transition reversed, nothing else changed). Allocation-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SiteChanged(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int site, byte oldSpecies)
    {
        CheckLengths(cations, anions);
        if ((uint)site >= (uint)_flips.Length)
            throw new ArgumentOutOfRangeException(nameof(site), site, $"cation site {site} is outside the supercell (0..{_flips.Length - 1})");
        int now = cations[site];
        if (oldSpecies > Chemistry.Mobile || now > Chemistry.Mobile || now == oldSpecies) ThrowUnsupportedChange(site, oldSpecies, now);

        int nSame = _env.SameSublatticeSlots, nSlots = _env.SlotCount;
        Span<byte> sigmaSpan = stackalloc byte[nSlots + 1];
        Span<int> siteSpan = stackalloc int[nSame];
        ref byte sigma = ref MemoryMarshal.GetReference(sigmaSpan);
        ref int sites = ref MemoryMarshal.GetReference(siteSpan);
        if (Gather(cations, anions, site, ref sigma, ref sites) != 0) ThrowBadNeighbourhood(site);
        Unsafe.Add(ref sigma, nSlots) = 0; // the dummy slot of padded terms

        _flips[site] = -_flips[site];
        long negate = now == Chemistry.Mobile ? 0L : -1L; // the tables hold the changes for Vac -> Li
        var partners = _env.Partners;
        ref long flips = ref MemoryMarshal.GetArrayDataReference(_flips);
        ref int targets = ref MemoryMarshal.GetArrayDataReference(partners.TargetSlots);
        ref int offsets = ref MemoryMarshal.GetArrayDataReference(partners.CombinedOffsets);
        ref int starts = ref MemoryMarshal.GetArrayDataReference(partners.CombinedStarts);
        ref int slots = ref MemoryMarshal.GetArrayDataReference(partners.CombinedSlots);
        ref long combined = ref MemoryMarshal.GetArrayDataReference(partners.Combined);
        bool residual = partners.ResidualTerms.Length != 0;
        for (int g = 0, count = partners.TargetCount; g < count; g++)
        {
            int slot = Unsafe.Add(ref targets, g);
            int state = Unsafe.Add(ref sigma, slot); // Vac = 0, Li = 1, other cations 2.. (their entries are 0: they stay 0)
            int index = Unsafe.Add(ref offsets, g) + state;
            for (int k = Unsafe.Add(ref starts, g), end = Unsafe.Add(ref starts, g + 1); k < end; k += 2)
                index += Unsafe.Add(ref sigma, Unsafe.Add(ref slots, k)) * Unsafe.Add(ref slots, k + 1);
            long change = Unsafe.Add(ref combined, index);
            if (residual) change += ResidualChange(partners, g, state, ref sigma);
            Unsafe.Add(ref flips, Unsafe.Add(ref sites, slot)) += (change ^ negate) - negate; // +-change, no branch
        }
    }

    /// <summary>The shared clusters of target <paramref name="g"/> that its combined block does not cover.</summary>
    private static long ResidualChange(PartnerTables partners, int g, int state, ref byte sigma)
    {
        ref long pool = ref MemoryMarshal.GetArrayDataReference(partners.ResidualPool);
        ref int terms = ref MemoryMarshal.GetArrayDataReference(partners.ResidualTerms);
        int length = partners.ResidualLength, width = partners.ResidualWidth;
        long change = 0;
        for (int t = partners.ResidualStarts[g], end = partners.ResidualStarts[g + 1]; t < end; t += length)
        {
            int index = Unsafe.Add(ref terms, t) + state;
            for (int r = 0; r < width; r++)
                index += Unsafe.Add(ref sigma, Unsafe.Add(ref terms, t + 1 + 2 * r)) * Unsafe.Add(ref terms, t + 2 + 2 * r);
            change += Unsafe.Add(ref pool, index);
        }
        return change;
    }

    /// <summary>Reads the site variables of the compact slots around <paramref name="site"/> (cation sites also
    /// into <paramref name="sites"/>); returns non-zero if a code does not belong to its sublattice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Gather(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int site, ref byte sigma, ref int sites)
    {
        int nSame = _env.SameSublatticeSlots, nSlots = _env.SlotCount;
        ref byte cationRef = ref MemoryMarshal.GetReference(cations);
        ref byte anionRef = ref MemoryMarshal.GetReference(anions);
        byte mode = _cation.Modes is { } modes ? modes[site] : NeighborIndexing.UseTable;
        int bad = 0;
        if (mode == NeighborIndexing.UseTable)
        {
            ref int table = ref MemoryMarshal.GetReference(_lookup.Table);
            ref int deltas = ref MemoryMarshal.GetArrayDataReference(_env.SlotDeltas);
            int origin = _lookup.Base(Sublattice.Cation, site);
            for (int k = 0; k < nSame; k++)
            {
                int s = Unsafe.Add(ref table, origin + Unsafe.Add(ref deltas, k));
                int v = Unsafe.Add(ref cationRef, s);
                bad |= (uint)v > _cationLimit ? 1 : 0;
                Unsafe.Add(ref sites, k) = s;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
            for (int k = nSame; k < nSlots; k++)
            {
                int v = Unsafe.Add(ref anionRef, Unsafe.Add(ref table, origin + Unsafe.Add(ref deltas, k))) - _anionShift;
                bad |= (uint)v > _anionLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
        }
        else
        {
            ref int deltas = ref MemoryMarshal.GetArrayDataReference(mode == 1 ? _env.AffineEven! : _env.AffineOdd!);
            for (int k = 0; k < nSame; k++)
            {
                int s = site + Unsafe.Add(ref deltas, k);
                int v = Unsafe.Add(ref cationRef, s);
                bad |= (uint)v > _cationLimit ? 1 : 0;
                Unsafe.Add(ref sites, k) = s;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
            for (int k = nSame; k < nSlots; k++)
            {
                int v = Unsafe.Add(ref anionRef, site + Unsafe.Add(ref deltas, k)) - _anionShift;
                bad |= (uint)v > _anionLimit ? 1 : 0;
                Unsafe.Add(ref sigma, k) = (byte)v;
            }
        }
        return bad;
    }

    /// <summary>Flip of a Li or vacant site from all its clusters, in quanta.</summary>
    private long OwnFlip(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int site, int own, Span<byte> sigma)
    {
        int nSame = _cation.SameSublatticeSlots, nSlots = _cation.SlotCount;
        byte mode = _cation.Modes is { } modes ? modes[site] : NeighborIndexing.UseTable;
        bool useTable = mode == NeighborIndexing.UseTable;
        var deltas = useTable ? _cation.SlotDeltas : mode == 1 ? _cation.AffineEven! : _cation.AffineOdd!;
        var table = _lookup.Table;
        int origin = useTable ? _lookup.Base(Sublattice.Cation, site) : 0;
        for (int k = 0; k < nSlots; k++)
        {
            int s = useTable ? table[origin + deltas[k]] : site + deltas[k];
            sigma[k] = (byte)(k < nSame ? cations[s] : anions[s] - _anionShift);
        }
        sigma[nSlots] = 0;

        int tr = own == Chemistry.Mobile ? _radix : 1; // Li -> Vac = 1*R+0, Vac -> Li = 0*R+1
        var templates = _env.OwnTemplates;
        int length = _env.OwnLength, width = _env.OwnWidth;
        long flip = 0;
        for (int t = 0; t < templates.Length; t += length)
        {
            int index = templates[t] + tr;
            for (int r = 0; r < width; r++) index += sigma[templates[t + 1 + 2 * r]] * templates[t + 2 + 2 * r];
            flip += _env.Pool[index];
        }
        return flip;
    }

    private void CheckLengths(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        var cell = Evaluator.Cell;
        if (cations.Length != cell.CationCount || anions.Length != cell.AnionCount)
            throw new ArgumentException(
                $"configuration has {cations.Length} cations and {anions.Length} anions; the supercell {cell.CationCount} and {cell.AnionCount}");
    }

    private void ThrowUnsupportedChange(int site, byte oldSpecies, int now)
        => throw new ArgumentException(
            $"cation site {site} changed from {Name(oldSpecies)} to {Name(now)}: the flip field supports only Li <-> Vac changes " +
            "(write the new species first, then pass the old one)");

    private string Name(int code) => Evaluator.Chemistry.Symbol((byte)code);

    private static void ThrowBadNeighbourhood(int site)
        => throw new ArgumentException($"a site near cation site {site} holds a species code that does not belong to its sublattice");
}
