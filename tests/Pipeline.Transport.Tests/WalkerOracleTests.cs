using Pipeline.Trajectories.Analysis;
using Pipeline.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Pipeline.Transport.Tests;

/// <summary>The MD analysis against trajectories whose transport coefficients are known exactly
/// (<see cref="WalkerTrajectory"/>). Statistical tolerances: the estimate must lie within 4 block standard errors
/// of the exact value (a false alarm once in ~16,000 runs for a Gaussian estimate; the runs are seeded, so a pass
/// is reproducible), and the error bar itself must be small enough to mean something.</summary>
public class WalkerOracleTests(ITestOutputHelper output)
{
    private const double FrameFs = 100; // frame time 0.1 ps
    private static MdTransportResult Analyze(WalkerTrajectory walkers, MdTransportOptions? options = null)
        => MdTransportAnalysis.Analyze(walkers, walkers.Frames, FrameFs, 1, 1000, options ?? new MdTransportOptions { RemoveDrift = false });

    private void Show(string name, MdTransportResult r)
    {
        var t = r.Transport;
        output.WriteLine($"{name}: D* = {t.Tracer.Value:E4} +- {t.Tracer.Error:E2}, D_sigma = {t.Collective.Value:E4} +- {t.Collective.Error:E2}, " +
                         $"H_R = {t.Haven.Value:F4} +- {t.Haven.Error:F4}, log-log slope {t.TracerFit.LogLogSlope:F3}, window [{t.Window.Start}, {t.Window.End}] ps, stride {r.OriginStride}");
    }

    [Fact]
    public void Independent_walkers_give_D_equal_to_p_a_squared_over_6_dt_and_a_Haven_ratio_of_one()
    {
        var walkers = new WalkerTrajectory { Walkers = 128, Frames = 20_000, Seed = 11 };
        var r = Analyze(walkers);
        Show("independent", r);
        double exact = walkers.ExactTracer(0.1);
        var t = r.Transport;
        Assert.InRange(t.Tracer.Value, exact - 4 * t.Tracer.Error, exact + 4 * t.Tracer.Error);
        Assert.True(t.Tracer.Error < 0.05 * exact, $"D* error bar {t.Tracer.Error} is wider than 5 %");
        Assert.InRange(Math.Abs(t.Tracer.Value / exact - 1), 0, 0.05);
        // The collective MSD of independent walkers is as noisy as one walker's: check it against its own error bar.
        Assert.InRange(t.Collective.Value, exact - 4 * t.Collective.Error, exact + 4 * t.Collective.Error);
        Assert.InRange(t.Haven.Value, 1 - 4 * t.Haven.Error, 1 + 4 * t.Haven.Error);
        Assert.InRange(t.Distinct.Value, -4 * t.Distinct.Error, 4 * t.Distinct.Error);
        Assert.Empty(r.Warnings);
        Assert.InRange(t.TracerFit.LogLogSlope, 0.95, 1.05);
    }

    [Fact]
    public void Perfectly_correlated_walkers_have_a_Haven_ratio_of_one_over_N()
    {
        const int n = 16;
        var walkers = new WalkerTrajectory { Walkers = n, Correlated = true, Frames = 20_000, Seed = 5 };
        var r = Analyze(walkers);
        Show("correlated", r);
        var t = r.Transport;
        // Every pair of frames has |sum dr|^2 = N^2 |dr|^2 exactly, so H_R = 1/N for every realization.
        Assert.Equal(1.0 / n, t.Haven.Value, 1e-9);
        Assert.Equal((n - 1) * t.Tracer.Value, t.Distinct.Value, t.Tracer.Value * 1e-9);
        double exact = walkers.ExactTracer(0.1);
        Assert.InRange(t.Tracer.Value, exact - 4 * t.Tracer.Error, exact + 4 * t.Tracer.Error);
    }

    [Fact]
    public void Thermal_vibration_adds_a_constant_six_sigma_squared_but_leaves_D_unchanged()
    {
        const double sigma = 0.3;
        var still = new WalkerTrajectory { Walkers = 128, Frames = 20_000, Seed = 11 };
        var vibrating = new WalkerTrajectory { Walkers = 128, Frames = 20_000, Seed = 11, Vibration = sigma };
        var r0 = Analyze(still);
        var r = Analyze(vibrating);
        Show("vibrating", r);
        double exact = vibrating.ExactTracer(0.1);
        var t = r.Transport;
        Assert.InRange(t.Tracer.Value, exact - 4 * t.Tracer.Error, exact + 4 * t.Tracer.Error);
        // The hops are the same random stream only until the noise draws start, so compare intercepts statistically:
        // the plateau 6 sigma^2 = 0.54 A^2 shows at the shortest lag, where hops add p a^2 = 2 A^2.
        double shortest = r.Msd.Tracer[0] - r0.Msd.Tracer[0];
        Assert.InRange(shortest, 6 * sigma * sigma - 0.1, 6 * sigma * sigma + 0.1);
    }

    [Fact]
    public void Vibration_without_hops_is_flagged_as_not_diffusive()
    {
        var caged = new WalkerTrajectory { Walkers = 32, Frames = 5_000, HopProbability = 0, Vibration = 0.2, Seed = 3 };
        var r = Analyze(caged);
        Show("caged", r);
        Assert.Single(r.Warnings);
        Assert.Contains("not linear", r.Warnings[0]);
        Assert.InRange(r.Transport.Tracer.Value, -4 * r.Transport.Tracer.Error, 4 * r.Transport.Tracer.Error);
    }

    [Fact]
    public void A_uniform_drift_of_every_atom_is_removed_exactly()
    {
        var options = new MdTransportOptions { RemoveDrift = true };
        var plain = Analyze(new WalkerTrajectory { Walkers = 32, Frames = 5_000, Seed = 8 }, options);
        var drifting = Analyze(new WalkerTrajectory { Walkers = 32, Frames = 5_000, Seed = 8, DriftPerFrame = 0.037 }, options);
        var kept = Analyze(new WalkerTrajectory { Walkers = 32, Frames = 5_000, Seed = 8, DriftPerFrame = 0.037 });
        Assert.Equal(plain.Transport.Tracer.Value, drifting.Transport.Tracer.Value, Math.Abs(plain.Transport.Tracer.Value) * 1e-8);
        Assert.Equal(plain.Transport.Collective.Value, drifting.Transport.Collective.Value, Math.Abs(plain.Transport.Collective.Value) * 1e-8);
        Assert.True(kept.Transport.Collective.Value > 2 * drifting.Transport.Collective.Value, "without removal the drift shows");
    }

    [Fact]
    public void An_explicit_fit_window_overrides_the_rule()
    {
        var walkers = new WalkerTrajectory { Walkers = 16, Frames = 4_000, Seed = 2 };
        var rule = Analyze(walkers);
        Assert.True(rule.Transport.Window.FromRule);
        double maxLagPs = rule.MaxLag * 0.1;
        Assert.Equal(0.2 * maxLagPs, rule.Transport.Window.Start, 1e-9);
        Assert.Equal(0.8 * maxLagPs, rule.Transport.Window.End, 1e-9);
        var custom = Analyze(new WalkerTrajectory { Walkers = 16, Frames = 4_000, Seed = 2 },
            new MdTransportOptions { RemoveDrift = false, FitStartPs = 5, FitEndPs = 30 });
        Assert.False(custom.Transport.Window.FromRule);
        Assert.Equal(5, custom.Transport.Window.Start);
        Assert.Equal(30, custom.Transport.Window.End);
    }
}
