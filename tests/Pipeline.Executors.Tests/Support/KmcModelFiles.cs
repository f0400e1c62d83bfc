using Pipeline.ClusterExpansion;
using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.Executors.Tests.Support;

/// <summary>Small kmc input files in the contract formats (barrier-model/1, ce-model/1), written through the owning
/// libraries, and a kmc pipeline over them with 6 runs.</summary>
public static class KmcModelFiles
{
    public static void Write(string datasets)
    {
        Directory.CreateDirectory(datasets);
        var features = HopDescriptors.Names.Take(HopDescriptors.KraCount).ToArray();
        double[] coef = [0.12, 0.05, -0.03, -0.01, 0.02, 0.01, 0.0, 0.005, 0.01, 0.01];
        BarrierModel.FromStandardizedFit("e_kra", features, new double[features.Length], Enumerable.Repeat(1.0, features.Length).ToArray(),
            0.28, coef, 1e-3, [1e-3], [0.01], new LassoSettings(5, 100, 1e-3, 1e-4, 1000, null, false), 0.05, "test", "test")
            .Save(Path.Combine(datasets, "model-kra.json"));
        var space = ClusterSpace.Generate([1.0]);
        var rng = new Random(3);
        new CeModel(space, 4.1, -2.0, space.Functions.Select(_ => 0.04 * rng.NextDouble() - 0.02).ToArray())
            .Save(Path.Combine(datasets, "eci.json"));
    }

    /// <summary>kmc over 2 compositions x 3 temperatures x 1 seed on a 3x3x3 cell.</summary>
    public static string Pipeline(string topLevel = "") => $$"""
        {{topLevel}}
        stages:
          - name: kmc
            uses: kmc
            params:
              compositions: [0.3, 0.6]
              temperatures: [500, 700, 900]
              size: 3
              seeds: 1
              steps: 3000
              samples: 20
              blocks: 5
            inputs:
              model: datasets/model-kra.json
              ce: datasets/eci.json
        """;
}
