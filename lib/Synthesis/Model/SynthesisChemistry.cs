using System.Globalization;
using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>A chemistry the synthesizer can plant a study of (the `chemistry` param): species and fully lithiated
/// formula, the descriptor set its barrier truth acts on, its truth models and the d-electron count the OUTCARs'
/// magnetization follows.
/// <list type="bullet">
/// <item><c>LiVOF</c>: Li(2-x)VO2F, the bundled study (standard descriptors; its bytes never change).</item>
/// <item><c>LiMnTiOF</c>: Li(1.2-x)Mn0.4Ti0.4O1.8F0.2 (element descriptors; a Ti gate costs more than a Mn gate).</item>
/// <item><c>LiMnNbOF</c>: Li(1.3-x)Mn0.4Nb0.3O1.7F0.3 (element descriptors; an Nb gate costs more than a Mn gate).</item>
/// </list></summary>
internal sealed class SynthesisChemistry
{
    public const string LiVOFName = "LiVOF";

    private readonly Func<TruthClusterExpansion> _ce;
    private readonly Func<double, double, TruthBarrierModel> _barriers;

    private SynthesisChemistry(string name, Chemistry chemistry, RockSaltFormula formula, string descriptorSet,
        IReadOnlyDictionary<string, double> unpairedD, Func<TruthClusterExpansion> ce, Func<double, double, TruthBarrierModel> barriers)
    {
        Name = name;
        Chemistry = chemistry;
        Formula = formula;
        Descriptors = descriptorSet == DescriptorSet.Standard && chemistry.Equals(Chemistry.LiVOF)
            ? DescriptorSet.LiVOF
            : DescriptorSet.Create(descriptorSet, chemistry);
        UnpairedD = unpairedD;
        _ce = ce;
        _barriers = barriers;
    }

    /// <summary>Param values, in the order the param's help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [LiVOFName, "LiMnTiOF", "LiMnNbOF"];

    /// <summary>The chemistry called <paramref name="name"/>; an unknown name is an error naming the param.</summary>
    public static SynthesisChemistry Named(string name)
    {
        switch (name)
        {
            case LiVOFName:
                return new(name, Chemistry.LiVOF, RockSaltFormula.LiVOF, DescriptorSet.Standard,
                    new Dictionary<string, double> { ["V"] = 2.0 },
                    () => TruthClusterExpansion.Default, (n, r) => TruthBarrierModel.Create(n, r));
            case "LiMnTiOF":
            {
                var c = new Chemistry("Li", ["Mn", "Ti"], ["O", "F"], "F");
                // Charge balance: Mn is 2.5+ on average (d4.5, high spin); Ti4+ is d0.
                return new(name, c, RockSaltFormula.Parse("Li1.2Mn0.4Ti0.4O1.8F0.2", c, "chemistry"), DescriptorSet.ElementResolved,
                    new Dictionary<string, double> { ["Mn"] = 4.5, ["Ti"] = 0.0 },
                    () => MultiTmTruths.MnTiCe(c), (n, r) => MultiTmTruths.Barriers(c, MultiTmTruths.MnTiEffects, n, r));
            }
            case "LiMnNbOF":
            {
                var c = new Chemistry("Li", ["Mn", "Nb"], ["O", "F"], "F");
                // Charge balance: Mn is 2.25+ on average (d4.75, high spin); Nb5+ is d0.
                return new(name, c, RockSaltFormula.Parse("Li1.3Mn0.4Nb0.3O1.7F0.3", c, "chemistry"), DescriptorSet.ElementResolved,
                    new Dictionary<string, double> { ["Mn"] = 4.75, ["Nb"] = 0.0 },
                    () => MultiTmTruths.MnNbCe(c), (n, r) => MultiTmTruths.Barriers(c, MultiTmTruths.MnNbEffects, n, r));
            }
            default:
                throw new ArgumentException($"chemistry: unknown chemistry '{name}' (expected one of {string.Join(", ", Names)})");
        }
    }

    public static SynthesisChemistry LiVOF { get; } = Named(LiVOFName);

    /// <summary>The param value, e.g. "LiMnTiOF".</summary>
    public string Name { get; }

    public Chemistry Chemistry { get; }

    /// <summary>The fully lithiated formula unit (x = 0).</summary>
    public RockSaltFormula Formula { get; }

    /// <summary>The descriptor set the barrier truth acts on and truth.yaml's linear truths are keyed by.</summary>
    public DescriptorSet Descriptors { get; }

    public bool IsLiVOF => Name == LiVOFName;

    /// <summary>Unpaired d electrons per other cation at x = 0 (high spin); each removed Li takes one away.</summary>
    public IReadOnlyDictionary<string, double> UnpairedD { get; }

    public TruthClusterExpansion CreateCe() => _ce();

    public TruthBarrierModel CreateBarriers(double noiseBase, double noiseRelative) => _barriers(noiseBase, noiseRelative);

    /// <summary>"Li(2-x)VO2F", "Li(1.2-x)Mn0.4Ti0.4O1.8F0.2": the formula with the mobile ion's delithiation.</summary>
    public string Title
    {
        get
        {
            var parts = new List<string>();
            for (byte c = Chemistry.Mobile; c < Chemistry.CodeCount; c++)
            {
                string amount = Formula.Amount(c).ToString("0.####", CultureInfo.InvariantCulture);
                parts.Add(c == Chemistry.Mobile ? $"{Chemistry.Symbol(c)}({amount}-x)"
                    : Chemistry.Symbol(c) + (amount == "1" ? "" : amount));
            }
            return string.Concat(parts);
        }
    }
}
