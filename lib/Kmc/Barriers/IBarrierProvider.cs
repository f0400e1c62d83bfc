using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>The activation energy of a hop event, computed from the current configuration. One instance serves
/// one kMC run (implementations may keep scratch state, so they are not shared between threads).</summary>
public interface IBarrierProvider
{
    /// <summary>Activation energy (eV) of moving the Li on <paramref name="from"/> along NN direction
    /// <paramref name="direction"/> into the vacant site <paramref name="to"/>. Called in the kMC hot loop: no allocation.</summary>
    double Barrier(KmcLattice lattice, int from, int direction, int to);

    /// <summary>Cation offsets (units of a/2, relative to the initial site I) whose species the barrier of a hop
    /// along <paramref name="direction"/> may read; must include I (offset 0) and F (the NN vector). The impact
    /// table is built from these: after a hop, exactly the events that read a changed site are recomputed.</summary>
    IReadOnlyCollection<Int3> DependencyOffsets(int direction);

    /// <summary>True when the barrier splits into a local term the event table may cache per event (a float, e.g. the
    /// KRA barrier from the hop's own neighbourhood) and the rest (e.g. the CE energy change): after a hop, events
    /// whose <see cref="LocalOffsets"/> did not change get <see cref="Barrier(KmcLattice, int, int, int, float)"/> with
    /// their cached term instead of a full evaluation.</summary>
    bool SplitsLocalTerm => false;

    /// <summary>The cation offsets (from I) the local term reads: a subset of <see cref="DependencyOffsets"/>
    /// including I and F.</summary>
    IReadOnlyCollection<Int3> LocalOffsets(int direction) => DependencyOffsets(direction);

    /// <summary>The local term of the hop (only called when <see cref="SplitsLocalTerm"/>).</summary>
    float LocalTerm(KmcLattice lattice, int from, int direction, int to) => 0f;

    /// <summary>The activation energy given the hop's current local term; equals
    /// <see cref="Barrier(KmcLattice, int, int, int)"/> whenever <paramref name="localTerm"/> is current.</summary>
    double Barrier(KmcLattice lattice, int from, int direction, int to, float localTerm) => Barrier(lattice, from, direction, to);

    /// <summary>Called before the event table computes every event from scratch (start of a run, full refresh): a
    /// provider that caches per-site terms of the configuration rebuilds them here.</summary>
    void Rebuild(KmcLattice lattice) { }

    /// <summary>Called after the Li on <paramref name="from"/> moved along NN direction <paramref name="direction"/> to
    /// <paramref name="to"/>, before the impacted events are recomputed: a provider that caches per-site terms
    /// refreshes the ones the two changed sites affect.</summary>
    void AfterHop(KmcLattice lattice, int from, int direction, int to) { }
}

/// <summary>Offset sets shared by the providers.</summary>
public static class DependencySets
{
    /// <summary>I and F: every event depends at least on whether its Li and its target vacancy are still there.</summary>
    public static HashSet<Int3> Endpoints(int direction) => [default, HopGeometry.NeighborVectors[direction]];

    /// <summary>All cation offsets within squared distance <paramref name="radiusSquared"/> (units (a/2)^2) of I or of F.</summary>
    public static HashSet<Int3> WithinRadiusOfEndpoints(int direction, double radiusSquared)
    {
        var set = Endpoints(direction);
        var v = HopGeometry.NeighborVectors[direction];
        int r = (int)Math.Ceiling(Math.Sqrt(Math.Max(radiusSquared, 0)));
        for (int x = -r; x <= r; x++)
            for (int y = -r; y <= r; y++)
                for (int z = -r; z <= r; z++)
                {
                    var o = new Int3(x, y, z);
                    if (!o.IsCationSite || o.Dot(o) > radiusSquared) continue;
                    set.Add(o);
                    set.Add(o + v);
                }
        return set;
    }
}
