namespace Pipeline.RockSalt.Tests;

/// <summary>Species as data: codes, inference, formula counts, and the two descriptor sets on random multi-TM
/// configurations (the element columns must add up to the standard ones; for Li-V-O-F both equal the published set).</summary>
public class ChemistryTests
{
    private static readonly Chemistry LiMnTiNbOF = new("Li", ["Mn", "Nb", "Ti"], ["O", "F"]);

    [Fact]
    public void LiVOF_codes_are_the_Species_codes()
    {
        var c = Chemistry.LiVOF;
        Assert.Equal((byte)Species.Vac, c.Code("Vac"));
        Assert.Equal((byte)Species.Li, c.Code("Li"));
        Assert.Equal((byte)Species.V, c.Code("V"));
        Assert.Equal((byte)Species.O, c.Code("O"));
        Assert.Equal((byte)Species.F, c.Code("F"));
        Assert.Equal((byte)Species.F, c.SubstituentCode);
        Assert.Equal(3, c.CationSpeciesCount);
        Assert.Equal(2, c.AnionSpeciesCount);
    }

    [Fact]
    public void Inference_orders_cations_alphabetically_and_puts_the_majority_anion_first()
    {
        var counts = new Dictionary<string, long> { ["F"] = 4, ["Ti"] = 3, ["Li"] = 10, ["O"] = 20, ["Mn"] = 5 };
        var c = Chemistry.Infer(counts);
        Assert.Equal(["Mn", "Ti"], c.OtherCations);
        Assert.Equal(["O", "F"], c.Anions);
        Assert.Equal("F", c.Substituent);
        Assert.Equal("Li-Mn-Ti-O-F", c.ToString());
        Assert.Equal(Chemistry.LiVOF, Chemistry.Infer(new Dictionary<string, long> { ["V"] = 1, ["O"] = 2, ["Li"] = 2, ["F"] = 1 }));
    }

    [Fact]
    public void Sodium_works_as_the_mobile_ion_and_a_single_anion_has_no_substituent()
    {
        var c = Chemistry.Infer(new Dictionary<string, long> { ["Na"] = 4, ["Mn"] = 4, ["O"] = 8 }, mobileIon: "Na");
        Assert.Equal(Chemistry.Mobile, c.Code("Na"));
        Assert.Null(c.Substituent);
        Assert.Equal(byte.MaxValue, c.SubstituentCode);
    }

    [Fact]
    public void Errors_name_the_field_and_the_element()
    {
        Assert.Contains("mobile_ion: the structures hold no Na",
            Assert.Throws<ArgumentException>(() => Chemistry.Infer(new Dictionary<string, long> { ["Li"] = 1, ["O"] = 1, ["V"] = 1 }, "Na")).Message);
        Assert.Contains("substituent: Cl is not one of the anions",
            Assert.Throws<ArgumentException>(() => new Chemistry("Li", ["V"], ["O", "F"], "Cl")).Message);
        Assert.Contains("element Zr is not in the chemistry Li-V-O-F",
            Assert.Throws<ArgumentException>(() => Chemistry.LiVOF.RequireElement("Zr", "calc 7")).Message);
        Assert.Contains("'mn' is not an element symbol",
            Assert.Throws<ArgumentException>(() => new Chemistry("Li", ["mn"], ["O"])).Message);
    }

    [Theory]
    [InlineData(0.25, 48)]
    [InlineData(1.0, 96)]
    [InlineData(0.5, 1728)]
    public void LiVOF_formula_counts_equal_SiteCounts(double x, int cationSites)
    {
        var old = SiteCounts.For(x, cationSites);
        var counts = RockSaltFormula.LiVOF.CountsFor(x, cationSites);
        Assert.Equal(old.Li, counts.MobileIons);
        Assert.Equal(old.V, counts.Count((byte)Species.V));
        Assert.Equal(old.Vacancies, counts.Vacancies);
        Assert.Equal(old.O, counts.Count((byte)Species.O));
        Assert.Equal(old.F, counts.Count((byte)Species.F));
        Assert.Equal(old.ActualX, counts.ActualX, 12);
        Assert.Equal(old.Ordered().Cations, counts.Ordered().Cations);
        Assert.Equal(old.Ordered().Anions, counts.Ordered().Anions);
    }

