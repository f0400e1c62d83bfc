using Pipeline.Contracts;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Models;
using Pipeline.Kmc.Stage;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

/// <summary>Clear errors when the species do not fit together: formula against the CE's chemistry, barrier model
/// against the CE model, KRA descriptors against the lattice.</summary>
public sealed class ChemistryMismatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kmc-chem-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_barrier_model_of_another_chemistry_is_refused_naming_both_files_and_the_element()
    {
        var kraPath = Path.Combine(_dir, "model-kra.json");
        ModelFiles.WithChemistry(BarrierModel.Load(ModelFiles.WriteKra(_dir)), MultiCation.LiMnTiOF, DescriptorSet.Standard).Save(kraPath);
        var cePath = ModelFiles.WriteCe(_dir, 1); // Li-V-O-F
        var ex = Assert.Throws<InvalidDataException>(() => KmcModels.Load(kraPath, cePath));
        Assert.Contains(kraPath, ex.Message);
        Assert.Contains(cePath, ex.Message);
        Assert.Contains("Mn is in Li-Mn-Ti-O-F but not in Li-V-O-F", ex.Message);

        // The adapter alone refuses it as well, naming its file.
        var direct = Assert.Throws<InvalidDataException>(() => KraModelAdapter.Load(kraPath, Chemistry.LiVOF));
        Assert.Contains(kraPath, direct.Message);
        Assert.Contains("Mn", direct.Message);
    }

    [Fact]
    public void A_standard_model_of_the_same_chemistry_loads_and_its_set_is_the_chemistrys()
    {
        var models = KmcModels.Load(ModelFiles.WriteKra(_dir), ModelFiles.WriteCe(_dir, 1));
        Assert.Equal(Chemistry.LiVOF, models.Chemistry);
        Assert.Equal(DescriptorSet.Standard, models.Kra.Descriptors.Name);
        Assert.Equal(Chemistry.LiVOF, models.Kra.Descriptors.Chemistry);
    }

    [Fact]
    public void An_element_model_with_a_feature_of_another_element_is_refused_naming_the_feature()
    {
        var template = BarrierModel.Load(ModelFiles.WriteKra(_dir));
        var features = template.Features.Select((_, i) => i == 0 ? "gate_V_up" : $"gate_Mn_{(i % 2 == 0 ? "up" : "down")}").ToArray();
        var model = ModelFiles.WithChemistry(template, MultiCation.LiMnTiOF, DescriptorSet.ElementResolved, features);
        var ex = Assert.Throws<InvalidDataException>(() => new KraModelAdapter(model, "m.json", MultiCation.LiMnTiOF));
        Assert.Contains("m.json", ex.Message);
        Assert.Contains("gate_V_up", ex.Message);
    }

    [Fact]
    public void A_formula_is_read_in_the_ce_chemistry_and_required_when_it_is_not_li_v_o_f()
    {
        double[] xs = [0.2, 0.5];
        var wrong = Assert.Throws<ArgumentException>(() => KmcFormula.Resolve("Li2VO2F", MultiCation.LiMnTiOF, xs, "eci.json"));
        Assert.Contains("'formula'", wrong.Message);
        Assert.Contains("V is not a species of Li-Mn-Ti-O-F", wrong.Message);
        Assert.Contains("eci.json", wrong.Message);

        var missing = Assert.Throws<ArgumentException>(() => KmcFormula.Resolve("", MultiCation.LiMnTiOF, xs, "eci.json"));
        Assert.Contains("'formula': required", missing.Message);
        Assert.Contains("Li-Mn-Ti-O-F", missing.Message);

        var unbalanced = Assert.Throws<ArgumentException>(() => KmcFormula.Resolve("Li1.2Mn0.4Ti0.4O2F0.2", MultiCation.LiMnTiOF, xs, "eci.json"));
        Assert.Contains("a rock salt needs them equal", unbalanced.Message);

        var tooMuch = Assert.Throws<ArgumentException>(() => KmcFormula.Resolve("Li1.2Mn0.4Ti0.4O1.8F0.2", MultiCation.LiMnTiOF, [0.5, 1.5], "eci.json"));
        Assert.Contains("'compositions'", tooMuch.Message);
        Assert.Contains("1.5", tooMuch.Message);

        Assert.Same(RockSaltFormula.LiVOF, KmcFormula.Resolve("", Chemistry.LiVOF, xs, "eci.json"));
        Assert.Equal(1.2, KmcFormula.Resolve("Li1.2Mn0.4Ti0.4O1.8F0.2", MultiCation.LiMnTiOF, xs, "eci.json").Amount(Chemistry.Mobile));
    }

    [Fact]
    public void A_ce_model_of_another_chemistry_than_the_lattice_is_refused_when_the_run_starts()
    {
        var lattice = MultiCation.Relabel(Configurations.Drs(3, 0.5, 1), 2);
        var kra = new LinearKraModel(0.3, new double[10], DescriptorSet.Create(DescriptorSet.Standard, MultiCation.LiMnTiOF));
        var barrier = new OnTheFlyBarrier(kra, new CeHopEnergy(ModelFiles.RandomCe(3), lattice.Cell)); // a Li-V-O-F CE
        var ex = Assert.Throws<ArgumentException>(() => new KmcEngine(lattice, barrier, 600, 1e13, 1));
        Assert.Contains("the CE model is for Li-V-O-F", ex.Message);
        Assert.Contains("V is in Li-V-O-F but not in Li-Mn-Ti-O-F", ex.Message);
    }

    [Fact]
    public void A_kra_model_of_another_chemistry_than_the_lattice_is_refused_when_the_run_starts()
    {
        var lattice = MultiCation.Relabel(Configurations.Drs(3, 0.5, 1), 2);
        var barrier = new OnTheFlyBarrier(LinearKraModel.Constant(0.3), new PairHopEnergy(lattice.Index, [new double[4, 4]]));
        var ex = Assert.Throws<ArgumentException>(() => new KmcEngine(lattice, barrier, 600, 1e13, 1));
        Assert.Contains("Li-V-O-F", ex.Message);
        Assert.Contains("Li-Mn-Ti-O-F", ex.Message);
    }
}
