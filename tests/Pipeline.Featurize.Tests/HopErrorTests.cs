using Pipeline.Featurize.Hops;
using Pipeline.Featurize.Tests.Support;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests;

public class HopErrorTests
{
    private const string CalcId = "neb/hop_0042";
    private static readonly RockSaltSupercell Cell = Cells.Make("conv222");

    private static HopRecord Hop(HopEnvironment? env = null) => new HopScenario(Cell, env ?? HopEnvironment.Plain(), new Int3(0, 0, 0)).Build(CalcId);

    private static double[] MoveAtom(double[] frac, int atom, Vec3 byFraction)
    {
        var copy = (double[])frac.Clone();
        copy[3 * atom] += byFraction.X; copy[3 * atom + 1] += byFraction.Y; copy[3 * atom + 2] += byFraction.Z;
        return copy;
    }

    [Fact]
    public void An_occupied_final_site_names_the_calculation_and_the_blocking_atom()
    {
        var env = HopEnvironment.Plain();
        env[HopEnvironment.F] = Species.V;
        var hop = Hop(env);
        int blocker = AtomOnSite(hop, HopEnvironment.F);

        var e = Assert.Throws<InvalidDataException>(() => HopFeaturizer.Compute(hop, 0.4));

        Assert.Contains(CalcId, e.Message);
        Assert.Contains("occupied", e.Message);
        Assert.Contains($"atom {blocker} (V)", e.Message);
    }

    [Fact]
    public void A_second_atom_changing_site_is_reported()
    {
        var hop = Hop();
        // Some V moves into a vacant cation site (not F) in frac_final as well.
        var mapped = StructureMapper.Map(hop.Lattice, hop.Species, hop.FracInitial, "test");
        int f = mapped.Cell.CationNeighbor(mapped.AtomSite[hop.MovingIndex], HopGeometry.NeighborDirection(HopEnvironment.F));
        int vacant = Enumerable.Range(0, mapped.Cations.Length).First(k => k != f && mapped.Cations[k] == (byte)Species.Vac);
        int v = Array.FindIndex(hop.Species, s => s == "V");
        var target = mapped.Cell.CationPosition(vacant);
        var final = (double[])hop.FracFinal.Clone();
        // Ideal, unshifted 2x2x2 cell: fractional = lattice coordinates / 4.
        final[3 * v] = target.X / 4.0; final[3 * v + 1] = target.Y / 4.0; final[3 * v + 2] = target.Z / 4.0;

        var e = Assert.Throws<InvalidDataException>(() => HopFeaturizer.Compute(hop with { FracFinal = final }, 0.4));

        Assert.Contains(CalcId, e.Message);
        Assert.Contains($"atom {v} (V) sits on different sites", e.Message);
    }

    [Fact]
    public void A_hop_longer_than_a_nearest_neighbour_step_is_reported()
    {
        var hop = Hop();
        // Move the Li a further (1,-1,0) a/2 = total (2,0,0): a cation site but not a NN hop. 2x2x2 cell: 4 units per edge.
        var final = MoveAtom(hop.FracFinal, hop.MovingIndex, new Vec3(0.25, -0.25, 0));
        var e = Assert.Throws<InvalidDataException>(() => HopFeaturizer.Compute(hop with { FracFinal = final }, 0.4));
        Assert.Contains(CalcId, e.Message);
        Assert.Contains("not a nearest-neighbour", e.Message);
    }

    [Fact]
    public void A_non_li_moving_atom_is_reported()
    {
        var hop = Hop();
        int other = Array.FindIndex(hop.Species, s => s == "V");
        var e = Assert.Throws<InvalidDataException>(() => HopFeaturizer.Compute(hop with { MovingIndex = other }, 0.4));
        Assert.Contains(CalcId, e.Message);
        Assert.Contains("is V, not the mobile ion Li", e.Message);
    }

    [Fact]
    public void A_mapping_failure_names_the_calculation_and_the_endpoint()
    {
        var hop = Hop();
        int anion = hop.Species.Length - 1;
        var final = MoveAtom(hop.FracFinal, anion, new Vec3(0.07, 0.07, 0)); // ~0.8 A in the 8.2 A cell
        var e = Assert.Throws<StructureMappingException>(() => HopFeaturizer.Compute(hop with { FracFinal = final }, 0.4));
        Assert.Contains($"{CalcId} (frac_final)", e.Message);
        Assert.Equal(anion, e.AtomIndex);
    }

    private static int AtomOnSite(HopRecord hop, Int3 relative)
    {
        var mapped = StructureMapper.Map(hop.Lattice, hop.Species, hop.FracInitial, "test");
        var site = mapped.Cell.CationPosition(mapped.AtomSite[hop.MovingIndex]) + relative;
        return Array.IndexOf(mapped.AtomSite, mapped.Cell.CationIndex(site));
    }
}
