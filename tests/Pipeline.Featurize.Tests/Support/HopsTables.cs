using Pipeline.Abstractions;
using Pipeline.Featurize.Hops;

namespace Pipeline.Featurize.Tests.Support;

/// <summary>Hops tables with the columns featurize reads, as vasp-neb-ingest writes them.</summary>
public static class HopsTables
{
    public static Table Of(params HopRecord[] hops) => new(
    [
        Column.Of("calc_id", hops.Select(h => h.CalcId).ToArray()),
        Column.Of("e_forward", hops.Select(h => h.EForward).ToArray()),
        Column.Of("e_reaction", hops.Select(h => h.EReaction).ToArray()),
        Column.Of("e_kra", hops.Select(h => h.EKra).ToArray()),
        Column.Of("moving_index", hops.Select(h => (long)h.MovingIndex).ToArray()),
        Column.Of("lattice", hops.Select(h => h.Lattice).ToArray()),
        Column.Of("species", hops.Select(h => h.Species).ToArray()),
        Column.Of("frac_initial", hops.Select(h => h.FracInitial).ToArray()),
        Column.Of("frac_final", hops.Select(h => h.FracFinal).ToArray()),
        Column.Of("moving_frac_saddle", hops.Select(h => h.MovingFracSaddle).ToArray()),
    ]);
}
