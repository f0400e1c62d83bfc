namespace Pipeline.Transport.Msd;

/// <summary>MSDs at a set of lags, per mobile ion, in Angstrom^2: tracer (self) &lt;sum_i |dr_i|^2&gt; / N and
/// collective &lt;|sum_i dr_i|^2&gt; / N (so that both have slope 2 d D); the distinct part is their difference.
/// <see cref="Origins"/> counts the time origins averaged at each lag.</summary>
public sealed record MsdCurve(double[] LagTimes, double[] Tracer, double[] Collective, long[] Origins)
{
    public int Count => LagTimes.Length;

    public double Distinct(int k) => Collective[k] - Tracer[k];
}
