namespace Pipeline.Transport.Unwrapping;

/// <summary>Removes the drift of the centre of mass of the whole system from the positions of the mobile ions: in a
/// closed system the total momentum is conserved, so any centre-of-mass motion of the unwrapped trajectory (a
/// thermostat artefact, numerical noise) is not diffusion and would inflate the collective MSD most.</summary>
public sealed class DriftCorrection
{
    private readonly double[] _masses;
    private readonly double _totalMass;
    private double _x0, _y0, _z0;
    private bool _started;

    /// <param name="masses">Mass of every atom (any unit; only ratios matter).</param>
    public DriftCorrection(double[] masses)
    {
        _masses = masses;
        _totalMass = masses.Sum();
        if (!(_totalMass > 0)) throw new ArgumentException("the total mass must be positive", nameof(masses));
    }

    /// <summary>Centre-of-mass displacement since the first frame, from all atoms' unwrapped positions.</summary>
    public (double X, double Y, double Z) Drift(ReadOnlySpan<double> unwrappedAll)
    {
        double x = 0, y = 0, z = 0;
        for (int a = 0; a < _masses.Length; a++)
        {
            double m = _masses[a];
            x += m * unwrappedAll[3 * a]; y += m * unwrappedAll[3 * a + 1]; z += m * unwrappedAll[3 * a + 2];
        }
        x /= _totalMass; y /= _totalMass; z /= _totalMass;
        if (!_started) { (_x0, _y0, _z0) = (x, y, z); _started = true; }
        return (x - _x0, y - _y0, z - _z0);
    }
}
