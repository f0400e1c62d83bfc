using System.Text.Json.Nodes;
using Pipeline.RockSalt;

namespace Pipeline.Contracts;

/// <summary>A fitted linear barrier model (schema "barrier-model/1", docs/MODELS.md): a LassoCV fit on standardised
/// descriptors, with the same model expressed in physical units so that prediction needs no scaler:
/// y = InterceptPhysical + sum CoefPhysical[i] x[i].</summary>
public sealed class BarrierModel
{
    public const string Schema = "barrier-model/1";

    public required string Target { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required double[] ScalerMean { get; init; }
    public required double[] ScalerStd { get; init; }

    /// <summary>Intercept of the model on standardised descriptors.</summary>
    public required double Intercept { get; init; }
    public required double[] CoefStandardized { get; init; }
    public required double InterceptPhysical { get; init; }

    /// <summary>eV per descriptor unit (per count for the site-count descriptors).</summary>
    public required double[] CoefPhysical { get; init; }
    public required double Alpha { get; init; }
    public required double[] Alphas { get; init; }
    public required double[] MsePathMean { get; init; }
    public required LassoSettings Settings { get; init; }
    public required double CvRmse { get; init; }
    public required string TrainingDataHash { get; init; }
    public required string ToolVersion { get; init; }

    /// <summary>Which descriptor set the features come from ("standard" or "element", DOMAIN.md section 10).</summary>
    public string DescriptorSet { get; init; } = RockSalt.DescriptorSet.Standard;

    /// <summary>The species the model was fitted on; a structure with another element is refused.</summary>
    public Chemistry Chemistry { get; init; } = Chemistry.LiVOF;

    /// <summary>Builds the model from a fit on standardised descriptors and converts it to physical units. The
    /// descriptor set and chemistry default to Li-V-O-F standard (a model of any table, e.g. `pipeline fit lasso`).</summary>
    public static BarrierModel FromStandardizedFit(
        string target, IReadOnlyList<string> features, double[] mean, double[] std,
        double intercept, double[] coefStandardized, double alpha, double[] alphas, double[] msePathMean,
        LassoSettings settings, double cvRmse, string trainingDataHash, string toolVersion,
        string descriptorSet = RockSalt.DescriptorSet.Standard, Chemistry? chemistry = null)
    {
        var coefPhysical = new double[features.Count];
        double interceptPhysical = intercept;
        for (int j = 0; j < features.Count; j++)
        {
            coefPhysical[j] = coefStandardized[j] / std[j];
            interceptPhysical -= coefPhysical[j] * mean[j];
        }
        return new BarrierModel
        {
            Target = target, Features = features.ToArray(), ScalerMean = mean, ScalerStd = std,
            Intercept = intercept, CoefStandardized = coefStandardized,
            InterceptPhysical = interceptPhysical, CoefPhysical = coefPhysical,
            Alpha = alpha, Alphas = alphas, MsePathMean = msePathMean, Settings = settings, CvRmse = cvRmse,
            TrainingDataHash = trainingDataHash, ToolVersion = toolVersion,
            DescriptorSet = descriptorSet, Chemistry = chemistry ?? Chemistry.LiVOF,
        };
    }

    /// <summary>Predicted barrier (eV) from physical descriptors in <see cref="Features"/> order. Allocation-free.</summary>
    public double Predict(ReadOnlySpan<double> descriptors)
    {
        if (descriptors.Length != CoefPhysical.Length)
            throw new ArgumentException($"model '{Target}' takes {CoefPhysical.Length} descriptors, got {descriptors.Length}");
        double y = InterceptPhysical;
        for (int j = 0; j < CoefPhysical.Length; j++)
            y += CoefPhysical[j] * descriptors[j];
        return y;
    }

    /// <summary>Prediction from standardised descriptors (the space the Lasso was fitted in).</summary>
    public double PredictStandardized(ReadOnlySpan<double> standardized)
    {
        if (standardized.Length != CoefStandardized.Length)
            throw new ArgumentException($"model '{Target}' takes {CoefStandardized.Length} descriptors, got {standardized.Length}");
        double y = Intercept;
        for (int j = 0; j < CoefStandardized.Length; j++)
            y += CoefStandardized[j] * standardized[j];
        return y;
    }

    public void Save(string path)
    {
        var settings = new JsonObject
        {
            ["cv"] = Settings.Cv,
            ["n_alphas"] = Settings.NAlphas,
            ["eps"] = Settings.Eps,
            ["tol"] = Settings.Tol,
            ["max_iter"] = Settings.MaxIter,
        };
        if (Settings.GroupColumn is not null)
            settings["group_column"] = Settings.GroupColumn;
        if (Settings.ExplicitAlphas)
            settings["explicit_alphas"] = true;
        var json = new JsonObject
        {
            ["schema"] = Schema,
            ["target"] = Target,
            ["features"] = JsonFields.Array(Features),
            ["scaler"] = new JsonObject { ["mean"] = JsonFields.Array(ScalerMean), ["std"] = JsonFields.Array(ScalerStd) },
            ["intercept"] = Intercept,
            ["coef_standardized"] = JsonFields.Array(CoefStandardized),
            ["intercept_physical"] = InterceptPhysical,
            ["coef_physical"] = JsonFields.Array(CoefPhysical),
            ["alpha"] = Alpha,
            ["alphas"] = JsonFields.Array(Alphas),
            ["mse_path_mean"] = JsonFields.Array(MsePathMean),
            ["settings"] = settings,
            ["cv_rmse"] = CvRmse,
            ["training_data_hash"] = TrainingDataHash,
            ["tool_version"] = ToolVersion,
            ["descriptor_set"] = DescriptorSet,
            ["species"] = SpeciesJson.Write(Chemistry),
        };
        JsonFields.Write(json, path);
    }

    public static BarrierModel Load(string path)
    {
        var f = new JsonFields(JsonFields.ReadObject(path), path);
        f.RequireSchema(Schema);
        var features = f.Strings("features");
        var scaler = f.Child("scaler");
        var s = f.Child("settings");
        var model = new BarrierModel
        {
            Target = f.String("target"),
            Features = features,
            ScalerMean = scaler.Doubles("mean"),
            ScalerStd = scaler.Doubles("std"),
            Intercept = f.Double("intercept"),
            CoefStandardized = f.Doubles("coef_standardized"),
            InterceptPhysical = f.Double("intercept_physical"),
            CoefPhysical = f.Doubles("coef_physical"),
            Alpha = f.Double("alpha"),
            Alphas = f.Doubles("alphas"),
            MsePathMean = f.Doubles("mse_path_mean"),
            Settings = new LassoSettings(s.Int("cv"), s.Int("n_alphas"), s.Double("eps"), s.Double("tol"), s.Int("max_iter"),
                s.Has("group_column") ? s.String("group_column") : null,
                s.Has("explicit_alphas") && s.Bool("explicit_alphas")),
            CvRmse = f.Double("cv_rmse"),
            TrainingDataHash = f.String("training_data_hash"),
            ToolVersion = f.String("tool_version"),
            // Models written before species were data are Li-V-O-F models on the standard set.
            DescriptorSet = f.Has("descriptor_set") ? f.String("descriptor_set") : RockSalt.DescriptorSet.Standard,
            Chemistry = f.Has("species") ? SpeciesJson.Read(f.Child("species")) : Chemistry.LiVOF,
        };
        model.CheckShapes(path);
        return model;
    }

    private void CheckShapes(string path)
    {
        int p = Features.Count;
        void Require(string field, int length)
        {
            if (length != p)
                throw new InvalidDataException($"{path}: field '{field}' has {length} entries, 'features' has {p}");
        }
        Require("scaler.mean", ScalerMean.Length);
        Require("scaler.std", ScalerStd.Length);
        Require("coef_standardized", CoefStandardized.Length);
        Require("coef_physical", CoefPhysical.Length);
        if (MsePathMean.Length != Alphas.Length)
            throw new InvalidDataException($"{path}: 'mse_path_mean' has {MsePathMean.Length} entries, 'alphas' has {Alphas.Length}");
    }
}
