using System.Text.Json.Nodes;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>The cluster space of chemistries with more species: the site basis, decorations counted by hand, orbits
/// unchanged, correlations invariant under the space group, and eci.json carrying the species lists.</summary>
public class MulticomponentSpaceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Tabulated_site_functions_are_orthonormal_for_any_number_of_species(int m)
    {
        var table = SiteBasis.Table(m);
        Assert.Equal(m, table.Length);
        for (int s = 0; s < m; s++)
            for (int t = 0; t < m; t++)
            {
                double product = 0.0;
                for (int sigma = 0; sigma < m; sigma++) product += table[s][sigma] * table[t][sigma];
                Assert.Equal(s == t ? 1.0 : 0.0, product / m, 12);
            }
        // Independent of the formula's code: Theta_1 = -sqrt2 cos(2 pi sigma / M) for M >= 3.
        if (m >= 3)
            for (int sigma = 0; sigma < m; sigma++)
                Assert.Equal(-Math.Sqrt(2) * Math.Cos(2 * Math.PI * sigma / m), table[1][sigma], 14);
    }

    [Theory]
    [InlineData("LiMnTiOF")]
    [InlineData("LiMnNbTiOFCl")]
    public void Orbits_are_those_of_li_v_o_f_and_decorations_follow_the_species_counts(string chemistryName)
    {
        var chemistry = MulticomponentData.Named(chemistryName);
        var space = MulticomponentData.Space(chemistry);
        var reference = TestConfigurations.DefaultSpace;
        Assert.Equal(reference.Orbits.Select(o => (o.ToString(), o.Multiplicity)), space.Orbits.Select(o => (o.ToString(), o.Multiplicity)));
        int c = chemistry.CationSpeciesCount - 1, a = chemistry.AnionSpeciesCount - 1; // non-constant functions per site
        foreach (var orbit in space.Orbits.Where(o => o.Order <= 2))
        {
            // Points: one function per non-constant basis function. Pairs on one sublattice are symmetric under the
            // exchange of their sites (fcc: -d is a lattice vector), so unordered pairs of functions: k(k+1)/2.
            // Cation-anion pairs: every ordered (t, u).
            int expected = orbit.SublatticeLabel switch
            {
                "c" => c,
                "a" => a,
                "cc" => c * (c + 1) / 2,
                "aa" => a * (a + 1) / 2,
                "ca" => c * a,
                _ => throw new InvalidOperationException(orbit.SublatticeLabel),
            };
            Assert.True(expected == orbit.Decorations.Count, $"{orbit}: {orbit.Decorations.Count} decorations, expected {expected}");
        }
        Assert.Equal(space.Orbits.Sum(o => o.Decorations.Count), space.Functions.Count);
        Assert.Equal(chemistry, space.Chemistry);
    }

    [Theory]
    [InlineData("LiMnTiOF")]
    [InlineData("LiMnNbTiOFCl")]
    public void Symmetry_equivalent_configurations_have_equal_correlation_vectors(string chemistryName)
    {
        var chemistry = MulticomponentData.Named(chemistryName);
        var space = MulticomponentData.Space(chemistry);
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var lookup = new SiteLookup(cell, space.Padding);
        var rng = new Random(11);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, rng);
        var reference = CorrelationFunctions.Compute(space, lookup, cations, anions);
        for (int op = 0; op < PointGroup.Count; op++)
        {
            var t = new Int3(2 * rng.Next(-3, 4), 2 * rng.Next(-3, 4) + 1, 1); // even coordinate sum: an fcc translation
            var c2 = new byte[cations.Length];
            var a2 = new byte[anions.Length];
            for (int i = 0; i < cations.Length; i++) c2[cell.CationIndex(PointGroup.Apply(op, cell.CationPosition(i)) + t)] = cations[i];
            for (int j = 0; j < anions.Length; j++) a2[cell.AnionIndex(PointGroup.Apply(op, cell.AnionPosition(j)) + t)] = anions[j];
            var image = CorrelationFunctions.Compute(space, lookup, c2, a2);
            for (int f = 0; f < reference.Length; f++)
                Assert.True(Math.Abs(reference[f] - image[f]) < 1e-12, $"operation {op}: {space.Functions[f].Label} {reference[f]} vs {image[f]}");
        }
        // The check can fail: exchanging a Mn and a Ti changes some correlation.
        int mn = Array.IndexOf(cations, chemistry.Code("Mn")), ti = Array.IndexOf(cations, chemistry.Code("Ti"));
        (cations[mn], cations[ti]) = (cations[ti], cations[mn]);
        var swapped = CorrelationFunctions.Compute(space, lookup, cations, anions);
        Assert.Contains(Enumerable.Range(0, reference.Length), f => Math.Abs(reference[f] - swapped[f]) > 1e-6);
    }

    [Fact]
    public void Point_correlations_are_site_averages_of_the_trigonometric_functions()
    {
        var chemistry = MulticomponentData.LiMnTiOF; // M = 4: Theta_1 = -sqrt2 cos(pi sigma / 2), Theta_2 = -sqrt2 sin, Theta_3 = -cos(pi sigma)
        var space = MulticomponentData.Space(chemistry);
        var cell = RockSaltSupercell.Primitive(3, 4, 4, TestConfigurations.A);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, new Random(3));
        var corr = CorrelationFunctions.Compute(space, cell, cations, anions);
        var point = space.Functions.Where(f => space.Orbits[f.OrbitIndex].SublatticeLabel == "c").ToArray();
        Func<int, double>[] theta = [s => -Math.Sqrt(2) * Math.Cos(Math.PI * s / 2), s => -Math.Sqrt(2) * Math.Sin(Math.PI * s / 2), s => -Math.Cos(Math.PI * s)];
        for (int t = 0; t < 3; t++)
            Assert.Equal(cations.Average(s => theta[t](s)), corr[point[t].Index], 12);
    }

    [Fact]
    public void Eci_json_writes_the_species_lists_and_reads_the_chemistry_back()
    {
        var chemistry = new Chemistry("Na", ["Mn", "Nb", "Ti"], ["O", "F", "Cl"], substituent: "Cl");
        var space = ClusterSpace.Generate([1.1, 0.75], chemistry);
        var model = MulticomponentData.RandomModel(space, 9);
        string path = Path.Combine(Path.GetTempPath(), $"eci-{Guid.NewGuid():N}.json");
        model.Save(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("[\"Vac\",\"Na\",\"Mn\",\"Nb\",\"Ti\"]", json["sublattices"]![0]!["species"]!.ToJsonString());
        Assert.Equal("[\"O\",\"F\",\"Cl\"]", json["sublattices"]![1]!["species"]!.ToJsonString());
        Assert.Equal("Cl", (string?)json["sublattices"]![1]!["substituent"]);
        var loaded = CeModel.Load(path);
        Assert.Equal(chemistry, loaded.Chemistry);
        Assert.Equal(model.Ecis, loaded.Ecis);
        var cell = RockSaltSupercell.Cubic(3, 4.1);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, new Random(4));
        Assert.Equal(new CeEvaluator(model, cell).TotalEnergy(cations, anions), new CeEvaluator(loaded, cell).TotalEnergy(cations, anions));
    }

    [Fact]
    public void Li_v_o_f_eci_json_keeps_its_species_lists_and_old_files_read_as_li_v_o_f()
    {
        var model = TestConfigurations.RandomModel(TestConfigurations.DefaultSpace, 1);
        string path = Path.Combine(Path.GetTempPath(), $"eci-{Guid.NewGuid():N}.json");
        model.Save(path);
        string text = File.ReadAllText(path);
        Assert.Contains("""
              "sublattices": [
                {
                  "name": "cation",
                  "species": [
                    "Vac",
                    "Li",
                    "V"
                  ]
                },
                {
                  "name": "anion",
                  "species": [
                    "O",
                    "F"
                  ]
                }
              ],
            """.ReplaceLineEndings("\n"), text);
        var json = JsonNode.Parse(text)!.AsObject();
        json.Remove("sublattices");
        File.WriteAllText(path, json.ToJsonString());
        Assert.Equal(Chemistry.LiVOF, CeModel.Load(path).Chemistry);
    }

    [Fact]
    public void A_bad_species_list_is_reported_with_the_file_and_field()
    {
        var model = MulticomponentData.RandomModel(MulticomponentData.Space(MulticomponentData.LiMnTiOF), 1);
        string path = Path.Combine(Path.GetTempPath(), $"eci-{Guid.NewGuid():N}.json");
        model.Save(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["sublattices"]![0]!["species"] = new JsonArray("Li", "Vac", "Mn", "Ti");
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<FormatException>(() => CeModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("sublattices 'cation'", e.Message);
        // A list of other length changes the decorations: the stored ones no longer match.
        json["sublattices"]![0]!["species"] = new JsonArray("Vac", "Li", "Mn");
        File.WriteAllText(path, json.ToJsonString());
        Assert.Throws<FormatException>(() => CeModel.Load(path));
    }
}
