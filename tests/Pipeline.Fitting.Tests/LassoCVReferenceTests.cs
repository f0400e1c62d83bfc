using Xunit.Abstractions;
using Pipeline.Fitting.Regression;
using Pipeline.Fitting.Tests.Support;

namespace Pipeline.Fitting.Tests;

/// <summary>The oracle of DOMAIN.md section 5: scikit-learn 1.2.1's LassoCV on 12 tables, after z-score
/// standardisation with the population std, with cv=5, n_alphas=100, eps=1e-3, tol=1e-10, max_iter=1e6.</summary>
public class LassoCVReferenceTests(ITestOutputHelper output)
{
    private static readonly LassoCVOptions ReferenceSettings = new()
    {
        Folds = 5, NAlphas = 100, Eps = 1e-3, Tol = 1e-10, MaxIter = 1_000_000,
    };

    public static IEnumerable<object[]> Cases() => ReferenceCase.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var c = ReferenceCase.Load(name);
        var raw = ColumnMajorMatrix.FromColumns(c.X);
        var (mean, std) = Standardizer.Fit(raw);
        var x = Standardizer.Transform(raw, mean, std);

        var fit = LassoCV.Fit(x, c.Y, ReferenceSettings);

        Assert.Equal(c.Alphas.Length, fit.Alphas.Length);
        for (int k = 0; k < c.Alphas.Length; k++)
            AssertRelative(c.Alphas[k], fit.Alphas[k], 1e-10, $"{name} alphas[{k}]");
        AssertRelative(c.Alpha, fit.Alpha, 1e-10, $"{name} alpha");
        for (int k = 0; k < c.MsePathMean.Length; k++)
            AssertRelative(c.MsePathMean[k], fit.MsePathMean[k], 1e-8, $"{name} mse_path_mean[{k}]");
        for (int j = 0; j < c.CoefStandardized.Length; j++)
            Assert.True(Math.Abs(c.CoefStandardized[j] - fit.Model.Coefficients[j]) <= 1e-7,
                $"{name} coef[{j}]: expected {c.CoefStandardized[j]:R}, got {fit.Model.Coefficients[j]:R}");
        Assert.True(Math.Abs(c.Intercept - fit.Model.Intercept) <= 1e-7,
            $"{name} intercept: expected {c.Intercept:R}, got {fit.Model.Intercept:R}");
        Assert.Equal(0, fit.NotConvergedSolves);

        output.WriteLine($"{name}: alpha rel {Relative(c.Alpha, fit.Alpha):E1}, " +
            $"grid rel {c.Alphas.Select((a, k) => Relative(a, fit.Alphas[k])).Max():E1}, " +
            $"mse rel {c.MsePathMean.Select((m, k) => Relative(m, fit.MsePathMean[k])).Max():E1}, " +
            $"coef abs {c.CoefStandardized.Select((w, j) => Math.Abs(w - fit.Model.Coefficients[j])).Max():E1}");
    }

    private static double Relative(double expected, double actual) =>
        Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double scale = Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:E2})");
    }
}
