using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>The same barrier for every hop: the non-interacting lattice gas (site exclusion only) of the kMC
/// oracles, and the fastest mode of the engine.</summary>
public sealed class ConstantBarrier(double activationEnergy) : IBarrierProvider
{
    private readonly HashSet<Int3>[] _deps = Enumerable.Range(0, 12).Select(DependencySets.Endpoints).ToArray();

    public double ActivationEnergy { get; } = activationEnergy;

    public double Barrier(KmcLattice lattice, int from, int direction, int to) => ActivationEnergy;

    public IReadOnlyCollection<Int3> DependencyOffsets(int direction) => _deps[direction];
}
