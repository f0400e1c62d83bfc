using Pipeline.Fitting.Models;
using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Validation;

/// <summary>A model's whole recipe re-run on a subset of rows, so that test rows never influence the fit:
/// the scaler is fitted on the training rows only (DOMAIN.md section 5), then LassoCV with the model's settings
/// (its own inner CV picks alpha), then predictions for the test rows.</summary>
public sealed class HonestFit(ColumnMajorMatrix raw, double[] y, double[]? groups, LassoSettings settings, double[]? alphas)
{
    public double[] TrainAndPredict(int[] train, int[] test)
    {
        var trainRaw = raw.SelectRows(train);
        var (mean, std) = Standardizer.Fit(trainRaw);
        var x = Standardizer.Transform(trainRaw, mean, std);
        var trainY = train.Select(i => y[i]).ToArray();
        var trainGroups = groups is null ? null : train.Select(i => groups[i]).ToArray();
        var fit = LassoCV.Fit(x, trainY, settings.ToOptions(alphas, trainGroups));
        return fit.Model.Predict(Standardizer.Transform(raw.SelectRows(test), mean, std));
    }

    /// <summary>Out-of-fold prediction for every row (folds solved in parallel; results do not depend on it).</summary>
    public double[] CrossValidate(IReadOnlyList<Fold> folds, int parallelism)
    {
        var predicted = new double[y.Length];
        Parallel.ForEach(folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, fold =>
        {
            var p = TrainAndPredict(fold.Train, fold.Test);
            for (int i = 0; i < fold.Test.Length; i++)
                predicted[fold.Test[i]] = p[i];
        });
        return predicted;
    }
}
