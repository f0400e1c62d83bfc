namespace Pipeline.ActiveLearning.Acquisition;

/// <summary>What the acquisition knows about one candidate.</summary>
/// <param name="Index">Position in the candidate list.</param>
/// <param name="Predicted">The barrier model's prediction (eV).</param>
/// <param name="Spread">Standard deviation of the bootstrap ensemble's predictions (eV).</param>
/// <param name="TrainingDistance">Distance to the nearest training hop in standardized descriptor space.</param>
/// <param name="Score">Spread + distance_weight x TrainingDistance (eV): larger is more informative.</param>
public sealed record CandidateScore(int Index, double Predicted, double Spread, double TrainingDistance, double Score);

/// <summary>Scores candidates from the model's prediction, the ensemble's spread and the distance to the training set.</summary>
public static class CandidateScorer
{
    /// <param name="distanceWeight">eV per unit of standardized distance; 0 ranks by the ensemble spread alone.</param>
    public static CandidateScore[] Score(IReadOnlyList<double[]> standardizedCandidates, IReadOnlyList<double> predicted,
        BarrierEnsemble ensemble, IReadOnlyList<double[]> standardizedTraining, double distanceWeight)
    {
        var scores = new CandidateScore[standardizedCandidates.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            var z = standardizedCandidates[i];
            double spread = ensemble.Predict(z).Spread;
            double distance = DescriptorSpace.NearestDistance(z, standardizedTraining);
            if (double.IsPositiveInfinity(distance)) distance = 0;
            scores[i] = new CandidateScore(i, predicted[i], spread, distance, spread + distanceWeight * distance);
        }
        return scores;
    }
}
