using Pipeline.Fitting.Regression;
using Pipeline.Contracts;

namespace Pipeline.Fitting.Tests;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fitting-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BarrierModel Sample() => BarrierModel.FromStandardizedFit(
        "e_kra", ["a", "b"], [2.0, 10.0], [0.5, 4.0], intercept: 0.4, coefStandardized: [0.1, -0.2],
        alpha: 0.01, alphas: [0.1, 0.01], msePathMean: [0.2, 0.1], new LassoSettings(5, 2, 1e-3, 1e-4, 1000, "x"),
        cvRmse: Math.Sqrt(0.1), "abc", "1.0");

    [Fact]
    public void Physical_coefficients_reproduce_the_standardized_prediction()
    {
        var m = Sample();
        // By hand: y = 0.4 + 0.1 (a - 2) / 0.5 - 0.2 (b - 10) / 4.
        double a = 3, b = 7;
        double expected = 0.4 + 0.1 * (a - 2) / 0.5 - 0.2 * (b - 10) / 4;
        Assert.Equal(expected, m.Predict([a, b]), 14);
        Assert.Equal(0.2, m.CoefPhysical[0], 14);
        Assert.Equal(-0.05, m.CoefPhysical[1], 14);
    }

    [Fact]
    public void Predict_allocates_nothing()
    {
        var m = Sample();
        ReadOnlySpan<double> x = [1.0, 2.0];
        m.Predict(x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++)
            sum += m.Predict(x);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(sum));
    }

    [Fact]
    public void Model_json_round_trips()
    {
        var path = Path.Combine(_dir, "m.json");
        Sample().Save(path);
        var m = BarrierModel.Load(path);
        Assert.Equal(["a", "b"], m.Features);
        Assert.Equal(Sample().CoefPhysical, m.CoefPhysical);
        Assert.Equal(Sample().InterceptPhysical, m.InterceptPhysical);
        Assert.Equal("x", m.Settings.GroupColumn);
        Assert.Equal(1000, m.Settings.MaxIter);
        Assert.Equal("abc", m.TrainingDataHash);
    }

    [Fact]
    public void Malformed_model_errors_name_file_and_field()
    {
        var path = Path.Combine(_dir, "bad.json");
        Sample().Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"coef_physical\"", "\"coef_phys\""));
        var e = Assert.Throws<InvalidDataException>(() => BarrierModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("coef_physical", e.Message);
    }

    [Fact]
    public void Scaler_file_round_trips_and_rejects_a_zero_std()
    {
        var path = Path.Combine(_dir, "scaler.json");
        var scaler = ScalerFit.Fit(["u", "v"], [[1.0, 3.0], [5.0, 5.0]], "h");
        ScalerFile.Save(scaler, path);
        var back = ScalerFile.Load(path);
        Assert.Equal([2.0, 5.0], back.Mean);
        Assert.Equal([1.0, 1.0], back.Std);
        Assert.Equal(2, back.NRows);
        Assert.Contains("\"schema\": \"scaler/1\"", File.ReadAllText(path));

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"std\": [\n    1,", "\"std\": [\n    0,"));
        var e = Assert.Throws<InvalidDataException>(() => ScalerFile.Load(path));
        Assert.Contains("std[0]", e.Message);
    }
}
