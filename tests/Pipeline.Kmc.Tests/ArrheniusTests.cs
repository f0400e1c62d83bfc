using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Observables;
using Xunit.Abstractions;

namespace Pipeline.Kmc.Tests;

public class ArrheniusTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_of_exact_arrhenius_data_returns_its_parameters()
    {
        double[] t = [300, 400, 500, 600];
        var d = t.Select(x => 2e-3 * Math.Exp(-0.42 / (Units.Boltzmann * x))).ToArray();
        var fit = ArrheniusFit.Fit(t, d, d.Select(x => 0.01 * x).ToArray());
        Assert.Equal(0.42, fit.ActivationEnergy, 1e-9);
        Assert.Equal(2e-3, fit.Prefactor, 1e-12);
        // Error bars from the 1 % point errors: sigma(Ea) = 0.01 / sqrt(sum w (x - xbar)^2).
        var x = t.Select(v => 1 / (Units.Boltzmann * v)).ToArray();
        double mean = x.Average();
        Assert.Equal(0.01 / Math.Sqrt(x.Sum(v => (v - mean) * (v - mean))), fit.ActivationEnergyError, 1e-9);
    }

    [Fact]
    public void Fit_needs_two_temperatures_with_positive_diffusivity()
    {
        Assert.True(double.IsNaN(ArrheniusFit.Fit([300.0], [1e-8]).ActivationEnergy));
        Assert.True(double.IsNaN(ArrheniusFit.Fit([300.0, 400], [0.0, 1e-8]).ActivationEnergy));
        Assert.True(double.IsNaN(ArrheniusFit.Fit([300.0, 400], [1e-9, 1e-8]).ActivationEnergyError), "two points leave no residual");
    }

    [Fact]
    public void Constant_barrier_kmc_gives_back_the_barrier_within_its_error_bar()
    {
        const double barrier = 0.25;
        double[] temperatures = [300, 400, 500, 600, 700];
        var means = new double[temperatures.Length];
        var errors = new double[temperatures.Length];
        for (int i = 0; i < temperatures.Length; i++)
        {
            var d = new List<double>();
            for (int seed = 0; seed < 8; seed++)
            {
                ulong s = (ulong)(100 * i + seed);
                var lattice = Configurations.Drs(3, 0.5, s);
                var engine = new KmcEngine(lattice, new ConstantBarrier(barrier), temperatures[i], 1e13, s + 5);
                var traj = engine.Run(RunLength.Events(50L * lattice.IonCount), 10);
                d.Add(DiffusionEstimate.From(traj, lattice.IonCount, Configurations.A, Configurations.Volume(lattice), temperatures[i], 10).TracerD);
            }
            var m = MeanWithError.Of(d);
            (means[i], errors[i]) = (m.Mean, m.StandardError);
        }
        var fit = ArrheniusFit.Fit(temperatures, means, errors);
        output.WriteLine($"Ea = {fit.ActivationEnergy:F4} +- {fit.ActivationEnergyError:F4} eV (barrier {barrier})");
        // Three standard errors: a 0.3 % chance of a false alarm; the error bar itself must be tight.
        Assert.InRange(fit.ActivationEnergy, barrier - 3 * fit.ActivationEnergyError, barrier + 3 * fit.ActivationEnergyError);
        Assert.True(fit.ActivationEnergyError < 0.01, $"error bar {fit.ActivationEnergyError} eV is too wide to mean anything");
    }
}