    [Fact]
    public void A_multi_TM_formula_fills_the_cell_exactly()
    {
        var chemistry = new Chemistry("Li", ["Mn", "Ti"], ["O", "F"]);
        var formula = new RockSaltFormula(chemistry,
            new Dictionary<string, double> { ["Li"] = 1.2, ["Mn"] = 0.4, ["Ti"] = 0.4, ["O"] = 1.8, ["F"] = 0.2 });
        var counts = formula.CountsFor(0.2, 160); // 80 formula units
        Assert.Equal(32, counts.Count(chemistry.Code("Mn")));
        Assert.Equal(32, counts.Count(chemistry.Code("Ti")));
        Assert.Equal(16, counts.Vacancies);
        Assert.Equal(80, counts.MobileIons);
        Assert.Equal(144, counts.Count(chemistry.Code("O")));
        Assert.Equal(16, counts.Count(chemistry.Code("F")));
        Assert.Equal(160, counts.CationSites);
        Assert.Equal(160, counts.AnionSites);
        Assert.Contains("not a whole number",
            Assert.Throws<ArgumentException>(() => formula.CountsFor(0.2, 162)).Message);
        Assert.Contains("cation amounts add up to 2.1 but anion amounts to 2",
            Assert.Throws<ArgumentException>(() => new RockSaltFormula(chemistry,
                new Dictionary<string, double> { ["Li"] = 1.3, ["Mn"] = 0.4, ["Ti"] = 0.4, ["O"] = 1.8, ["F"] = 0.2 })).Message);
    }

    [Fact]
    public void Formulas_parse_from_element_runs()
    {
        var chemistry = new Chemistry("Li", ["Mn", "Ti"], ["O", "F"]);
        var f = RockSaltFormula.Parse("Li1.2Mn0.4Ti0.4O1.8F0.2", chemistry);
        Assert.Equal(1.2, f.Amount(chemistry.Code("Li")));
        Assert.Equal(0.2, f.Amount(chemistry.Code("F")));
        Assert.Equal(2.0, f.SitesPerFormulaUnit, 12);
        Assert.Equal(RockSaltFormula.LiVOF.ToString(), RockSaltFormula.Parse("Li2VO2F", Chemistry.LiVOF).ToString());
        Assert.Contains("no amount for F", Assert.Throws<ArgumentException>(() => RockSaltFormula.Parse("Li1.2Mn0.4Ti0.4O2", chemistry)).Message);
        Assert.Contains("Zr is not a species", Assert.Throws<ArgumentException>(() => RockSaltFormula.Parse("Li1Zr1O2", chemistry)).Message);
        Assert.Contains("at character 4", Assert.Throws<ArgumentException>(() => RockSaltFormula.Parse("Li2-VO2F", Chemistry.LiVOF)).Message);
    }

