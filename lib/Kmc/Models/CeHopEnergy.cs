using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Models;

/// <summary>The cluster expansion as the kMC's energy model, with the interaction range of the largest active cluster
/// (any orbit with a non-zero ECI).
/// <para>Speed: once attached to a kMC lattice (<see cref="Rebuild"/>), it keeps for every Li and vacancy its
/// single-site flip energy (Li to Vac, Vac to Li) in a <see cref="FlipEnergyField"/>. A hop's dE is then
/// flip(from) + flip(to) + the clusters that contain both sites (<see cref="CeEvaluator.HopInteraction(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, int, int)"/>,
/// a few percent of a full local evaluation), and an executed hop updates the flips it changes incrementally, in
/// exact fixed-point arithmetic (no drift: the field always equals a fresh rebuild bit for bit). dE agrees with
/// <see cref="CeEvaluator.HopDelta"/> to ~1e-12 eV. Calls on any other configuration use HopDelta.</para></summary>
public sealed class CeHopEnergy : IHopEnergy
{
    private const byte Li = Chemistry.Mobile, Vac = Chemistry.Vacancy;
    private readonly CeEvaluator _evaluator;
    private FlipEnergyField? _field;
    private KmcLattice? _lattice;

    public CeHopEnergy(CeEvaluator evaluator)
    {
        _evaluator = evaluator;
        var model = evaluator.Model;
        var active = new HashSet<int>();
        foreach (var f in model.Space.Functions)
            if (model.Ecis[f.Index] != 0.0) active.Add(f.OrbitIndex);
        InteractionRadiusSquared = active.Count == 0 ? 0 : active.Max(o => model.Space.Orbits[o].DiameterSquared);
    }

    public CeHopEnergy(CeModel model, RockSaltSupercell cell) : this(new CeEvaluator(model, cell)) { }

    public CeEvaluator Evaluator => _evaluator;

    public double InteractionRadiusSquared { get; }

    public double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int to)
    {
        if (_field is { } field && IsLive(cations) && cations[from] == Li && cations[to] == Vac)
            return field[from] + field[to] + _evaluator.HopInteraction(cations, anions, from, to);
        return _evaluator.HopDelta(cations, anions, from, to);
    }

    public double HopDelta(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, int from, int direction, int to)
    {
        // The evaluator's direction runs from the vacant site back to the moving cation: the reverse of the hop's.
        if (_field is { } field && IsLive(cations) && cations[from] == Li && cations[to] == Vac)
            return field[from] + field[to] + _evaluator.HopInteraction(cations, anions, from, to, direction ^ 1);
        return _evaluator.HopDelta(cations, anions, from, to);
    }

    public double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => _evaluator.TotalEnergy(cations, anions);

    public void Rebuild(KmcLattice lattice)
    {
        if (lattice.Cations.Length != _evaluator.Cell.CationCount)
            throw new ArgumentException($"the kMC lattice has {lattice.Cations.Length} cation sites, the CE's supercell {_evaluator.Cell.CationCount}");
        var chemistry = _evaluator.Model.Chemistry;
        if (!lattice.Chemistry.Equals(chemistry))
            throw new ArgumentException($"the CE model is for {chemistry} ({chemistry.Describe()}), the kMC lattice holds " +
                                        $"{lattice.Chemistry} ({lattice.Chemistry.Describe()}): {ChemistryMismatch.Difference(chemistry, lattice.Chemistry)}");
        _field ??= new FlipEnergyField(_evaluator);
        _field.Rebuild(lattice.Cations, lattice.Anions);
        _lattice = lattice;
    }

    public void AfterHop(KmcLattice lattice, int from, int direction, int to)
    {
        if (!ReferenceEquals(lattice, _lattice) || _field is not { } field)
            throw new InvalidOperationException("AfterHop on a lattice this energy model was not rebuilt for");
        // The field takes one site change at a time: replay the hop as I emptying (with F still vacant), then F filling.
        var cations = lattice.Cations;
        cations[to] = Vac;
        try { field.SiteChanged(cations, lattice.Anions, from, Li); }
        finally { cations[to] = Li; } // the lattice stays as the hop left it even if the field refuses the change
        field.SiteChanged(cations, lattice.Anions, to, Vac);
    }

    private bool IsLive(ReadOnlySpan<byte> cations)
        => _lattice is { } lattice && cations.Length == lattice.Cations.Length
           && Unsafe.AreSame(ref MemoryMarshal.GetReference(cations), ref MemoryMarshal.GetArrayDataReference(lattice.Cations));
}
