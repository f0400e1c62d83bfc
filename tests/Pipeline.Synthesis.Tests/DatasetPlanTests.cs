using Pipeline.RockSalt;
using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis.Tests;

/// <summary>The default study as data (nothing written): counts, compositions, path types, faults.</summary>
public class DatasetPlanTests
{
    private static readonly DatasetPlan s_plan = DatasetPlan.Draw(new SynthesisSettings());

    [Fact]
    public void Default_study_has_the_requested_counts_and_compositions()
    {
        Assert.Equal(240, s_plan.Hops.Count);
        Assert.Equal(200, s_plan.SinglePoints.Count);
        Assert.Equal(48, s_plan.Topology.CationCount);
        Assert.Equal(48, s_plan.Topology.AnionCount);
        Assert.Equal([1, 4, 8, 16], s_plan.Compositions.Select(c => c.Vacancies));
        foreach (var group in s_plan.Hops.GroupBy(h => h.Hop.Composition.X))
            Assert.Equal(60, group.Count());
        Assert.All(s_plan.Hops, h => Assert.Contains(h.Images, new[] { 5, 7 }));
    }

    [Fact]
    public void Every_hop_moves_a_li_into_a_vacant_nearest_neighbour_site()
    {
        foreach (var h in s_plan.Hops)
        {
            var a = h.Hop.Anatomy;
            Assert.Equal((byte)Species.Li, h.Hop.Cations[a.Initial]);
            Assert.Equal((byte)Species.Vac, h.Hop.Cations[a.Final]);
            Assert.Equal(a.Final, s_plan.Topology.CationNeighbor(a.Initial, a.Direction));
            var c = h.Hop.Composition;
            Assert.Equal(c.Count((byte)Species.Li), h.Hop.Cations.Count(s => s == (byte)Species.Li));
            Assert.Equal(c.Count((byte)Species.F), h.Hop.Anions.Count(s => s == (byte)Species.F));
        }
    }

    [Fact]
    public void All_three_path_types_are_present()
    {
        var counts = s_plan.Hops.GroupBy(h => h.Barrier.Path).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(counts.GetValueOrDefault(HopPath.Up) >= 100);
        Assert.True(counts.GetValueOrDefault(HopPath.Down) >= 5);
        Assert.True(counts.GetValueOrDefault(HopPath.Straight) >= 5);
    }

    [Fact]
    public void About_three_percent_of_the_nebs_carry_each_kind_of_fault()
    {
        var faulty = s_plan.Hops.Where(h => h.Fault is not null).ToList();
        Assert.Equal(7, faulty.Count); // round(0.03 * 240)
        Assert.Equal(Enum.GetValues<FaultKind>().ToHashSet(), faulty.Select(h => h.Fault!.Value).ToHashSet());
        Assert.All(faulty.Where(h => h.Fault != FaultKind.ImagesMismatch), h => Assert.InRange(h.FaultImage, 1, h.Images));
    }

    [Fact]
    public void Saddle_is_the_highest_image_and_energies_obey_the_kra_definitions()
    {
        foreach (var h in s_plan.Hops)
        {
            var p = h.Profile;
            int m = h.Images + 2;
            var e = Enumerable.Range(0, m).Select(k => p.At((double)k / (m - 1))).ToArray();
            Assert.Equal(m / 2, Array.IndexOf(e, e.Max()));
            // DOMAIN.md section 3.
            Assert.Equal(h.Barrier.Forward, e.Max() - e[0], 1e-9);
            Assert.Equal(h.Barrier.Kra, e.Max() - (e[0] + e[^1]) / 2, 1e-9);
        }
    }
}
