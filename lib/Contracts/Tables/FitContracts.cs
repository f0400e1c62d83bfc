using Pipeline.Abstractions;

namespace Pipeline.Contracts;

/// <summary>The classifier_metrics table of fit-barriers: the cross-validated confusion matrix (one row per true path label), or one row with skipped_reason when the data cannot train a classifier (the matrix columns are then absent).</summary>
public static class ClassifierMetricsContract
{
    public const string Artifact = "classifier_metrics";

    public const string TrueLabel = "true_label";
    public const string N = "n";
    public const string Recall = "recall";
    public const string Precision = "precision";
    public const string Accuracy = "accuracy";
    public const string Folds = "folds";
    public const string Trainer = "trainer";
    public const string SkippedReason = "skipped_reason";
    public const string PredictedPrefix = "predicted_";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(TrueLabel, ColumnType.String, "", "true path label", Required: false),
        new(N, ColumnType.Int64, "", "hops with this label", Required: false),
        new(Recall, ColumnType.Float64, "1", "recall of this label", Required: false),
        new(Precision, ColumnType.Float64, "1", "precision of this label", Required: false),
        new(Accuracy, ColumnType.Float64, "1", "overall accuracy (same on every row)", Required: false),
        new(Folds, ColumnType.Int64, "", "cross-validation folds", Required: false),
        new(Trainer, ColumnType.String, "", "ML.NET trainer"),
        new(SkippedReason, ColumnType.String, "", "why the classifier was not trained (then the only other column is trainer)", Required: false),
    ],
    [
        new(PredictedPrefix, ColumnType.Int64, "", "hops of this true label predicted as the label after the prefix"),
    ]);
}

/// <summary>The metrics table of validate: errors per model and evaluation (train, cv, holdout).</summary>
public static class ValidationMetricsContract
{
    public const string Artifact = "metrics";

    public const string Model = "model";
    public const string Target = "target";
    public const string Evaluation = "evaluation";
    public const string N = "n";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";
    public const string Alpha = "alpha";
    public const string NNonzero = "n_nonzero";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(Model, ColumnType.String, "", "forward or kra"),
        new(Target, ColumnType.String, "", "target column (e_forward or e_kra)"),
        new(Evaluation, ColumnType.String, "", "train, cv or holdout"),
        new(N, ColumnType.Int64, "", "hops evaluated"),
        new(Rmse, ColumnType.Float64, "eV", "root-mean-square error"),
        new(Mae, ColumnType.Float64, "eV", "mean absolute error"),
        new(R2, ColumnType.Float64, "1", "coefficient of determination"),
        new(Alpha, ColumnType.Float64, "1", "Lasso regularisation chosen"),
        new(NNonzero, ColumnType.Int64, "", "non-zero coefficients"),
    ]);
}

/// <summary>The coefficients table of validate: each model coefficient with its bootstrap confidence interval.</summary>
public static class CoefficientsContract
{
    public const string Artifact = "coefficients";

    public const string Model = "model";
    public const string Feature = "feature";
    public const string CoefStandardized = "coef_standardized";
    public const string CoefPhysical = "coef_physical";
    public const string CiLowStandardized = "ci_low_standardized";
    public const string CiHighStandardized = "ci_high_standardized";
    public const string CiLowPhysical = "ci_low_physical";
    public const string CiHighPhysical = "ci_high_physical";
    public const string SelectedFraction = "selected_fraction";
    public const string Truth = "truth";
    public const string TruthInsideCi = "truth_inside_ci";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(Model, ColumnType.String, "", "forward or kra"),
        new(Feature, ColumnType.String, "", "descriptor"),
        new(CoefStandardized, ColumnType.Float64, "eV", "coefficient on the standardised descriptor"),
        new(CoefPhysical, ColumnType.Float64, "eV/unit", "coefficient per descriptor unit (per count)"),
        new(CiLowStandardized, ColumnType.Float64, "eV", "bootstrap interval, lower end, standardised"),
        new(CiHighStandardized, ColumnType.Float64, "eV", "bootstrap interval, upper end, standardised"),
        new(CiLowPhysical, ColumnType.Float64, "eV/unit", "bootstrap interval, lower end, physical"),
        new(CiHighPhysical, ColumnType.Float64, "eV/unit", "bootstrap interval, upper end, physical"),
        new(SelectedFraction, ColumnType.Float64, "1", "fraction of bootstrap fits with a non-zero coefficient"),
        new(Truth, ColumnType.Float64, "eV/unit", "truth.yaml linear projection (NaN without a truth)"),
        new(TruthInsideCi, ColumnType.Bool, "", "truth inside the interval (false without a truth)"),
    ]);
}
