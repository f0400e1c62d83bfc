using System.Globalization;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Stage;

/// <summary>The validated parameters of a synthetic study (the synthesize stage's SynthesisParams declares their meaning, ranges and defaults).</summary>
public sealed record SynthesisSettings
{
    /// <summary>The planted chemistry by name (SynthesisChemistry.Names): LiVOF = the bundled Li(2-x)VO2F study.</summary>
    public string Chemistry { get; init; } = SynthesisChemistry.LiVOFName;
    public long Seed { get; init; } = 2021;
    public int Hops { get; init; } = 240;
    public int SinglePoints { get; init; } = 200;
    public double[] Compositions { get; init; } = [0.0625, 0.25, 0.5, 1.0];
    public int[] Supercell { get; init; } = [3, 4, 4];
    public double LatticeConstant { get; init; } = 4.12;
    public double LatticeSlope { get; init; } = -0.04;
    public int[] Images { get; init; } = [5, 7];
    public double FaultFraction { get; init; } = 0.03;
    public double GzipFraction { get; init; } = 0.5;
    public double EnergyNoiseMevPerAtom { get; init; } = 2;
    public double DeltaENoise { get; init; } = 0.01;
    public double KraNoise { get; init; } = 0.01;
    public double KraNoiseRelative { get; init; } = 0.03;
    public int IonicSteps { get; init; } = 3;
    public double DisplacementSigma { get; init; } = 0.05;
    public int TruthSamples { get; init; } = 20000;

        /// <summary>Lattice constant a(x) = lattice_constant + lattice_slope * x (Vegard-like: the cell shrinks as Li leaves).</summary>
    public double LatticeConstantAt(double x) => Math.Round(LatticeConstant + LatticeSlope * x, 6);

    /// <summary>Checks what the param ranges cannot; messages name the param.</summary>
    public void Validate()
    {
        if (Supercell.Length != 3)
            throw new ArgumentException($"supercell: expected 3 values, got {Supercell.Length}");
        var chemistry = SynthesisChemistry.Named(Chemistry);
        int sites = Supercell[0] * Supercell[1] * Supercell[2];
        if (chemistry.IsLiVOF && sites % 3 != 0)
            throw new ArgumentException(
                $"supercell: {string.Join("x", Supercell)} has {sites} cation sites, not a multiple of 3 (whole Li(2-x)VO2F formula units)");
        if (Compositions.Length == 0) throw new ArgumentException("compositions: the list is empty");
        if (Images.Length == 0) throw new ArgumentException("images: the list is empty");
        foreach (int n in Images)
            if (n % 2 == 0)
                throw new ArgumentException($"images: {n} is even; use odd counts so the middle image sits at the saddle");
        double xMax = chemistry.Formula.Amount(Pipeline.RockSalt.Chemistry.Mobile);
        foreach (double x in Compositions)
            if (x <= 0 || x >= xMax)
                throw new ArgumentException($"compositions: x = {x.ToString(CultureInfo.InvariantCulture)} is outside (0, {xMax.ToString(CultureInfo.InvariantCulture)}) for {chemistry.Title}");
        if (!chemistry.IsLiVOF)
            foreach (double x in Compositions)
            {
                try { chemistry.Formula.CountsFor(x, sites); }
                catch (ArgumentException e) when (e.Message.StartsWith("supercell", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{e.Message} (chemistry {chemistry.Name}: {chemistry.Title} needs a supercell whose " +
                                                "cation-site count gives whole atoms of every species, e.g. supercell [3, 4, 5] = 60 sites)", e);
                }
            }
    }
}
