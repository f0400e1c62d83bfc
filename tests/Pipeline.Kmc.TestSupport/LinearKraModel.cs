using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>E_KRA = intercept + sum coef[i] x[i] over descriptors 1-10: for tests, benchmarks and synthetic truth.</summary>
public sealed class LinearKraModel : IKraModel
{
    private readonly double _intercept;
    private readonly double[] _coef;

    public LinearKraModel(double intercept, IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count != Pipeline.RockSalt.HopDescriptors.KraCount)
            throw new ArgumentException($"a KRA model takes {Pipeline.RockSalt.HopDescriptors.KraCount} coefficients, got {coefficients.Count}");
        _intercept = intercept;
        _coef = coefficients.ToArray();
    }

    /// <summary>A constant KRA barrier (all coefficients zero).</summary>
    public static LinearKraModel Constant(double kra) => new(kra, new double[Pipeline.RockSalt.HopDescriptors.KraCount]);

    public double Predict(ReadOnlySpan<double> descriptors)
    {
        double y = _intercept;
        for (int i = 0; i < _coef.Length; i++) y += _coef[i] * descriptors[i];
        return y;
    }
}
