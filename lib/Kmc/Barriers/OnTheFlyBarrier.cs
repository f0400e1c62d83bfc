using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>The on-the-fly barrier of DOMAIN.md section 7: Ea = E_KRA(KRA descriptors of the current configuration)
/// + dE/2, with dE from the energy model, clamped to at least max(dE, 0). The descriptors are the KRA model's
/// <see cref="IKraModel.Descriptors"/> (standard or element-resolved, for the model's chemistry).
/// The KRA prediction is symmetrized over the hop and its reverse: the reverse hop has the same descriptors with
/// the initial/final neighbour counts swapped (<see cref="DescriptorSet.Reverse"/>), and a fitted model need not weigh
/// the two equally. Averaging the two predictions makes E_KRA a property of the pair of states, which the clamp needs
/// to keep exact detailed balance (Ea_forward - Ea_reverse = dE).</summary>
public sealed class OnTheFlyBarrier : IBarrierProvider
{
    private readonly IKraModel _kra;
    private readonly IHopEnergy _energy;
    private readonly DescriptorSet _set;
    private readonly HashSet<Int3>[] _deps, _local;
    private readonly double[] _descriptors;
    private HopAnatomy _anatomy;

    public OnTheFlyBarrier(IKraModel kra, IHopEnergy energy)
    {
        _kra = kra;
        _energy = energy;
        _set = kra.Descriptors;
        _descriptors = new double[_set.KraCount];
        _deps = new HashSet<Int3>[12];
        _local = new HashSet<Int3>[12];
        for (int d = 0; d < 12; d++)
        {
            _local[d] = AnatomyStencil.CationOffsets(d);
            var set = new HashSet<Int3>(AnatomyStencil.CationOffsets(d));
            set.UnionWith(DependencySets.WithinRadiusOfEndpoints(d, energy.InteractionRadiusSquared));
            _deps[d] = set;
        }
    }

    public IHopEnergy Energy => _energy;

    public double Barrier(KmcLattice lattice, int from, int direction, int to)
        => Barrier(lattice, from, direction, to, LocalTerm(lattice, from, direction, to));

    // The KRA term depends on the hop's anatomy only, the energy change on the CE's whole range around I and F: the
    // event table caches the KRA (rounded to single precision on every path, so cached and fresh barriers agree bit
    // for bit, and a hop and its reverse still share one value) and re-evaluates only dE when the anatomy is unchanged.
    public bool SplitsLocalTerm => true;

    public IReadOnlyCollection<Int3> LocalOffsets(int direction) => _local[direction];

    public float LocalTerm(KmcLattice lattice, int from, int direction, int to) => (float)Kra(lattice, from, direction);

    public double Barrier(KmcLattice lattice, int from, int direction, int to, float localTerm)
    {
        double dE = _energy.HopDelta(lattice.Cations, lattice.Anions, from, direction, to);
        return Clamp(localTerm, dE);
    }

    /// <summary>Symmetrized KRA of the hop on the current configuration.</summary>
    public double Kra(KmcLattice lattice, int from, int direction)
    {
        lattice.Anatomy.Fill(from, direction, ref _anatomy);
        var x = _descriptors.AsSpan();
        _set.Compute(_anatomy, lattice.Cations, lattice.Anions, 0.0, x);
        double forward = _kra.Predict(x);
        _set.Reverse(x);
        double reverse = _kra.Predict(x);
        return 0.5 * (forward + reverse);
    }

    /// <summary>Ea = max(kra + dE/2, dE, 0).</summary>
    public static double Clamp(double kra, double dE) => Math.Max(kra + 0.5 * dE, Math.Max(dE, 0.0));

    public IReadOnlyCollection<Int3> DependencyOffsets(int direction) => _deps[direction];

    /// <summary>The KRA model's descriptors must read the lattice's species codes as the lattice means them.</summary>
    public void Rebuild(KmcLattice lattice)
    {
        if (!lattice.Chemistry.Equals(_set.Chemistry))
            throw new ArgumentException($"the KRA model's descriptors are for {_set.Chemistry} ({_set.Chemistry.Describe()}), " +
                                        $"the kMC lattice holds {lattice.Chemistry} ({lattice.Chemistry.Describe()})");
        _energy.Rebuild(lattice);
    }

    public void AfterHop(KmcLattice lattice, int from, int direction, int to) => _energy.AfterHop(lattice, from, direction, to);
}
