using Pipeline.RockSalt;

namespace Pipeline.Kmc.Barriers;

/// <summary>Predicts the kinetically resolved activation barrier (eV) of a hop from the KRA descriptors of
/// <see cref="Descriptors"/> (every column but delta_e, in the set's order). Must not allocate.</summary>
public interface IKraModel
{
    /// <summary>The descriptor set (and with it the chemistry) the model reads; the standard Li-V-O-F set by default.</summary>
    DescriptorSet Descriptors => DescriptorSet.LiVOF;

    double Predict(ReadOnlySpan<double> descriptors);
}
