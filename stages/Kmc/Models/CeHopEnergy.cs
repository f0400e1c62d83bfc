using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Models;

/// <summary>The cluster expansion as the kMC's energy model, with the interaction range of the largest active cluster
/// (any orbit with a non-zero ECI).
/// <para>Speed: once attached to a kMC lattice (<see cref="Rebuild"/>), it caches for every Li and vacancy its
/// single-site flip energy (Li to Vac, Vac to Li). A hop's dE is then flip(from) + flip(to) + the clusters that
/// contain both sites (<see cref="CeEvaluator.HopInteraction"/>, a few percent of a full local evaluation), and after
/// an executed hop only the flips within the interaction range of its two sites are recomputed: one single-site pass
/// per nearby Li or vacancy instead of two passes per affected event. Every cached value is computed afresh from the
/// configuration (never updated by differences), so no error accumulates; dE agrees with
/// <see cref="CeEvaluator.HopDelta"/> to rounding (~1e-15 eV). Calls on any other configuration use HopDelta.</para></summary>
public sealed class CeHopEnergy : IHopEnergy
{
    private const byte Li = (byte)Species.Li, Vac = (byte)Species.Vac;
    private readonly CeEvaluator _evaluator;
    private readonly Int3[][] _refresh; // per hop direction: offsets from I of the sites whose flip energy the hop changes
    private KmcLattice? _lattice;
    private double[] _flip = [];        // per cation site of the attached lattice (0 for V)

    public CeHopEnergy(CeEvaluator evaluator)
    {
        _evaluator = evaluator;
        var model = evaluator.Model;
        var active = new HashSet<int>();
        foreach (var f in model.Space.Functions)
            if (model.Ecis[f.Index] != 0.0) active.Add(f.OrbitIndex);
        InteractionRadiusSquared = active.Count == 0 ? 0 : active.Max(o => model.Space.Orbits[o].DiameterSquared);
        _refresh = Enumerable.Range(0, 12)
            .Select(d => DependencySets.WithinRadiusOfEndpoints(d, InteractionRadiusSquared).ToArray()).ToArray();
    }

    public CeHopEnergy(CeModel model, RockSaltSupercell cell) : this(new CeEvaluator(model, cell)) { }

    public CeEvaluator Evaluator => _evaluator;

    public double InteractionRadiusSquared { get; }

    public double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        if (_lattice is { } lattice && IsLive(lattice, cations) && cations[from] == Li && cations[to] == Vac)
            return _flip[from] + _flip[to] + _evaluator.HopInteraction(cations, anions, from, to);
        return _evaluator.HopDelta(cations, anions, from, to);
    }

    public double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int direction, int to)
    {
        // The evaluator's direction runs from the vacant site back to the moving cation: the reverse of the hop's.
        if (_lattice is { } lattice && IsLive(lattice, cations) && cations[from] == Li && cations[to] == Vac)
            return _flip[from] + _flip[to] + _evaluator.HopInteraction(cations, anions, from, to, direction ^ 1);
        return _evaluator.HopDelta(cations, anions, from, to);
    }

    public double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => _evaluator.TotalEnergy(cations, anions);

    public void Rebuild(KmcLattice lattice)
    {
        if (lattice.Cations.Length != _evaluator.Cell.CationCount)
            throw new ArgumentException($"the kMC lattice has {lattice.Cations.Length} cation sites, the CE's supercell {_evaluator.Cell.CationCount}");
        _lattice = lattice;
        if (_flip.Length != lattice.Cations.Length) _flip = new double[lattice.Cations.Length];
        for (int site = 0; site < _flip.Length; site++) _flip[site] = Flip(lattice, site);
    }

    public void AfterHop(KmcLattice lattice, int from, int direction, int to)
    {
        if (!ReferenceEquals(lattice, _lattice)) throw new InvalidOperationException("AfterHop on a lattice this energy model was not rebuilt for");
        var index = lattice.Index;
        var (x, y, z) = index.Coordinates(from);
        foreach (var o in _refresh[direction])
        {
            int site = index.At(x, y, z, o.X, o.Y, o.Z);
            _flip[site] = Flip(lattice, site);
        }
    }

    private double Flip(KmcLattice lattice, int site) => lattice.Cations[site] switch
    {
        Li => _evaluator.SiteFlipDelta(lattice.Cations, lattice.Anions, site, Vac),
        Vac => _evaluator.SiteFlipDelta(lattice.Cations, lattice.Anions, site, Li),
        _ => 0.0,
    };

    private static bool IsLive(KmcLattice lattice, ReadOnlySpan<byte> cations)
        => cations.Length == lattice.Cations.Length
           && Unsafe.AreSame(ref MemoryMarshal.GetReference(cations), ref MemoryMarshal.GetArrayDataReference(lattice.Cations));
}
