namespace Pipeline.Transport.Tests;

/// <summary>The Arrhenius fit moved from the kMC to MathNet linear algebra: it must equal the closed-form weighted
/// least squares the kMC used before (here re-derived independently) on the kinds of data the kMC feeds it.</summary>
public class KmcSharedObservablesTests
{
    [Fact]
    public void Mathnet_arrhenius_fit_equals_the_closed_form_weighted_least_squares()
    {
        var random = new Random(9);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(2, 8);
            var t = Enumerable.Range(0, n).Select(i => 300.0 + 100 * i).ToArray();
            var d = t.Select(T => 1e-3 * Math.Exp(-0.4 / (TransportUnits.Boltzmann * T) + 0.1 * (random.NextDouble() - 0.5))).ToArray();
            var se = d.Select(v => v * (0.01 + 0.1 * random.NextDouble())).ToArray();
            var fit = ArrheniusFit.Fit(t, d, se);

            var x = t.Select(T => 1 / (TransportUnits.Boltzmann * T)).ToArray();
            var y = d.Select(v => Math.Log(v)).ToArray();
            var w = se.Select((s, i) => 1 / Math.Pow(s / d[i], 2)).ToArray();
            double sw = w.Sum(), swx = w.Zip(x, (a, b) => a * b).Sum(), swy = w.Zip(y, (a, b) => a * b).Sum();
            double swxx = Enumerable.Range(0, n).Sum(i => w[i] * x[i] * x[i]), swxy = Enumerable.Range(0, n).Sum(i => w[i] * x[i] * y[i]);
            double det = sw * swxx - swx * swx;
            double slope = (sw * swxy - swx * swy) / det, intercept = (swxx * swy - swx * swxy) / det;
            double chi2 = Enumerable.Range(0, n).Sum(i => w[i] * Math.Pow(y[i] - intercept - slope * x[i], 2));
            double scale = n > 2 ? Math.Max(1, chi2 / (n - 2)) : 1;
            Assert.Equal(-slope, fit.ActivationEnergy, 1e-9);
            Assert.Equal(Math.Sqrt(sw / det * scale), fit.ActivationEnergyError, 1e-9);
            Assert.Equal(Math.Exp(intercept), fit.Prefactor, Math.Exp(intercept) * 1e-8);
            Assert.Equal(Math.Exp(intercept) * Math.Sqrt(swxx / det * scale), fit.PrefactorError, Math.Exp(intercept) * 1e-8);
        }
    }
}