    [Fact]
    public void Standard_set_of_LiVOF_is_the_published_set_and_element_set_holds_the_same_counts()
    {
        var cell = RockSaltSupercell.Cubic(4, 4.2);
        var standard = DescriptorSet.Create(DescriptorSet.Standard, Chemistry.LiVOF);
        var element = DescriptorSet.Create(DescriptorSet.ElementResolved, Chemistry.LiVOF);
        Assert.Equal(HopDescriptors.Names, standard.Names);
        Assert.Equal(["gate_V_up", "gate_V_down", "gate_li_up", "gate_li_down", "dumbbell_F", "apex_F_up", "apex_F_down",
            "back_F", "nn_V_initial", "nn_V_final", "delta_e"], element.Names);
        var rng = new Random(3);
        var a = new double[11];
        var b = new double[11];
        for (int trial = 0; trial < 200; trial++)
        {
            var (cations, anions, hop) = RandomHop(cell, Chemistry.LiVOF, rng);
            bool upA = standard.Compute(hop, cations, anions, 0.1, a);
            bool upB = element.Compute(hop, cations, anions, 0.1, b);
            Assert.Equal(upA, upB);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Element_columns_add_up_to_the_standard_descriptors_for_three_TM_elements()
    {
        var cell = RockSaltSupercell.Cubic(4, 4.2);
        var standard = DescriptorSet.Create(DescriptorSet.Standard, LiMnTiNbOF);
        var element = DescriptorSet.Create(DescriptorSet.ElementResolved, LiMnTiNbOF);
        Assert.Equal(6 + 2 + 4 + 6 + 1, element.Count);
        var rng = new Random(5);
        var s = new double[standard.Count];
        var e = new double[element.Count];
        var sums = new Dictionary<string, double>();
        for (int trial = 0; trial < 500; trial++)
        {
            var (cations, anions, hop) = RandomHop(cell, LiMnTiNbOF, rng);
            standard.Compute(hop, cations, anions, -0.3, s);
            element.Compute(hop, cations, anions, -0.3, e);
            foreach (var (name, group) in new[] { ("gate_tm_up", "gate_{0}_up"), ("gate_tm_down", "gate_{0}_down"),
                         ("nn_tm_initial", "nn_{0}_initial"), ("nn_tm_final", "nn_{0}_final") })
            {
                double sum = LiMnTiNbOF.OtherCations.Sum(tm => e[IndexOf(element, string.Format(group, tm))]);
                Assert.Equal(s[IndexOf(standard, name)], sum);
            }
            foreach (var name in new[] { "gate_li_up", "gate_li_down" })
                Assert.Equal(s[IndexOf(standard, name)], e[IndexOf(element, name)]);
            foreach (var (name, col) in new[] { ("dumbbell_f", "dumbbell_F"), ("apex_f_up", "apex_F_up"),
                         ("apex_f_down", "apex_F_down"), ("back_f", "back_F") })
                Assert.Equal(s[IndexOf(standard, name)], e[IndexOf(element, col)]);
            Assert.Equal(-0.3, e[^1]);
            sums.TryAdd("trials", 0);
            sums["trials"] += e[IndexOf(element, "gate_Nb_up")] + e[IndexOf(element, "gate_Nb_down")];
        }
        Assert.True(sums["trials"] > 0, "the random configurations never put Nb on a gate");
    }

    [Fact]
    public void Reverse_swaps_every_initial_final_pair()
    {
        var element = DescriptorSet.Create(DescriptorSet.ElementResolved, LiMnTiNbOF);
        var x = Enumerable.Range(0, element.Count).Select(i => (double)i).ToArray();
        element.Reverse(x);
        foreach (var tm in LiMnTiNbOF.OtherCations)
        {
            int i = IndexOf(element, $"nn_{tm}_initial"), f = IndexOf(element, $"nn_{tm}_final");
            Assert.Equal((double)f, x[i]);
            Assert.Equal((double)i, x[f]);
        }
        Assert.Equal(0.0, x[0]);
    }

    private static int IndexOf(DescriptorSet set, string name)
    {
        int i = set.Names.ToList().IndexOf(name);
        Assert.True(i >= 0, $"no column {name}");
        return i;
    }

    /// <summary>A random configuration of the chemistry with a mobile ion on I and a vacancy on F.</summary>
    private static (byte[] Cations, byte[] Anions, HopAnatomy Hop) RandomHop(RockSaltSupercell cell, Chemistry chemistry, Random rng)
    {
        var cations = new byte[cell.CationCount];
        var anions = new byte[cell.AnionCount];
        for (int i = 0; i < cations.Length; i++) cations[i] = (byte)rng.Next(chemistry.CationSpeciesCount);
        for (int i = 0; i < anions.Length; i++) anions[i] = (byte)(chemistry.FirstAnion + rng.Next(chemistry.AnionSpeciesCount));
        int from = rng.Next(cations.Length), direction = rng.Next(12);
        var hop = new HopAnatomy();
        cell.Anatomy(from, direction, ref hop);
        cations[hop.Initial] = Chemistry.Mobile;
        cations[hop.Final] = Chemistry.Vacancy;
        return (cations, anions, hop);
    }
}
