namespace Pipeline.ClusterExpansion;

/// <summary>How a fitted CE compares with the lattice-gas truth of a synthetic dataset.</summary>
/// <param name="TrainingTruthPerFormulaUnit">Truth energy of each training configuration, eV per formula unit.</param>
/// <param name="RandomRmsePerFormulaUnit">RMSE of fit vs truth on fresh random configurations, eV per formula unit.</param>
/// <param name="RandomMeanDifferencePerFormulaUnit">Mean (fit - truth) on the fresh configurations.</param>
/// <param name="TruthModel">The truth as ECIs of the fitted cluster space, or null when it cannot be represented.</param>
public sealed record TruthComparisonResult(double[] TrainingTruthPerFormulaUnit, int RandomSamples,
    double RandomRmsePerFormulaUnit, double RandomMeanDifferencePerFormulaUnit, CeModel? TruthModel, string? TruthModelNote);

public static class TruthComparison
{
    /// <summary>Fresh configurations are random permutations of the cations and of the anions of the training
    /// structures (taken in turn), so they have the training compositions and supercells but no order.</summary>
    public static TruthComparisonResult Compare(LatticeGasTruth truth, CeModel model, IReadOnlyList<TrainingStructure> training,
        int samples, int seed)
    {
        var trainingTruth = training.Select(s => PerFormulaUnit(truth, s.Mapped.Cell, s.Mapped.Cations, s.Mapped.Anions)).ToArray();
        var rng = new Random(seed);
        double sumSquares = 0.0, sum = 0.0;
        for (int k = 0; k < samples && training.Count > 0; k++)
        {
            var template = training[k % training.Count].Mapped;
            var cations = (byte[])template.Cations.Clone();
            var anions = (byte[])template.Anions.Clone();
            rng.Shuffle(cations);
            rng.Shuffle(anions);
            double expected = PerFormulaUnit(truth, template.Cell, cations, anions);
            double predicted = model.EnergyPerFormulaUnit(CorrelationFunctions.Compute(model.Space, template.Cell, cations, anions));
            sumSquares += (predicted - expected) * (predicted - expected);
            sum += predicted - expected;
        }
        int n = training.Count > 0 ? samples : 0;
        var truthModel = truth.ToModel(model.Space, model.LatticeConstant, out string? note);
        return new TruthComparisonResult(trainingTruth, n, n > 0 ? Math.Sqrt(sumSquares / n) : double.NaN,
            n > 0 ? sum / n : double.NaN, truthModel, note);
    }

    private static double PerFormulaUnit(LatticeGasTruth truth, Pipeline.RockSalt.RockSaltSupercell cell, byte[] cations, byte[] anions)
        => truth.TotalEnergy(cell, cations, anions) * CeModel.CationSitesPerFormulaUnit / cell.CationCount;
}
