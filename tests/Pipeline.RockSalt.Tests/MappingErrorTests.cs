using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.RockSalt.Tests;

public class MappingErrorTests
{
    private const string Source = "neb/hop_0007/00/POSCAR";

    private static (StructureFactory Factory, AtomList Atoms) Structure(string cellName = "conv222", int seed = 11)
    {
        var cell = Cells.Make(cellName);
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(seed));
        return (new StructureFactory(cell), AtomList.Of(cell, cations, anions));
    }

    private static StructureMappingException MapFails(double[] lattice, AtomList atoms, double[] frac)
        => Assert.Throws<StructureMappingException>(() => StructureMapper.Map(lattice, atoms.Species, frac, Source));

    [Fact]
    public void An_atom_beyond_the_tolerance_is_named()
    {
        var (factory, atoms) = Structure();
        int k = atoms.Count - 3; // an anion
        var push = (0.5 / Math.Sqrt(3)) * new Vec3(1, 1, 1);

        var e = MapFails(factory.Lattice, atoms, factory.Frac(atoms.Positions, i => i == k ? push : default));

        Assert.Equal(k, e.AtomIndex);
        Assert.Equal(atoms.Species[k], e.Species);
        Assert.Contains(Source, e.Message);
        Assert.Contains($"atom {k} ({atoms.Species[k]})", e.Message);
        Assert.Contains("tolerance", e.Message);
    }

    [Fact]
    public void Noise_beyond_the_tolerance_fails_while_a_looser_tolerance_accepts_it()
    {
        var (factory, atoms) = Structure("prim344");
        var rng = new Random(5);
        // Every atom 0.45-0.6 A off its site in a random direction.
        var noise = Enumerable.Range(0, atoms.Count).Select(_ =>
        {
            var d = StructureFactory.RandomDisplacement(rng, 1.0);
            return ((0.45 + 0.15 * rng.NextDouble()) / d.Length) * d;
        }).ToArray();
        var frac = factory.Frac(atoms.Positions, i => noise[i]);

        var e = MapFails(factory.Lattice, atoms, frac);
        Assert.InRange(e.AtomIndex, 0, atoms.Count - 1);
        Assert.Contains($"atom {e.AtomIndex} ({atoms.Species[e.AtomIndex]})", e.Message);

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, frac, Source, tolerance: 0.8);
        Assert.Equal(atoms.Sites, mapped.AtomSite);
    }

    [Fact]
    public void Two_atoms_on_one_site_are_both_named()
    {
        var (factory, atoms) = Structure();
        int first = atoms.Count - 10, second = atoms.Count - 4; // two anions
        var moved = atoms.WithPosition(second, atoms.Positions[first]);

        var e = MapFails(factory.Lattice, moved, factory.Frac(moved.Positions, i => i == second ? new Vec3(0.05, 0, 0) : default));

        Assert.Equal(second, e.AtomIndex);
        Assert.Contains($"atom {second} ({atoms.Species[second]})", e.Message);
        Assert.Contains($"atom {first} ({atoms.Species[first]})", e.Message);
    }

    [Fact]
    public void A_species_on_the_wrong_sublattice_is_named()
    {
        var (factory, atoms) = Structure();
        int cation = Array.FindIndex(atoms.Species, s => s == "Li");
        int anion = atoms.Count - 1;
        // Swap the two labels so the anion count (and thus the cell) stays right.
        var species = (string[])atoms.Species.Clone();
        (species[cation], species[anion]) = (species[anion], species[cation]);
        var swapped = atoms with { Species = species };

        var e = MapFails(factory.Lattice, swapped, factory.Frac(atoms.Positions));

        Assert.Equal(cation, e.AtomIndex);
        Assert.Equal(species[cation], e.Species);
        Assert.Contains("cation site", e.Message);
        Assert.Contains("anion sublattice", e.Message);
    }

    [Fact]
    public void An_unknown_species_is_named()
    {
        var (factory, atoms) = Structure();
        atoms.Species[4] = "Zr";

        var e = MapFails(factory.Lattice, atoms, factory.Frac(atoms.Positions));

        Assert.Equal(4, e.AtomIndex);
        Assert.Contains("atom 4 (Zr)", e.Message);
    }

    [Fact]
    public void A_missing_anion_is_a_cell_error()
    {
        var (factory, atoms) = Structure();
        var fewer = new AtomList(atoms.Species[..^1], atoms.Positions[..^1], atoms.Sites[..^1]);

        var e = MapFails(factory.Lattice, fewer, factory.Frac(fewer.Positions));

        Assert.Equal(-1, e.AtomIndex);
        Assert.Contains(Source, e.Message);
        Assert.Contains("anion", e.Message);
    }

    [Fact]
    public void A_rotation_by_a_cube_symmetry_is_just_another_labelling()
    {
        var cell = Cells.Make("conv222");
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(2));
        var atoms = AtomList.Of(cell, cations, anions);
        var factory = new StructureFactory(cell, StructureFactory.RotationZ(90));

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions), Source);

        Assert.Equal(atoms.Count, mapped.AtomSite.Distinct().Count());
        Assert.True(mapped.MaxDeviation < 1e-9);
    }

    [Fact]
    public void Coordinate_count_must_match_the_species_list()
    {
        var (factory, atoms) = Structure();
        var frac = factory.Frac(atoms.Positions)[..^3];

        var e = MapFails(factory.Lattice, atoms, frac);

        Assert.Contains($"{atoms.Count} atoms", e.Message);
    }
}
