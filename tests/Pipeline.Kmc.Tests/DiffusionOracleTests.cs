using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Observables;
using Xunit.Abstractions;

namespace Pipeline.Kmc.Tests;

/// <summary>DOMAIN.md section 7 oracles for the constant-barrier lattice gas. Rates are k = nu = 1/s (barrier 0),
/// so D0 = k a^2. Runs have fixed simulated time, which keeps |dr|^2/(6t) unbiased.</summary>
public class DiffusionOracleTests(ITestOutputHelper output)
{
    private const double A = Configurations.A;
    private static readonly double D0 = A * A * Units.SquareAngstromToSquareCm; // k a^2 in cm^2/s with k = 1/s

    [Fact]
    public void One_li_on_an_empty_lattice_diffuses_with_D_equal_k_a_squared()
    {
        // A lone walker's displacements over disjoint time blocks are independent walks, so one long run split into
        // 40000 blocks of 12 expected hops is as good as 40000 runs. Per block |dr|^2 has relative sd
        // sqrt(2/3 + 1/12); the mean's standard error is 0.43 %, so the 2 % tolerance is 4.6 standard errors.
        const int blocks = 40_000;
        var lattice = Configurations.Random(2, 1, 0, 1);
        var engine = new KmcEngine(lattice, new ConstantBarrier(0), 300, 1.0, 2);
        var trajectory = engine.Run(RunLength.SimulatedTime(blocks), blocks);
        var estimate = DiffusionEstimate.From(trajectory, 1, A, Configurations.Volume(lattice), 300, blocks);
        // With one ion the collective displacement is the tracer's own.
        output.WriteLine($"D = {estimate.JumpD:E5} cm2/s, k a^2 = {D0:E5}, ratio {estimate.JumpD / D0:F4}");
        Assert.InRange(estimate.JumpD / D0, 0.98, 1.02);
    }

    [Fact]
    public void One_vacancy_in_a_full_lattice_gives_the_fcc_tracer_correlation_factor()
    {
        // Each ion's |dr|^2 fluctuates like a chi-square with 3 dof, so precision needs many ion trajectories
        // (runs x ions), not long runs: 36 runs x 2047 ions x 30 jumps give a standard error of about 0.0024.
        // A periodic cell adds the vacancy-driven drift of the centre of mass, about +1/N (+0.0005 here).
        const int runs = 36, l = 8;
        long sumSq = 0, jumps = 0;
        for (int seed = 0; seed < runs; seed++)
        {
            var lattice = Configurations.Random(l, 4 * l * l * l - 1, 0, (ulong)seed);
            var engine = new KmcEngine(lattice, new ConstantBarrier(0), 300, 1.0, (ulong)seed + 77);
            var traj = engine.Run(RunLength.Events(30L * lattice.IonCount), 1);
            sumSq += traj[^1].SumSquared;
            jumps += traj[^1].Jumps;
        }
        double f = sumSq / (2.0 * jumps);
        output.WriteLine($"f = {f:F4} (Compaan and Haven 0.78145)");
        Assert.InRange(f, 0.78145 - 0.01, 0.78145 + 0.01);
    }

    [Fact]
    public void Lattice_gas_jump_diffusivity_is_one_minus_c_times_D0_and_the_haven_ratio_falls_with_c()
    {
        // Per c: about 6400 ion trajectories of ~60 jumps for D* (1 % error) and 12000 time blocks of ~30 hops for
        // D_J (0.75 % error, so 3 % is 4 standard errors).
        const int l = 4, sites = 4 * l * l * l;
        var haven = new List<double>();
        foreach (double c in new[] { 0.25, 0.5, 0.75 })
        {
            int li = (int)(c * sites);
            int runs = 6400 / li;
            int blocks = 12000 / runs;
            double time = 60 / (12 * (1 - c));
            double tracer = 0, jump = 0;
            for (int seed = 0; seed < runs; seed++)
            {
                var lattice = Configurations.Random(l, li, 0, (ulong)(1000 * c) + (ulong)seed * 7919);
                var engine = new KmcEngine(lattice, new ConstantBarrier(0), 300, 1.0, (ulong)seed + 31);
                var traj = engine.Run(RunLength.SimulatedTime(time), blocks);
                var e = DiffusionEstimate.From(traj, li, A, Configurations.Volume(lattice), 300, blocks);
                tracer += e.TracerD / runs;
                jump += e.JumpD / runs;
            }
            double h = tracer / jump;
            output.WriteLine($"c = {c}: D_J/D0 = {jump / D0:F4} (expected {1 - c}), D*/D0 = {tracer / D0:F4}, H_R = {h:F4}");
            Assert.InRange(jump / ((1 - c) * D0), 0.97, 1.03);
            haven.Add(h);
        }
        Assert.True(haven[0] > haven[1] && haven[1] > haven[2], $"Haven ratios {string.Join(", ", haven)} must decrease with c");
        Assert.InRange(haven[0], 0.88, 1.0);
        Assert.InRange(haven[2], 0.78, 0.88);
    }
}
