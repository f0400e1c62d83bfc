using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Observables;
using Pipeline.Kmc.Percolation;
using Pipeline.RockSalt;
using Xunit.Abstractions;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

/// <summary>The oracles again with 10-100x the statistics and tighter tolerances (PIPELINE_LONG_TESTS=1).</summary>
public class LongOracleTests(ITestOutputHelper output)
{
    private const double A = Configurations.A;
    private static readonly double D0 = A * A * Units.SquareAngstromToSquareCm;

    [LongFact]
    public void One_li_D_equals_k_a_squared_within_half_a_percent()
    {
        const int blocks = 1_000_000; // standard error 0.09 %
        var lattice = Configurations.Random(2, 1, 0, 3);
        var traj = new KmcEngine(lattice, new ConstantBarrier(0), 300, 1.0, 4).Run(RunLength.SimulatedTime(blocks), blocks);
        double ratio = DiffusionEstimate.From(traj, 1, A, Configurations.Volume(lattice), 300, blocks).JumpD / D0;
        output.WriteLine($"D / k a^2 = {ratio:F5}");
        Assert.InRange(ratio, 0.995, 1.005);
    }

    [LongFact]
    public void One_vacancy_correlation_factor_within_0_003()
    {
        const int runs = 400, l = 8; // standard error about 0.0007; finite-size shift +1/N = +0.0005
        long sumSq = 0, jumps = 0;
        for (int seed = 0; seed < runs; seed++)
        {
            var lattice = Configurations.Random(l, 4 * l * l * l - 1, 0, (ulong)seed + 5000);
            var traj = new KmcEngine(lattice, new ConstantBarrier(0), 300, 1.0, (ulong)seed).Run(RunLength.Events(60L * lattice.IonCount), 1);
            sumSq += traj[^1].SumSquared;
            jumps += traj[^1].Jumps;
        }
        double f = sumSq / (2.0 * jumps);
        output.WriteLine($"f = {f:F5}");
        Assert.InRange(f, 0.78145 - 0.003, 0.78145 + 0.003);
    }

    [LongFact]
    public void Haven_ratio_of_a_nearly_full_lattice_gas_approaches_the_correlation_factor()
    {
        // c = 0.97 in an 864-site cell: D_J = (1 - c) D0 within 3 %, H_R within 0.02 of 0.78145 from above.
        const int l = 6, sites = 4 * l * l * l;
        int li = (int)(0.97 * sites), runs = 40, blocks = 500;
        double tracer = 0, jump = 0;
        for (int seed = 0; seed < runs; seed++)
        {
            var lattice = Configurations.Random(l, li, 0, (ulong)seed + 11);
            var traj = new KmcEngine(lattice, new ConstantBarrier(0), 300, 1.0, (ulong)seed).Run(RunLength.SimulatedTime(30 / (12 * 0.03)), blocks);
            var e = DiffusionEstimate.From(traj, li, A, Configurations.Volume(lattice), 300, blocks);
            tracer += e.TracerD / runs;
            jump += e.JumpD / runs;
        }
        double c = (double)li / sites;
        output.WriteLine($"D_J / ((1 - c) D0) = {jump / ((1 - c) * D0):F4}, H_R = {tracer / jump:F4}");
        Assert.InRange(jump / ((1 - c) * D0), 0.97, 1.03);
        Assert.InRange(tracer / jump, 0.78145 - 0.005, 0.78145 + 0.02);
    }

    [LongFact]
    public void Percolation_thresholds_on_larger_cells()
    {
        var cell = RockSaltSupercell.Cubic(20, A);
        var index = new CubicSiteIndex(cell);
        var site = new List<double>();
        var zeroTm = new List<double>();
        for (int r = 0; r < 200; r++)
        {
            var order = Enumerable.Range(0, cell.CationCount).ToArray();
            new Xoshiro256((ulong)r + 77).Shuffle<int>(order);
            site.Add(SitePercolation.FirstWrapFraction(cell, order, WrapCriterion.AnyAxis));
            zeroTm.Add(ZeroTmNetwork.FirstWrapLiFraction(index, cell.CationCount, order, WrapCriterion.AnyAxis));
        }
        var s = MeanWithError.Of(site);
        var z = MeanWithError.Of(zeroTm);
        output.WriteLine($"fcc site {s.Mean:F4} +- {s.StandardError:F4}; 0-TM {z.Mean:F4} +- {z.StandardError:F4}");
        Assert.InRange(s.Mean, 0.199236 - 0.003, 0.199236 + 0.003);
        Assert.InRange(z.Mean, 0.545 - 0.01, 0.545 + 0.01);
    }
}
