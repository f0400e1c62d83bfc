using Pipeline.ClusterExpansion;
using Pipeline.Contracts;
using Pipeline.Kmc.Models;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Stage;

/// <summary>The two fitted models a kmc run needs, loaded once and shared by all runs (both are read-only). The kMC's
/// chemistry is the CE model's; the barrier model must be for the same chemistry.</summary>
public sealed class KmcModels(CeModel ce, KraModelAdapter kra, string ceSource = "the CE model")
{
    public CeModel Ce { get; } = ce;
    public KraModelAdapter Kra { get; } = kra;

    /// <summary>The species of the kMC (<see cref="CeModel.Chemistry"/>).</summary>
    public Chemistry Chemistry => Ce.Chemistry;

    /// <summary>The kmc param <c>formula</c> in this chemistry (<see cref="KmcFormula.Resolve"/>).</summary>
    public RockSaltFormula Formula(KmcSettings settings)
        => KmcFormula.Resolve(settings.Formula, Chemistry, settings.Compositions, ceSource);

    /// <param name="modelPath">model-kra.json (barrier-model/1).</param>
    /// <param name="cePath">eci.json (ce-model/1).</param>
    public static KmcModels Load(string modelPath, string cePath)
    {
        var ce = CeModel.Load(cePath);
        var barrier = BarrierModel.Load(modelPath);
        if (!barrier.Chemistry.Equals(ce.Chemistry))
            throw new InvalidDataException(
                $"{modelPath}: the barrier model is for {barrier.Chemistry} ({barrier.Chemistry.Describe()}) but the CE model {cePath} " +
                $"is for {ce.Chemistry} ({ce.Chemistry.Describe()}): {ChemistryMismatch.Difference(barrier.Chemistry, ce.Chemistry)}; " +
                "fit both on the same chemistry");
        return new(ce, new KraModelAdapter(barrier, modelPath, ce.Chemistry), cePath);
    }
}
