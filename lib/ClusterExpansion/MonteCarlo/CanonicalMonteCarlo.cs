using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Canonical (fixed composition) Metropolis Monte Carlo with the cluster expansion: swaps of two sites
/// within one sublattice (any two species of it: vacancy, mobile ion and every other cation; every anion species), accepted with probability min(1, exp(-dE / k_B T)), dE from the evaluator's local
/// SwapDelta. Used to give the kMC a short-range-ordered starting configuration at a synthesis temperature.
/// A sweep is one attempt per movable site; the sublattice of an attempt is drawn in proportion to its movable
/// sites, then two distinct movable sites of it uniformly (a symmetric proposal, so detailed balance holds).</summary>
public sealed class CanonicalMonteCarlo
{
    public const double BoltzmannEvPerK = 8.617333262e-5;

    private readonly CeEvaluator _evaluator;
    private readonly MonteCarloOptions _options;

    public CanonicalMonteCarlo(CeEvaluator evaluator, MonteCarloOptions? options = null)
    {
        _evaluator = evaluator;
        _options = options ?? new MonteCarloOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.EquilibrationSweeps);
    }

    /// <summary>Runs <paramref name="sweeps"/> sweeps at <paramref name="temperature"/> (K; 0 = quench, accept only
    /// dE &lt;= 0) and leaves the final configuration in the arrays.</summary>
    public MonteCarloResult Run(Span<byte> cations, Span<byte> anions, double temperature, int sweeps, Random rng)
    {
        if (!(temperature >= 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be finite and >= 0 K");
        ArgumentOutOfRangeException.ThrowIfNegative(sweeps);
        _evaluator.Validate(cations, anions);
        var cationSites = _options.SwapCations ? MobileSites(cations) : [];
        var anionSites = _options.SwapAnions ? MobileSites(anions) : [];
        int movable = (cationSites.Length >= 2 ? cationSites.Length : 0) + (anionSites.Length >= 2 ? anionSites.Length : 0);
        int cationShare = cationSites.Length >= 2 ? cationSites.Length : 0;
        double beta = temperature > 0 ? 1.0 / (BoltzmannEvPerK * temperature) : double.PositiveInfinity;

        double initial = _evaluator.TotalEnergy(cations, anions);
        double energy = initial;
        long attempts = 0, accepted = 0;
        var sampled = new List<double>();
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            for (int step = 0; step < movable; step++)
            {
                attempts++;
                bool onCations = rng.Next(movable) < cationShare;
                var sites = onCations ? cationSites : anionSites;
                int i = sites[rng.Next(sites.Length)];
                int j = sites[rng.Next(sites.Length - 1)];
                if (j == i) j = sites[^1]; // uniform over the other sites
                var sublattice = onCations ? Sublattice.Cation : Sublattice.Anion;
                var array = onCations ? cations : anions;
                if (array[i] == array[j]) continue;
                double dE = _evaluator.SwapDelta(cations, anions, sublattice, i, j);
                if (dE > 0 && !(rng.NextDouble() < Math.Exp(-beta * dE))) continue;
                (array[i], array[j]) = (array[j], array[i]);
                energy += dE;
                accepted++;
            }
            if (sweep >= _options.EquilibrationSweeps) sampled.Add(energy);
        }
        double final = _evaluator.TotalEnergy(cations, anions);
        double mean = sampled.Count > 0 ? sampled.Average() : final;
        double std = sampled.Count > 0 ? Math.Sqrt(sampled.Average(e => (e - mean) * (e - mean))) : 0.0;
        return new MonteCarloResult(initial, final, mean, std,
            mean * CeModel.CationSitesPerFormulaUnit / _evaluator.Cell.CationCount, attempts, accepted, sampled.Count, sampled.ToArray());
    }

    private int[] MobileSites(ReadOnlySpan<byte> species)
    {
        var codes = _options.MobileCodes;
        var mobile = _options.MobileSpecies;
        var list = new List<int>();
        for (int i = 0; i < species.Length; i++)
            if (codes is not null ? codes.Contains(species[i]) : mobile is null || mobile.Contains((Species)species[i])) list.Add(i);
        return list.ToArray();
    }
}
