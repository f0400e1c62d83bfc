using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Tests.Support;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

/// <summary>Both descriptor sets on multi-TM chemistries, against counts made by hand on the literal site coordinates
/// of DOMAIN.md section 2 (standard set: section 4 with TM = any non-mobile cation; element set: section 10).</summary>
public class ElementDescriptorTests
{
    /// <summary>Li-Mn-Ti-Nb-O-F with the cations pinned in the order Mn, Ti, Nb (so the element columns follow it).</summary>
    private static readonly Chemistry LiMnTiNbOF = new("Li", ["Mn", "Ti", "Nb"], ["O", "F"]);

    private static readonly string[] CellNames = ["prim344", "conv333", "oblique"];

    private static RockSaltSupercell Make(string name) => name == "oblique"
        ? new RockSaltSupercell(new Int3(4, 4, 0), new Int3(0, 4, 4), new Int3(4, -2, 6), Cells.A)
        : Cells.Make(name);

    private static HopFeatures Featurize(HopRecord hop, string set, Chemistry chemistry)
        => HopFeaturizer.Compute(hop, 0.4, DescriptorSet.Create(set, chemistry), FormulaUnit.TwoSites);

    private static Dictionary<string, double> ByName(HopFeatures f, Chemistry chemistry)
    {
        var names = DescriptorSet.Create(DescriptorSet.ElementResolved, chemistry).Names;
        Assert.Equal(names.Count, f.Descriptors.Length);
        return names.Select((n, k) => (n, k)).ToDictionary(p => p.n, p => f.Descriptors[p.k]);
    }

    /// <summary>T1 gates Mn + Li, T2 gates Ti + Nb: T1 has fewer TM, so T1 is up whatever the anions.</summary>
    private static ElementHop TmDecidesUp()
    {
        var hop = ElementHop.Plain(LiMnTiNbOF);
        hop[new(1, 0, 1)] = "Mn"; hop[new(0, 1, 1)] = "Li";             // gates T1
        hop[new(1, 0, -1)] = "Ti"; hop[new(0, 1, -1)] = "Nb";           // gates T2
        hop[new(1, 0, 0)] = "F"; hop[new(0, 1, 0)] = "O";               // dumbbell
        hop[new(0, 0, 1)] = "F"; hop[new(1, 1, 1)] = "F";               // apex T1
        hop[new(0, 0, -1)] = "O"; hop[new(1, 1, -1)] = "F";             // apex T2
        hop[new(-1, 0, 0)] = "F"; hop[new(0, -1, 0)] = "O"; hop[new(2, 1, 0)] = "O"; hop[new(1, 2, 0)] = "F"; // back
        string[] nnI = ["Mn", "Mn", "Ti", "Vac", "Li", "Nb", "Li"];
        string[] nnF = ["Nb", "Nb", "Vac", "Ti", "Li", "Li", "Li"];
        for (int k = 0; k < 7; k++) { hop[HopEnvironment.OtherNnI[k]] = nnI[k]; hop[HopEnvironment.OtherNnF[k]] = nnF[k]; }
        return hop;
    }

    /// <summary>One TM gate on each side (Mn on T1, Ti on T2), so the apex F decide: T1 has 2 F, T2 none, T2 is up.</summary>
    private static ElementHop ApexDecidesUp()
    {
        var hop = ElementHop.Plain(LiMnTiNbOF);
        hop[new(1, 0, 1)] = "Mn"; hop[new(0, 1, 1)] = "Li";
        hop[new(1, 0, -1)] = "Ti"; hop[new(0, 1, -1)] = "Vac";
        hop[new(0, 0, 1)] = "F"; hop[new(1, 1, 1)] = "F";
        hop[new(1, 0, 0)] = "F"; hop[new(0, 1, 0)] = "F";
        string[] nnI = ["Nb", "Li", "Li", "Li", "Li", "Li", "Ti"];
        string[] nnF = ["Mn", "Mn", "Mn", "Nb", "Vac", "Li", "Li"];
        for (int k = 0; k < 7; k++) { hop[HopEnvironment.OtherNnI[k]] = nnI[k]; hop[HopEnvironment.OtherNnF[k]] = nnF[k]; }
        return hop;
    }

