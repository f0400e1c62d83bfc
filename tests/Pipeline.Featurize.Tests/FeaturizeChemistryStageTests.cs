using Pipeline.Contracts;
using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Stages;
using Pipeline.Featurize.Tests.Support;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

/// <summary>The featurize stage on multi-TM and Na hops: the chemistry inferred from the data or pinned by params
/// (a foreign element refused with the calculation and element named), the descriptor set chosen by param, the
/// footer recording both, and standardize following the table's descriptor columns.</summary>
public class FeaturizeChemistryStageTests
{
    private static readonly Chemistry LiMnNbTiOF = new("Li", ["Mn", "Nb", "Ti"], ["O", "F"]);

    private static (HopRecord[] Records, ElementHop[] Hops) Hops(Chemistry chemistry, int count, int seed = 7)
    {
        var rng = new Random(seed);
        var hops = Enumerable.Range(0, count).Select(_ => ElementHop.Random(chemistry, rng)).ToArray();
        var records = hops.Select((h, i) => h.Build(Cells.Make("conv333"), new Int3(0, 2, 2), fillerSeed: seed + i,
            calcId: $"neb/hop_{i:0000}", eReaction: 0.01 * i)).ToArray();
        return (records, hops);
    }

    private static Pipeline.Abstractions.Table Run(HopRecord[] records, Dictionary<string, object>? parameters = null)
    {
        var stage = new FeaturizeStage();
        using var ctx = new TestStageContext(stage, parameters).With("hops", HopsTables.Of(records));
        stage.Run(ctx);
        return ctx.Written["features"];
    }

    [Fact]
    public void Inferred_three_TM_chemistry_with_the_element_set_writes_its_columns_and_footer()
    {
        var (records, hops) = Hops(LiMnNbTiOF, 6);

        var features = Run(records, new() { ["descriptors"] = "element" });

        // Inference: other cations alphabetically, O (the majority anion here: the plain sites are O) as host.
        var names = new[]
        {
            "gate_Mn_up", "gate_Mn_down", "gate_Nb_up", "gate_Nb_down", "gate_Ti_up", "gate_Ti_down", "gate_li_up",
            "gate_li_down", "dumbbell_F", "apex_F_up", "apex_F_down", "back_F", "nn_Mn_initial", "nn_Mn_final",
            "nn_Nb_initial", "nn_Nb_final", "nn_Ti_initial", "nn_Ti_final", "delta_e",
        };
        Assert.Equal(["calc_id", .. names, "path_label"], features.Columns.Take(names.Length + 2).Select(c => c.Name));
        Assert.Equal("element", features.Metadata[FeaturesContract.DescriptorSetKey]);
        Assert.Equal("Li-Mn-Nb-Ti-O-F", features.Metadata[FeaturesContract.ChemistryKey]);
        var set = FeaturesContract.DescriptorSetOf(features, "features");
        Assert.Equal(LiMnNbTiOF, set.Chemistry);
        Assert.Equal(names, set.Names);
        for (int r = 0; r < hops.Length; r++)
        {
            if (hops[r].UpSign() == 0) continue;
            var oracle = hops[r].ElementOracle(records[r].EReaction);
            foreach (var name in names) Assert.Equal(oracle[name], features.Doubles(name)[r]);
        }
    }

    [Fact]
    public void The_standard_set_on_a_multi_TM_chemistry_keeps_the_11_columns()
    {
        var (records, hops) = Hops(LiMnNbTiOF, 4, seed: 11);

        var features = Run(records);

        Assert.Equal(HopDescriptors.Names, features.Columns.Skip(1).Take(11).Select(c => c.Name));
        Assert.Equal("standard", features.Metadata[FeaturesContract.DescriptorSetKey]);
        for (int r = 0; r < hops.Length; r++)
        {
            if (hops[r].UpSign() == 0) continue;
            var oracle = hops[r].StandardOracle(records[r].EReaction);
            Assert.Equal(oracle, HopDescriptors.Names.Select(n => features.Doubles(n)[r]));
        }
    }

