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
