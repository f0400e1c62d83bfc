using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.RockSalt.Tests;

public class MappingTests
{
    [Theory]
    [MemberData(nameof(Cells.Names), MemberType = typeof(Cells))]
    public void Ideal_structures_map_onto_their_own_sites(string name)
    {
        var cell = Cells.Make(name);
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(1));
        var atoms = AtomList.Of(cell, cations, anions);
        var factory = new StructureFactory(cell);

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions), "ideal");

        Assert.Equal(atoms.Sites, mapped.AtomSite);
        Assert.Equal(cations, mapped.Cations);
        Assert.Equal(anions, mapped.Anions);
        Assert.Equal(Cells.A, mapped.Cell.A, 1e-10);
        Assert.Equal(cell.CationCount, mapped.Cell.CationCount);
        Assert.True(mapped.MaxDeviation < 1e-9);
    }

    [Theory]
    [MemberData(nameof(Cells.Names), MemberType = typeof(Cells))]
    public void Relaxation_noise_up_to_0_3_A_maps_onto_the_right_sites(string name)
    {
        var cell = Cells.Make(name);
        for (int seed = 0; seed < 6; seed++)
        {
            var rng = new Random(100 + seed);
            var (cations, anions) = Cells.RandomConfiguration(cell, rng);
            var atoms = AtomList.Of(cell, cations, anions);
            // 1% homogeneous strain on odd seeds: the ideal sites follow the actual cell.
            double[]? strain = seed % 2 == 1 ? [1.01, 0.004, 0, 0.004, 0.995, 0, 0, 0, 1.0] : null;
            var factory = new StructureFactory(cell, strain);
            var noise = Enumerable.Range(0, atoms.Count).Select(_ => StructureFactory.RandomDisplacement(rng, 0.3)).ToArray();

            var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions, i => noise[i]), $"seed {seed}");

            Assert.Equal(atoms.Sites, mapped.AtomSite);
            double largest = noise.Max(n => n.Length);
            Assert.InRange(mapped.MaxDeviation, largest - 0.1, largest + 0.1);
        }
    }

    [Theory]
    [MemberData(nameof(Cells.Names), MemberType = typeof(Cells))]
    public void Rigid_shift_and_atom_order_only_relabel_sites_by_one_lattice_translation(string name)
    {
        var cell = Cells.Make(name);
        var rng = new Random(7);
        var (cations, anions) = Cells.RandomConfiguration(cell, rng);
        var atoms = AtomList.Of(cell, cations, anions).Shuffled(rng, out _);
        var shift = new Vec3(3.3, -1.7, 0.9);
        var factory = new StructureFactory(cell, shift: shift);
        var noise = Enumerable.Range(0, atoms.Count).Select(_ => StructureFactory.RandomDisplacement(rng, 0.2)).ToArray();

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions, i => noise[i]), "shifted");

        // Every atom maps to the site at its true position plus one common lattice translation t.
        var t = SitePosition(mapped, 0) - atoms.Positions[0].Round();
        Assert.True(t.IsCationSite);
        for (int k = 0; k < atoms.Count; k++)
        {
            var expected = atoms.Positions[k].Round() + t;
            int expectedSite = expected.IsCationSite ? mapped.Cell.CationIndex(expected) : ~mapped.Cell.AnionIndex(expected);
            Assert.Equal(expectedSite, mapped.AtomSite[k]);
        }
    }

    [Fact]
    public void Origin_is_the_least_squares_fit_so_one_displaced_atom_deviates_by_its_share()
    {
        var cell = Cells.Make("conv222");
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(3));
        var atoms = AtomList.Of(cell, cations, anions);
        var factory = new StructureFactory(cell);
        var push = new Vec3(0.25, 0, 0);

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions, i => i == 5 ? push : default), "one");

        // The mean residual shifts the origin by push/N, so the displaced atom sits 0.25 (1 - 1/N) from its site.
        Assert.Equal(0.25 * (1 - 1.0 / atoms.Count), mapped.MaxDeviation, 1e-9);
        Assert.Equal(atoms.Sites, mapped.AtomSite);
    }

    [Fact]
    public void Lattice_constant_comes_from_volume_and_anion_count()
    {
        var cell = RockSaltSupercell.Primitive(3, 4, 4, 4.17);
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(4));
        var atoms = AtomList.Of(cell, cations, anions);
        var factory = new StructureFactory(cell);

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions), "a");

        Assert.Equal(4.17, mapped.Cell.A, 1e-10);
        Assert.Equal(48, mapped.Cell.AnionCount);
    }

    [Fact]
    public void Explicit_vacancy_markers_on_cation_sites_are_vacancies()
    {
        var cell = Cells.Make("conv222");
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(5));
        cations[3] = (byte)Species.Li;
        var atoms = AtomList.Of(cell, cations, anions);
        int marker = atoms.AtomOnCation(3);
        atoms.Species[marker] = "X";
        var factory = new StructureFactory(cell);

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions), "x");

        Assert.Equal((byte)Species.Vac, mapped.Cations[3]);
        Assert.Equal(3, mapped.AtomSite[marker]);
    }

    private static Int3 SitePosition(MappedStructure mapped, int atom)
        => mapped.AtomSite[atom] >= 0 ? mapped.Cell.CationPosition(mapped.AtomSite[atom]) : mapped.Cell.AnionPosition(~mapped.AtomSite[atom]);
}
