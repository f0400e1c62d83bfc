using Pipeline.ClusterExpansion;
using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

/// <summary>Small model files in the contract formats, written through the owning libraries.</summary>
internal static class ModelFiles
{
    /// <summary>A KRA model over descriptors 1-10: more TM on the gates raises the barrier, Li lowers it.</summary>
    public static string WriteKra(string directory, IReadOnlyList<string>? features = null)
    {
        features ??= HopDescriptors.Names.Take(HopDescriptors.KraCount).ToArray();
        int p = features.Count;
        double[] coef = [0.12, 0.05, -0.03, -0.01, 0.02, 0.01, 0.0, 0.005, 0.01, 0.01, 0.3];
        var model = BarrierModel.FromStandardizedFit("e_kra", features, new double[p], Enumerable.Repeat(1.0, p).ToArray(),
            0.28, coef.Take(p).ToArray(), 1e-3, [1e-3], [0.01], new LassoSettings(5, 100, 1e-3, 1e-4, 1000, null, false),
            0.05, "test", "test");
        var path = Path.Combine(directory, "model-kra.json");
        model.Save(path);
        return path;
    }

    /// <summary>The same fitted model declaring another chemistry and descriptor set (as featurize/fit would write it).</summary>
    public static BarrierModel WithChemistry(BarrierModel m, Chemistry chemistry, string descriptorSet, IReadOnlyList<string>? features = null,
        double[]? coefPhysical = null) => new()
    {
        Target = m.Target, Features = features ?? m.Features, ScalerMean = m.ScalerMean, ScalerStd = m.ScalerStd,
        Intercept = m.Intercept, CoefStandardized = m.CoefStandardized, InterceptPhysical = m.InterceptPhysical,
        CoefPhysical = coefPhysical ?? m.CoefPhysical, Alpha = m.Alpha, Alphas = m.Alphas, MsePathMean = m.MsePathMean,
        Settings = m.Settings, CvRmse = m.CvRmse, TrainingDataHash = m.TrainingDataHash, ToolVersion = m.ToolVersion,
        DescriptorSet = descriptorSet, Chemistry = chemistry,
    };

    /// <summary>A CE with pairs to the 2nd cation shell and random ECIs of a few meV.</summary>
    public static CeModel RandomCe(int seed, double[]? cutoffs = null)
    {
        var space = ClusterSpace.Generate(cutoffs ?? [1.0]);
        var rng = new Random(seed);
        return new CeModel(space, 4.1, -2.0, space.Functions.Select(_ => 0.04 * rng.NextDouble() - 0.02).ToArray());
    }

    public static string WriteCe(string directory, int seed)
    {
        var path = Path.Combine(directory, "eci.json");
        RandomCe(seed).Save(path);
        return path;
    }
}
