using Pipeline.Fitting.Regression;
using Pipeline.Fitting.Classification;
using Pipeline.Contracts;
using Pipeline.Fitting.Stages;
using Pipeline.Fitting.Tests.Support;

namespace Pipeline.Fitting.Tests;

public class FitBarriersStageTests
{
    [Fact]
    public void Fits_both_models_and_the_classifier()
    {
        var table = SyntheticFeatures.Create(300, seed: 11, noise: 0.01);
        var stage = new FitBarriersStage();
        using var ctx = new TestStageContext(stage);
        var scalerPath = Path.Combine(ctx.OutputDirectory, "scaler.json");
        ScalerFile.Save(ScalerFit.Fit(DescriptorNames.All, DescriptorNames.All.Select(table.Doubles).ToList(), "t"), scalerPath);
        ctx.WithTable("features", table).WithPath("scaler", scalerPath);

        stage.Run(ctx);

        var kra = BarrierModel.Load(ctx.OutputFilePath("model_kra"));
        Assert.Equal(DescriptorNames.Kra, kra.Features);
        // Noise 0.01 eV on 300 rows: the Lasso recovers the generating coefficients (eV per count) closely.
        for (int j = 0; j < 10; j++)
            Assert.Equal(SyntheticFeatures.KraCoefficients[j], kra.CoefPhysical[j], 0.005);
        Assert.Equal(SyntheticFeatures.KraIntercept, kra.InterceptPhysical, 0.02);
        Assert.InRange(kra.CvRmse, 0.008, 0.013);

        var forward = BarrierModel.Load(ctx.OutputFilePath("model_forward"));
        Assert.Equal(11, forward.Features.Count);
        Assert.Equal(0.5, forward.CoefPhysical[10], 0.02);
        Assert.Equal("hash-of-features", forward.TrainingDataHash);

        var metrics = ctx.WrittenTables["classifier_metrics"];
        Assert.Equal(["up", "down", "straight"], metrics.Strings("true_label"));
        Assert.Equal(300, metrics.Longs("n").Sum());
        // The label is a deterministic function of two descriptors: a linear classifier separates it well.
        Assert.True(metrics.Doubles("accuracy")[0] > 0.9, $"accuracy {metrics.Doubles("accuracy")[0]}");

        var classifier = PathClassifier.Load(ctx.OutputFilePath("classifier"));
        Assert.Equal("up", classifier.Predict([3, 0, 1, 1, 1, 1, 1, 1, 1, 1]));
        Assert.Equal("down", classifier.Predict([0, 3, 1, 1, 1, 1, 1, 1, 1, 1]));
    }

    [Fact]
    public void A_feature_missing_from_the_scaler_is_named()
    {
        var table = SyntheticFeatures.Create(40, seed: 1, noise: 0.01);
        var stage = new FitBarriersStage();
        using var ctx = new TestStageContext(stage);
        var scalerPath = Path.Combine(ctx.OutputDirectory, "scaler.json");
        ScalerFile.Save(ScalerFit.Fit(["gate_tm_up"], [table.Doubles("gate_tm_up")], "t"), scalerPath);
        ctx.WithTable("features", table).WithPath("scaler", scalerPath);
        var e = Assert.Throws<InvalidDataException>(() => stage.Run(ctx));
        Assert.Contains(scalerPath, e.Message);
        Assert.Contains("gate_tm_down", e.Message);
    }
}