    [Fact]
    public void Hand_built_three_TM_hop_with_TM_deciding_up_gives_the_hand_counted_descriptors()
    {
        var record = TmDecidesUp().Build(Cells.Make("conv333"), new Int3(0, 2, 2), eReaction: 0.1);

        // gate_tm 1|2, gate_li 1|0, dumbbell_f 1, apex_f 2|1 (T1 up), back_f 2, nn_tm 4|3, delta_e.
        Assert.Equal([1, 2, 1, 0, 1, 2, 1, 2, 4, 3, 0.1], Featurize(record, DescriptorSet.Standard, LiMnTiNbOF).Descriptors);

        var element = ByName(Featurize(record, DescriptorSet.ElementResolved, LiMnTiNbOF), LiMnTiNbOF);
        var expected = new Dictionary<string, double>
        {
            ["gate_Mn_up"] = 1, ["gate_Mn_down"] = 0, ["gate_Ti_up"] = 0, ["gate_Ti_down"] = 1,
            ["gate_Nb_up"] = 0, ["gate_Nb_down"] = 1, ["gate_li_up"] = 1, ["gate_li_down"] = 0,
            ["dumbbell_F"] = 1, ["apex_F_up"] = 2, ["apex_F_down"] = 1, ["back_F"] = 2,
            ["nn_Mn_initial"] = 2, ["nn_Mn_final"] = 0, ["nn_Ti_initial"] = 1, ["nn_Ti_final"] = 1,
            ["nn_Nb_initial"] = 1, ["nn_Nb_final"] = 2, ["delta_e"] = 0.1,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), element.OrderBy(p => p.Key));
    }

    [Fact]
    public void Hand_built_three_TM_hop_with_the_apex_F_deciding_up_gives_the_hand_counted_descriptors()
    {
        var record = ApexDecidesUp().Build(Cells.Make("prim344"), new Int3(1, 1, 2), eReaction: -0.2);

        // T2 up: gate_tm 1|1, gate_li 0|1, dumbbell_f 2, apex_f 0|2, back_f 0, nn_tm 2|4.
        Assert.Equal([1, 1, 0, 1, 2, 0, 2, 0, 2, 4, -0.2], Featurize(record, DescriptorSet.Standard, LiMnTiNbOF).Descriptors);
        var element = ByName(Featurize(record, DescriptorSet.ElementResolved, LiMnTiNbOF), LiMnTiNbOF);
        var expected = new Dictionary<string, double>
        {
            ["gate_Mn_up"] = 0, ["gate_Mn_down"] = 1, ["gate_Ti_up"] = 1, ["gate_Ti_down"] = 0,
            ["gate_Nb_up"] = 0, ["gate_Nb_down"] = 0, ["gate_li_up"] = 0, ["gate_li_down"] = 1,
            ["dumbbell_F"] = 2, ["apex_F_up"] = 0, ["apex_F_down"] = 2, ["back_F"] = 0,
            ["nn_Mn_initial"] = 0, ["nn_Mn_final"] = 3, ["nn_Ti_initial"] = 1, ["nn_Ti_final"] = 0,
            ["nn_Nb_initial"] = 1, ["nn_Nb_final"] = 1, ["delta_e"] = -0.2,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), element.OrderBy(p => p.Key));
    }

    [Fact]
    public void The_element_columns_add_up_to_the_standard_ones()
    {
        var rng = new Random(3);
        for (int n = 0; n < 20; n++)
        {
            var record = ElementHop.Random(LiMnTiNbOF, rng).Build(Cells.Make("conv333"), new Int3(2, 0, 2), fillerSeed: n);
            var s = Featurize(record, DescriptorSet.Standard, LiMnTiNbOF).Descriptors;
            var e = ByName(Featurize(record, DescriptorSet.ElementResolved, LiMnTiNbOF), LiMnTiNbOF);
            double Sum(string pattern) => LiMnTiNbOF.OtherCations.Sum(tm => e[string.Format(pattern, tm)]);
            Assert.Equal(s[0], Sum("gate_{0}_up"));
            Assert.Equal(s[1], Sum("gate_{0}_down"));
            Assert.Equal(s[8], Sum("nn_{0}_initial"));
            Assert.Equal(s[9], Sum("nn_{0}_final"));
            Assert.Equal([s[2], s[3], s[4], s[5], s[6], s[7]],
                [e["gate_li_up"], e["gate_li_down"], e["dumbbell_F"], e["apex_F_up"], e["apex_F_down"], e["back_F"]]);
        }
    }

    [Theory]
    [InlineData(DescriptorSet.Standard)]
    [InlineData(DescriptorSet.ElementResolved)]
    public void Every_descriptor_is_invariant_under_random_rotations_of_the_whole_cell_and_atom_order(string set)
    {
        // Three TM plus two non-host anions (Cl as a second substituent-like species), so every element column is exercised.
        var chemistry = new Chemistry("Li", ["Mn", "Ti", "Nb"], ["O", "F", "Cl"], "F");
        var rng = new Random(2026);
        int checkedHops = 0;
        for (int seed = 1; checkedHops < 3 * CellNames.Length; seed++)
        {
            var hop = ElementHop.Random(chemistry, new Random(seed));
            if (hop.UpSign() == 0) continue; // a full tie lets the gate site index decide, which depends on placement
            var name = CellNames[checkedHops % CellNames.Length];
            var initial = new Int3(1, 1, 2);
            var aligned = Featurize(hop.Build(Make(name), initial, fillerSeed: seed), set, chemistry);
            var oracle = set == DescriptorSet.Standard ? hop.StandardOracle(0.1)
                : DescriptorSet.Create(set, chemistry).Names.Select(n => hop.ElementOracle(0.1)[n]).ToArray();
            Assert.Equal(oracle, aligned.Descriptors);
            for (int k = 0; k < 3; k++)
            {
                var rotated = Featurize(hop.Build(Make(name), initial, fillerSeed: seed,
                    deformation: Deformations.RandomRotation(rng), shuffleSeed: rng.Next()), set, chemistry);
                Assert.Equal(oracle, rotated.Descriptors);
                Assert.Equal(aligned.PathLabel, rotated.PathLabel);
                Assert.Equal(aligned.X, rotated.X, 1e-12);
                Assert.Equal(aligned.Geometry.TetVolumeUp, rotated.Geometry.TetVolumeUp, 1e-9);
            }
            checkedHops++;
        }
    }

    [Fact]
    public void A_sodium_hop_featurizes_like_a_lithium_hop()
    {
        var na = new Chemistry("Na", ["Mn", "Ti"], ["O", "F"]);
        var hop = ElementHop.Plain(na);
        hop[new(1, 0, 1)] = "Mn"; hop[new(1, 0, -1)] = "Ti"; hop[new(0, 1, -1)] = "Mn"; hop[new(0, 1, 1)] = "Vac";
        hop[new(0, 0, 1)] = "F";
        hop[HopEnvironment.OtherNnI[0]] = "Ti";
        var record = hop.Build(Cells.Make("conv333"), new Int3(0, 0, 2));

        // T1 (Mn + Vac) up, T2 (Ti + Mn) down; gate Na: the remaining Li-like sites are Na, none on the gates.
        Assert.Equal([1, 2, 0, 0, 0, 1, 0, 0, 1, 0, 0.1], Featurize(record, DescriptorSet.Standard, na).Descriptors);
        var element = ByName(Featurize(record, DescriptorSet.ElementResolved, na), na);
        Assert.Equal(1, element["gate_Mn_up"]);
        Assert.Equal(1, element["gate_Mn_down"]);
        Assert.Equal(1, element["gate_Ti_down"]);
        Assert.Equal(1, element["nn_Ti_initial"]);
    }

    [Fact]
    public void A_hop_whose_moving_atom_is_not_the_mobile_ion_is_refused()
    {
        var na = new Chemistry("Na", ["Mn"], ["O", "F"]);
        var liHop = ElementHop.Plain(new Chemistry("Li", ["Mn", "Na"], ["O", "F"])).Build(Cells.Make("conv333"), new Int3(0, 0, 2));
        // The same structure read as a Na chemistry: the moving Li is not Na (Li is not a species of it at all, so
        // the mapping names the element first).
        var e = Assert.ThrowsAny<Exception>(() => Featurize(liHop, DescriptorSet.Standard, na));
        Assert.Contains("Li", e.Message);

        var naAsOther = new Chemistry("Na", ["Mn", "Li"], ["O", "F"]);
        var e2 = Assert.Throws<InvalidDataException>(() => Featurize(liHop, DescriptorSet.Standard, naAsOther));
        Assert.Contains("not the mobile ion Na", e2.Message);
        Assert.Contains("neb/hop_0001", e2.Message);
    }
}
