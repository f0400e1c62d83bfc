namespace Pipeline.Kmc.Barriers;

/// <summary>Predicts the kinetically resolved activation barrier (eV) of a hop from descriptors 1-10
/// (<see cref="Pipeline.RockSalt.HopDescriptors"/> order). Must not allocate.</summary>
public interface IKraModel
{
    double Predict(ReadOnlySpan<double> descriptors);
}
