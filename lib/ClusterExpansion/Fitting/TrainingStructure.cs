using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>One training structure mapped onto the ideal rock salt, with its correlation vector.</summary>
/// <param name="EnergyPerFormulaUnit">DFT energy x 3 / cation sites (eV per Li(2-x)VO2F).</param>
/// <param name="Group">Calculation the structure comes from ("neb/hop_0001" for both NEB end points), for
/// grouped cross-validation.</param>
public sealed record TrainingStructure(string CalcId, string Group, MappedStructure Mapped, double EnergyPerFormulaUnit,
    double[] Correlations);
