using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Models;

namespace Pipeline.Kmc.Stage;

/// <summary>The two fitted models a kmc run needs, loaded once and shared by all runs (both are read-only).</summary>
public sealed class KmcModels(CeModel ce, KraModelAdapter kra)
{
    public CeModel Ce { get; } = ce;
    public KraModelAdapter Kra { get; } = kra;

    /// <param name="modelPath">model-kra.json (barrier-model/1).</param>
    /// <param name="cePath">eci.json (ce-model/1).</param>
    public static KmcModels Load(string modelPath, string cePath)
        => new(CeModel.Load(cePath), KraModelAdapter.Load(modelPath));
}
