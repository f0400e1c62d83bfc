using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Events;
using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Engine;

/// <summary>Residence-time (BKL) kinetic Monte Carlo: pick one event with probability rate/R_total, advance the
/// clock by dt = -ln(u)/R_total, apply the hop, refresh the impacted events. Two random numbers per event from
/// one seeded stream, so a run is a pure function of its seed and inputs.</summary>
public sealed class KmcEngine
{
    private readonly KmcLattice _lattice;
    private readonly EventTable _events;
    private readonly Xoshiro256 _rng;
    private readonly Int3[][] _gates = Enumerable.Range(0, 12)
        .Select(d => HopGeometry.For(d).Gates.Select(g => HopGeometry.NeighborVectors[g]).ToArray()).ToArray();

    public KmcEngine(KmcLattice lattice, IBarrierProvider barriers, double temperature, double nu, ulong seed)
    {
        _lattice = lattice;
        Temperature = temperature;
        _events = new EventTable(lattice, barriers, nu, temperature);
        _rng = new Xoshiro256(seed);
    }

    public KmcLattice Lattice => _lattice;
    public EventTable Events => _events;
    public double Temperature { get; }
    public double Time { get; private set; }
    public long Steps { get; private set; }
    public JumpStatistics Jumps { get; } = new();

    /// <summary>Initial and final site of the last executed hop ((-1, -1) before the first).</summary>
    public (int From, int To) LastHop { get; private set; } = (-1, -1);

    /// <summary>Executes one event. Returns false (and does nothing) when no event is possible.</summary>
    public bool Step() => StepBefore(double.PositiveInfinity);

    /// <summary>Runs for <paramref name="length"/>, recording <paramref name="samples"/> + 1 evenly spaced samples
    /// (in events or in time) including the start. <paramref name="progress"/> receives the completed fraction and
    /// the events executed so far, now and then. A run that runs out of events stops early (D = 0). A run for a
    /// simulated time throws <see cref="KmcEventCapException"/> after <paramref name="maxEvents"/> events.</summary>
    public TrajectorySample[] Run(RunLength length, int samples, Action<double, long>? progress = null, CancellationToken cancel = default,
        long maxEvents = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var result = new TrajectorySample[samples + 1];
        result[0] = Sample();
        double start = Time;
        long startSteps = Steps;
        for (int k = 1; k <= samples; k++)
        {
            if (length.ByTime)
            {
                double until = start + length.Time * k / samples;
                while (StepBefore(until))
                {
                    if ((Steps & 0xFFFF) == 0) Report(progress, (Time - start) / length.Time, Steps - startSteps, cancel);
                    if (Steps - startSteps >= maxEvents) throw CapReached(maxEvents, Time - start, length.Time);
                }
                if (Time < until) { Time = until; _timeCompensation = 0; }
            }
            else
            {
                long until = startSteps + (long)Math.Round((double)length.Steps * k / samples);
                while (Steps < until && StepBefore(double.PositiveInfinity))
                    if ((Steps & 0xFFFF) == 0) Report(progress, (double)(Steps - startSteps) / length.Steps, Steps - startSteps, cancel);
            }
            result[k] = Sample();
        }
        progress?.Invoke(1.0, Steps - startSteps);
        return result;
    }

    public TrajectorySample Sample()
    {
        var c = _lattice.CollectiveDisplacement;
        return new TrajectorySample(Time, Steps, _lattice.TotalJumps, _lattice.SumSquaredDisplacement, c.X, c.Y, c.Z);
    }

    /// <summary>Executes the next event if it happens before <paramref name="until"/>; otherwise leaves the state as it
    /// is (memorylessness makes stopping here and drawing afresh later exact).</summary>
    private bool StepBefore(double until)
    {
        double total = _events.TotalRate;
        if (!(total > 0)) return false;
        double dt = -Math.Log(_rng.NextDoubleNonZero()) / total;
        if (Time + dt > until) return false;
        var (from, direction, rate) = _events.Select(_rng.NextDouble() * total);
        _events.BeforeHop(from, direction);
        int to = _lattice.Neighbor(from, direction);
        _lattice.PrefetchHop(from, to);
        CountJump(from, direction, rate);
        _lattice.Hop(from, direction, to);
        _events.AfterHop(from, direction, to);
        LastHop = (from, to);
        AdvanceClock(dt);
        Steps++;
        return true;
    }

    // Kahan-compensated clock: 10^9 tiny increments would otherwise lose digits.
    private double _timeCompensation;

    private void AdvanceClock(double dt)
    {
        double y = dt - _timeCompensation;
        double t = Time + y;
        _timeCompensation = (t - Time) - y;
        Time = t;
    }

    private void CountJump(int from, int direction, double rate)
    {
        var gates = _gates[direction];
        var cations = _lattice.Cations;
        var index = _lattice.Index;
        var (x, y, z) = index.Coordinates(from);
        // TM = any non-mobile cation: on a cation site every code from FirstOtherCation up is one.
        int Tm(Int3 g) => cations[index.At(x, y, z, g.X, g.Y, g.Z)] >= Chemistry.FirstOtherCation ? 1 : 0;
        int tm1 = Tm(gates[0]) + Tm(gates[1]);
        int tm2 = Tm(gates[2]) + Tm(gates[3]);
        // The up tetrahedron is the one with fewer TM on its gates (first key of the canonical order).
        Jumps.ByGateTmUp[Math.Min(tm1, tm2)]++;
        Jumps.BarrierSum += _events.BarrierOf(rate);
    }

    private static KmcEventCapException CapReached(long maxEvents, double reached, double requested)
        => new(FormattableString.Invariant(
            $"the kMC run stopped after {maxEvents} events at t = {reached:G4} s of the requested {requested:G4} s (the cap on events per run): ")
            + "lower 'time', or use 'steps' to run a fixed number of events");

    private static void Report(Action<double, long>? progress, double fraction, long events, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        progress?.Invoke(fraction, events);
    }
}
