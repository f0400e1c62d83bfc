namespace Pipeline.ActiveLearning.Acquisition;

/// <summary>What the acquisition knows about one candidate.</summary>
/// <param name="Index">Position in the candidate list.</param>
/// <param name="Predicted">The barrier model's prediction (eV).</param>
/// <param name="Spread">Standard deviation of the bootstrap ensemble's predictions (eV).</param>
/// <param name="TrainingDistance">Distance to the nearest training hop in standardized descriptor space.</param>
/// <param name="Score">(Spread + distance_weight x TrainingDistance) x Density^density_exponent: larger is more informative.</param>
/// <param name="Density">Share of candidates within the density radius (itself included): how typical the hop is.</param>
public sealed record CandidateScore(int Index, double Predicted, double Spread, double TrainingDistance, double Score, double Density = 1);

/// <summary>Scores candidates from the model's prediction, the ensemble's spread and the distance to the training set.</summary>
public static class CandidateScorer
{
    /// <param name="distanceWeight">eV per unit of standardized distance; 0 ranks by the ensemble spread alone.</param>
    /// <param name="densityExponent">0: off. Otherwise the score is multiplied by the candidate's density to this
    /// power (information density), so uncertain hops that are also typical of the pool, which stands for the
    /// configurations the model will be used on, come first.</param>
    public static CandidateScore[] Score(IReadOnlyList<double[]> standardizedCandidates, IReadOnlyList<double> predicted,
        BarrierEnsemble ensemble, IReadOnlyList<double[]> standardizedTraining, double distanceWeight,
        double densityExponent = 0, double densityRadius = 1.0)
    {
        var scores = new CandidateScore[standardizedCandidates.Count];
        var density = densityExponent > 0 ? Density(standardizedCandidates, densityRadius) : null;
        for (int i = 0; i < scores.Length; i++)
        {
            var z = standardizedCandidates[i];
            double spread = ensemble.Predict(z).Spread;
            double distance = DescriptorSpace.NearestDistance(z, standardizedTraining);
            if (double.IsPositiveInfinity(distance)) distance = 0;
            double d = density?[i] ?? 1;
            scores[i] = new CandidateScore(i, predicted[i], spread, distance,
                (spread + distanceWeight * distance) * (density is null ? 1 : Math.Pow(d, densityExponent)), d);
        }
        return scores;
    }

    private static double[] Density(IReadOnlyList<double[]> z, double radius)
    {
        var density = new double[z.Count];
        for (int i = 0; i < z.Count; i++)
        {
            int near = 0;
            for (int j = 0; j < z.Count; j++)
                if (DescriptorSpace.Distance(z[i], z[j]) < radius) near++;
            density[i] = (double)near / z.Count;
        }
        return density;
    }
}
