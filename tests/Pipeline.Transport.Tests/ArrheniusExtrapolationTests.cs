namespace Pipeline.Transport.Tests;

public class ArrheniusExtrapolationTests
{
    [Fact]
    public void Extrapolation_error_is_the_textbook_prediction_band_of_an_unweighted_line()
    {
        // ln D = a + b x with scatter; closed form: var(a + b x0) = s^2 (1/n + (x0 - xbar)^2 / Sxx).
        double[] t = [500, 600, 700, 800, 900, 1000];
        double[] noise = [0.05, -0.08, 0.02, 0.07, -0.04, -0.02];
        var d = t.Select((T, i) => 1e-3 * Math.Exp(-0.3 / (TransportUnits.Boltzmann * T) + noise[i])).ToArray();
        var fit = ArrheniusFit.Fit(t, d);
        var x = t.Select(T => 1 / (TransportUnits.Boltzmann * T)).ToArray();
        var y = d.Select(v => Math.Log(v)).ToArray();
        double xbar = x.Average(), ybar = y.Average();
        double sxx = x.Sum(v => (v - xbar) * (v - xbar));
        double b = x.Zip(y, (xi, yi) => (xi - xbar) * (yi - ybar)).Sum() / sxx;
        double a = ybar - b * xbar;
        double s2 = x.Zip(y, (xi, yi) => Math.Pow(yi - a - b * xi, 2)).Sum() / (x.Length - 2);
        double x0 = 1 / (TransportUnits.Boltzmann * 300);
        double expected = Math.Exp(a + b * x0);
        double expectedError = expected * Math.Sqrt(s2 * (1.0 / x.Length + (x0 - xbar) * (x0 - xbar) / sxx));

        var (value, error) = fit.Extrapolate(300);
        Assert.Equal(-b, fit.ActivationEnergy, 1e-10);
        Assert.Equal(expected, value, expected * 1e-9);
        Assert.Equal(expectedError, error, expectedError * 1e-9);
        Assert.Equal(Math.Sqrt(s2 / sxx), fit.ActivationEnergyError, 1e-10);
    }

    [Fact]
    public void Exact_data_extrapolate_exactly()
    {
        double[] t = [600, 800, 1000];
        var d = t.Select(T => 2e-3 * Math.Exp(-0.45 / (TransportUnits.Boltzmann * T))).ToArray();
        var (value, _) = ArrheniusFit.Fit(t, d).Extrapolate(300);
        double exact = 2e-3 * Math.Exp(-0.45 / (TransportUnits.Boltzmann * 300));
        Assert.Equal(exact, value, exact * 1e-9);
        Assert.True(double.IsNaN(ArrheniusFit.Fit([600.0], [1e-6]).Extrapolate(300).Value));
    }
}
