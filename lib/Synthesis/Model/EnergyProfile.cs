namespace Pipeline.Synthesis.Model;

/// <summary>The smooth energy profile along a synthetic band, as a function of the arc-length fraction u in [0, 1]:
/// E0 + Ef sin^2(pi u) up to the saddle at u = 1/2, EN + Eb sin^2(pi u) after it (Ef = forward, Eb = Ef - dE
/// backward barrier). Both halves meet at E0 + Ef with zero slope, each is monotonic, so with an odd number of
/// intermediate images the middle one is the highest whenever Ef and Eb are positive.</summary>
internal readonly record struct EnergyProfile(double Initial, double Forward, double DeltaE)
{
    public double Final => Initial + DeltaE;
    public double Backward => Forward - DeltaE;
    public double Saddle => Initial + Forward;

    public double At(double u)
    {
        if (u <= 0) return Initial;
        if (u >= 1) return Final;
        double s = Math.Sin(Math.PI * u);
        return u <= 0.5 ? Initial + Forward * s * s : Final + Backward * s * s;
    }

    /// <summary>dE/du.</summary>
    public double Slope(double u) => Math.PI * Math.Sin(2 * Math.PI * u) * (u <= 0.5 ? Forward : Backward);
}