    [Fact]
    public void Fluorine_rich_Li_V_O_F_data_stays_Li2VO2F_with_F_the_substituent()
    {
        // Written with F as the majority anion (ElementHop fills mostly with its first anion); the f descriptors must
        // still count F, as for the bundled study, not O.
        var fRich = new Chemistry("Li", ["V"], ["F", "O"], "F");
        var (records, hops) = Hops(fRich, 4, seed: 3);
        Assert.True(records[0].Species.Count(s => s == "F") > records[0].Species.Count(s => s == "O"));

        var features = Run(records);

        Assert.Equal("Li-V-O-F", features.Metadata[FeaturesContract.ChemistryKey]);
        for (int r = 0; r < hops.Length; r++)
        {
            if (hops[r].UpSign() == 0) continue;
            Assert.Equal(hops[r].StandardOracle(records[r].EReaction), HopDescriptors.Names.Select(n => features.Doubles(n)[r]));
        }
    }

    [Fact]
    public void A_pinned_chemistry_refuses_a_hop_with_another_element_naming_the_calculation_and_element()
    {
        var (records, _) = Hops(LiMnNbTiOF, 3);
        var stage = new FeaturizeStage();
        using var ctx = new TestStageContext(stage, new Dictionary<string, object>
        {
            ["cations"] = new[] { "Mn", "Ti" }, ["anions"] = new[] { "O", "F" },
        }).With("hops", HopsTables.Of(records));

        var e = Assert.Throws<InvalidDataException>(() => stage.Run(ctx));

        Assert.Contains("hop 'neb/hop_0000'", e.Message);
        Assert.Contains("element Nb", e.Message);
        Assert.Empty(ctx.Written);
    }

    [Fact]
    public void Pinned_cations_set_the_element_column_order()
    {
        var (records, _) = Hops(LiMnNbTiOF, 3);

        var features = Run(records, new() { ["descriptors"] = "element", ["cations"] = new[] { "Ti", "Mn", "Nb" } });

        Assert.Equal(["gate_Ti_up", "gate_Ti_down", "gate_Mn_up"], features.Columns.Skip(1).Take(3).Select(c => c.Name));
        Assert.Equal("Li-Ti-Mn-Nb-O-F", features.Metadata[FeaturesContract.ChemistryKey]);
    }

    [Fact]
    public void A_sodium_chemistry_is_featurized_with_mobile_ion_Na_and_refused_without_it()
    {
        var na = new Chemistry("Na", ["Mn", "Ti"], ["O", "F"]);
        var (records, hops) = Hops(na, 4, seed: 5);

        var features = Run(records, new() { ["mobile_ion"] = "Na", ["descriptors"] = "element" });

        Assert.Equal("Na-Mn-Ti-O-F", features.Metadata[FeaturesContract.ChemistryKey]);
        Assert.Contains("gate_li_up", features.Columns.Select(c => c.Name)); // the mobile-ion gate column keeps its name
        for (int r = 0; r < hops.Length; r++)
        {
            if (hops[r].UpSign() == 0) continue;
            Assert.Equal(hops[r].ElementOracle(records[r].EReaction)["gate_Mn_up"], features.Doubles("gate_Mn_up")[r]);
        }
        // x without a formula: vacancies per 2 cation sites.
        int vacancies = 108 - records[0].Species.Count(s => s is "Na" or "Mn" or "Ti"); // conv333: 108 cation sites
        Assert.Equal(2.0 * vacancies / 108, features.Doubles("x")[0], 1e-12);

        var e = Assert.Throws<InvalidDataException>(() => Run(records));
        Assert.Contains("no Li", e.Message);
    }

    [Fact]
    public void A_formula_param_sets_x_per_formula_unit()
    {
        var (records, _) = Hops(LiMnNbTiOF, 2);

        var features = Run(records, new() { ["formula"] = "Li1.2Mn0.2Nb0.2Ti0.4O1.8F0.2" });

        int li = records[0].Species.Count(s => s == "Li");
        Assert.Equal(1.2 - 2.0 * li / 108, features.Doubles("x")[0], 1e-12);
    }

    [Fact]
    public void Standardize_takes_the_element_columns_from_the_features_footer()
    {
        var (records, _) = Hops(LiMnNbTiOF, 5);
        var features = Run(records, new() { ["descriptors"] = "element" });
        var stage = new StandardizeStage();
        using var ctx = new TestStageContext(stage).With("features", features);

        stage.Run(ctx);

        var scaler = ScalerFile.Load(ctx.OutputFilePath("scaler"));
        Assert.Equal(DescriptorSet.Create("element", LiMnNbTiOF).Names, scaler.Features);
        Assert.Equal(features.Doubles("gate_Nb_up").Average(), scaler.Mean[2], 1e-12);
    }
}
