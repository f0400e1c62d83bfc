using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>E_KRA = intercept + sum coef[i] x[i] over the KRA descriptors of a descriptor set (all but delta_e; the
/// standard Li-V-O-F set unless given): for tests, benchmarks and synthetic truth.</summary>
public sealed class LinearKraModel : IKraModel
{
    private readonly double _intercept;
    private readonly double[] _coef;

    public LinearKraModel(double intercept, IReadOnlyList<double> coefficients, DescriptorSet? descriptors = null)
    {
        Descriptors = descriptors ?? DescriptorSet.LiVOF;
        if (coefficients.Count != Descriptors.KraCount)
            throw new ArgumentException($"a KRA model of {Descriptors.Name} descriptors for {Descriptors.Chemistry} takes {Descriptors.KraCount} coefficients, got {coefficients.Count}");
        _intercept = intercept;
        _coef = coefficients.ToArray();
    }

    /// <summary>A constant KRA barrier (all coefficients zero).</summary>
    public static LinearKraModel Constant(double kra) => new(kra, new double[HopDescriptors.KraCount]);

    public DescriptorSet Descriptors { get; }

    public double Predict(ReadOnlySpan<double> descriptors)
    {
        double y = _intercept;
        for (int i = 0; i < _coef.Length; i++) y += _coef[i] * descriptors[i];
        return y;
    }
}
