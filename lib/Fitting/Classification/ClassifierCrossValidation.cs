using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Classification;

/// <summary>Cross-validated accuracy and confusion matrix of the path classifier.</summary>
/// <param name="Confusion">Confusion[t, p]: rows whose true label is Labels[t] predicted as Labels[p].</param>
public sealed record ClassifierCvResult(string[] Labels, long[,] Confusion, int Folds)
{
    public long Total
    {
        get
        {
            long n = 0;
            foreach (var c in Confusion)
                n += c;
            return n;
        }
    }

    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int k = 0; k < Labels.Length; k++)
                correct += Confusion[k, k];
            return Total == 0 ? double.NaN : (double)correct / Total;
        }
    }

    public long TrueCount(int label) => Enumerable.Range(0, Labels.Length).Sum(p => Confusion[label, p]);

    public long PredictedCount(int label) => Enumerable.Range(0, Labels.Length).Sum(t => Confusion[t, label]);

    public double Recall(int label) => TrueCount(label) == 0 ? double.NaN : (double)Confusion[label, label] / TrueCount(label);

    public double Precision(int label) =>
        PredictedCount(label) == 0 ? double.NaN : (double)Confusion[label, label] / PredictedCount(label);
}

/// <summary>k-fold CV over a seeded shuffle of the rows: train on k-1 folds, predict the held-out fold, pool the
/// predictions into one confusion matrix.</summary>
public static class ClassifierCrossValidation
{
    public static ClassifierCvResult Run(IReadOnlyList<PathSample> samples, int featureCount, int folds, int seed)
    {
        var labels = PathClassifier.Labels;
        var confusion = new long[labels.Length, labels.Length];
        var splits = KFold.Shuffled(samples.Count, folds, seed);
        foreach (var split in splits)
        {
            var train = split.Train.Select(i => samples[i]).ToList();
            var test = split.Test.Select(i => samples[i]).ToList();
            var predicted = PathClassifier.Train(train, featureCount, seed).Predict(test);
            for (int i = 0; i < test.Count; i++)
                confusion[Array.IndexOf(labels, test[i].Label), Array.IndexOf(labels, predicted[i])]++;
        }
        return new ClassifierCvResult(labels, confusion, folds);
    }
}
