namespace Pipeline.Kmc.Engine;

/// <summary>The observables' raw state at one sample time. Displacements are exact integers in units of a/2:
/// SumSquared = sum over ions |dr_i|^2, (CollectiveX, Y, Z) = sum over ions dr_i.</summary>
public readonly record struct TrajectorySample(
    double Time, long Steps, long Jumps, long SumSquared, long CollectiveX, long CollectiveY, long CollectiveZ);

/// <summary>Counts of executed hops by the TM count on the gates of their "up" (more open) tetrahedron, i.e. the
/// canonical descriptor gate_tm_up (0, 1 or 2); gate_tm_up = 0 is a hop with a 0-TM channel. The KRA model gives
/// one barrier per hop, not per path, so this is the chemistry of the hop, not the path the ion took.
/// Also the sum of the executed hops' activation energies.</summary>
public sealed class JumpStatistics
{
    public long[] ByGateTmUp { get; } = new long[3];

    public double BarrierSum { get; set; }

    public long Total => ByGateTmUp[0] + ByGateTmUp[1] + ByGateTmUp[2];

    public double ZeroTmFraction => Total == 0 ? double.NaN : (double)ByGateTmUp[0] / Total;

    public double MeanBarrier => Total == 0 ? double.NaN : BarrierSum / Total;
}
