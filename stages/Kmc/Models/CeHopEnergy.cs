using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Barriers;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Models;

/// <summary>The cluster expansion as the kMC's energy model: dE of a hop from <see cref="CeEvaluator.HopDelta"/>
/// (local, allocation-free, thread-safe), and the interaction range from the largest active cluster (any orbit
/// with a non-zero ECI).</summary>
public sealed class CeHopEnergy : IHopEnergy
{
    private readonly CeEvaluator _evaluator;

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
        => _evaluator.HopDelta(cations, anions, from, to);

    public double TotalEnergy(ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => _evaluator.TotalEnergy(cations, anions);
}
