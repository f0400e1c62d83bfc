using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests.Multicomponent;

/// <summary>The kMC's incremental machinery with several TM species: single-site flips between any two cation
/// species equal two full evaluations; flip(from) + flip(to) + HopInteraction reproduces HopDelta for hops of every
/// cation species (the combined pair tables and the cluster-by-cluster sums agree bit for bit); the flip energy field
/// (Li and vacancies tracked, every TM untracked) after any sequence of hops equals a fresh rebuild bit for bit and
/// its flips equal <see cref="CeEvaluator.SiteFlipDelta"/> to 1e-10 eV.</summary>
public class MulticomponentIncrementalTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "LiMnTiOF", "cubic3" },
        { "LiMnTiOF", "primitive566" },
        { "LiMnTiOF", "cubic2" },
        { "LiMnNbTiOFCl", "cubic3" },
        { "LiMnNbTiOFCl", "primitive566" },
    };

    private static (Chemistry, CeEvaluator) Evaluator(string chemistryName, string cellName, int seed)
    {
        var chemistry = MulticomponentData.Named(chemistryName);
        return (chemistry, new CeEvaluator(MulticomponentData.RandomModel(MulticomponentData.Space(chemistry), seed),
            MulticomponentExactnessTests.Cell(cellName)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Site_flips_between_any_two_cation_species_match_full_evaluations(string chemistryName, string cellName)
    {
        var (chemistry, evaluator) = Evaluator(chemistryName, cellName, 5);
        var rng = new Random(cellName.Length * 7 + chemistryName.Length);
        var (cations, anions) = MulticomponentData.Random(chemistry, evaluator.Cell, rng);
        double energy = evaluator.TotalEnergy(cations, anions);
        var seen = new HashSet<(byte, byte)>();
        for (int m = 0; m < 300; m++)
        {
            int site = rng.Next(cations.Length);
            byte before = cations[site], after = (byte)rng.Next(chemistry.CationSpeciesCount);
            double flip = evaluator.SiteFlipDelta(cations, anions, site, after);
            cations[site] = after;
            double full = evaluator.TotalEnergy(cations, anions);
            Assert.True(Math.Abs(full - energy - flip) < 1e-10, $"flip {m}: local {flip:R}, full {full - energy:R}");
            if (before != after) Assert.Equal(-flip, evaluator.SiteFlipDelta(cations, anions, site, before));
            seen.Add((before, after));
            energy = full;
        }
        Assert.Equal(chemistry.CationSpeciesCount * chemistry.CationSpeciesCount, seen.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flips_plus_interaction_reproduce_hops_of_every_cation_species(string chemistryName, string cellName)
    {
        var (chemistry, evaluator) = Evaluator(chemistryName, cellName, 11);
        var cell = evaluator.Cell;
        var rng = new Random(cellName.Length * 31 + chemistryName.Length);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, rng, vacancy: 0.3);
        var moved = new HashSet<byte>();
        for (int m = 0; m < 400; m++)
        {
            int from = rng.Next(cations.Length), direction = rng.Next(12);
            int to = cell.CationNeighbor(from, direction);
            if (cations[from] == Chemistry.Vacancy || cations[to] != Chemistry.Vacancy) continue;
            byte s = cations[from];
            double c = evaluator.HopInteraction(cations, anions, from, to);
            int back = cell.CationNeighbors(to).IndexOf(from);
            Assert.Equal(c, evaluator.HopInteractionByTerms(cations, anions, from, to, back)); // table == terms, bit for bit
            double decomposed = evaluator.SiteFlipDelta(cations, anions, from, Chemistry.Vacancy)
                                + evaluator.SiteFlipDelta(cations, anions, to, s) + c;
            double hop = evaluator.HopDelta(cations, anions, from, to);
            Assert.True(Math.Abs(decomposed - hop) < 1e-10, $"hop {m} of {chemistry.Symbol(s)}: decomposed {decomposed:R}, HopDelta {hop:R}");
            (cations[from], cations[to]) = (cations[to], cations[from]);
            moved.Add(s);
        }
        Assert.Equal(chemistry.CationSpeciesCount - 1, moved.Count);
        // The default space's NN pair environment has 4 cation and 2 anion slots: a combined table when its codes fit.
        double codes = Math.Pow(chemistry.CationSpeciesCount, 4) * Math.Pow(chemistry.AnionSpeciesCount, 2);
        Assert.Equal(codes <= HopPairEnvironment.MaxTableCodes ? 12 : 0, evaluator.NeighbourTableDirections);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flip_field_tracks_li_hops_exactly_among_several_tm_species(string chemistryName, string cellName)
    {
        var (chemistry, evaluator) = Evaluator(chemistryName, cellName, 19);
        var cell = evaluator.Cell;
        var rng = new Random(cellName.Length + 3 * chemistryName.Length);
        var (cations, anions) = MulticomponentData.Random(chemistry, cell, rng, vacancy: 0.3);
        var field = new FlipEnergyField(evaluator);
        field.Rebuild(cations, anions);
        int hops = 0;
        for (int m = 0; m < 3000 && hops < 300; m++)
        {
            int from = rng.Next(cations.Length), to = cell.CationNeighbor(from, rng.Next(12));
            if (cations[from] != Chemistry.Mobile || cations[to] != Chemistry.Vacancy) continue;
            double predicted = field[from] + field[to] + evaluator.HopInteraction(cations, anions, from, to);
            Assert.True(Math.Abs(predicted - evaluator.HopDelta(cations, anions, from, to)) < 1e-10, $"hop {hops}");
            cations[from] = Chemistry.Vacancy;
            field.SiteChanged(cations, anions, from, Chemistry.Mobile);
            cations[to] = Chemistry.Mobile;
            field.SiteChanged(cations, anions, to, Chemistry.Vacancy);
            hops++;
        }
        Assert.True(hops >= 100, $"only {hops} hops");
        var fresh = new FlipEnergyField(evaluator);
        fresh.Rebuild(cations, anions);
        for (int site = 0; site < cations.Length; site++)
        {
            Assert.Equal(fresh.FixedPoint(site), field.FixedPoint(site));
            double expected = cations[site] >= Chemistry.FirstOtherCation ? 0.0
                : evaluator.SiteFlipDelta(cations, anions, site, cations[site] == Chemistry.Mobile ? Chemistry.Vacancy : Chemistry.Mobile);
            Assert.True(Math.Abs(field[site] - expected) < 1e-10, $"site {site} ({chemistry.Symbol(cations[site])}): field {field[site]:R}, flip {expected:R}");
        }
    }

    [Fact]
    public void Flip_field_updates_do_not_allocate()
    {
        var (chemistry, evaluator) = Evaluator("LiMnNbTiOFCl", "cubic3", 2);
        var (cations, anions) = MulticomponentData.Random(chemistry, evaluator.Cell, new Random(4), vacancy: 0.3);
        var field = new FlipEnergyField(evaluator);
        field.Rebuild(cations, anions);
        var sites = Enumerable.Range(0, cations.Length).Where(i => cations[i] <= Chemistry.Mobile).Take(40).ToArray();
        void Toggle()
        {
            foreach (int site in sites)
            {
                byte before = cations[site];
                cations[site] = (byte)(1 - before);
                field.SiteChanged(cations, anions, site, before);
            }
        }
        Toggle();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Toggle();
        Assert.Equal(allocated, GC.GetAllocatedBytesForCurrentThread());
    }
}
