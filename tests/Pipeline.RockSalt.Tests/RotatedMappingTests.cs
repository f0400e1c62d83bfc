using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.RockSalt.Tests;

/// <summary>Cells in any orientation (as pymatgen, ASE or icet write them), relaxed a few per cent, map onto the same
/// ideal sites as the aligned cell, up to the cube symmetry that relabels the axes; what is not a rock salt is refused.</summary>
public class RotatedMappingTests
{
    private const string Source = "user/run_12/CONTCAR";

    public static TheoryData<string> StrainCells => new() { "prim344", "conv333", "skew", "conv444" };

    private static RockSaltSupercell Make(string name) => name == "conv444" ? RockSaltSupercell.Cubic(4, Cells.A) : Cells.Make(name);

    [Theory]
    [MemberData(nameof(Cells.Names), MemberType = typeof(Cells))]
    public void Randomly_rotated_cells_map_onto_the_aligned_sites(string name)
    {
        var cell = Cells.Make(name);
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(21));
        var atoms = AtomList.Of(cell, cations, anions);
        var aligned = new StructureFactory(cell);
        var reference = StructureMapper.Map(aligned.Lattice, atoms.Species, aligned.Frac(atoms.Positions), Source);
        var rng = new Random(2026);
        for (int k = 0; k < 5; k++)
        {
            var rotation = Deformations.RandomRotation(rng);
            var factory = new StructureFactory(cell, rotation);

            var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions), Source);

            Assert.True(mapped.MaxDeviation < 1e-9, $"rotation {Deformations.Angle(rotation):F1} deg: deviation {mapped.MaxDeviation}");
            Assert.Equal(Cells.A, mapped.Cell.A, 1e-10);
            AssertSameSitesUpToSymmetry(reference, mapped);
        }
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(10.0)]
    [InlineData(30.0)]
    [InlineData(45.0)]
    public void Rotations_about_a_cube_axis_map_onto_the_aligned_sites(double degrees)
    {
        var cell = Cells.Make("conv333");
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(2));
        var atoms = AtomList.Of(cell, cations, anions);
        var reference = StructureMapper.Map(new StructureFactory(cell).Lattice, atoms.Species, new StructureFactory(cell).Frac(atoms.Positions), Source);
        var factory = new StructureFactory(cell, StructureFactory.RotationZ(degrees));

        var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions), Source);

        Assert.True(mapped.MaxDeviation < 1e-9);
        AssertSameSitesUpToSymmetry(reference, mapped);
    }

    [Theory]
    [MemberData(nameof(StrainCells))]
    public void Rotated_cells_strained_3_percent_with_noise_map_onto_the_aligned_sites(string name)
    {
        var cell = Make(name);
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(8));
        var atoms = AtomList.Of(cell, cations, anions);
        var aligned = new StructureFactory(cell);
        var reference = StructureMapper.Map(aligned.Lattice, atoms.Species, aligned.Frac(atoms.Positions), Source);
        var rng = new Random(77);
        for (int k = 0; k < 4; k++)
        {
            var deformation = Deformations.Then(Deformations.RandomStrain(rng, 0.03), Deformations.RandomRotation(rng));
            var factory = new StructureFactory(cell, deformation, shift: new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()));
            var noise = Enumerable.Range(0, atoms.Count).Select(_ => StructureFactory.RandomDisplacement(rng, 0.05)).ToArray();

            var mapped = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions, i => noise[i]), Source);

            // Ideal sites follow the actual (strained) cell, so each atom deviates by its own noise (less the mean).
            double largest = noise.Max(n => n.Length);
            Assert.InRange(mapped.MaxDeviation, largest - 0.02, largest + 0.02);
            AssertSameSitesUpToSymmetry(reference, mapped);
        }
    }

    [Theory]
    [MemberData(nameof(Cells.Names), MemberType = typeof(Cells))]
    public void Atom_order_does_not_change_the_frame_of_a_rotated_cell(string name)
    {
        var cell = Cells.Make(name);
        var rng = new Random(31);
        var (cations, anions) = Cells.RandomConfiguration(cell, rng);
        var atoms = AtomList.Of(cell, cations, anions);
        var shuffled = atoms.Shuffled(rng, out int[] order);
        var factory = new StructureFactory(cell, Deformations.Then(Deformations.RandomStrain(rng, 0.02), Deformations.RandomRotation(rng)));
        var noise = Enumerable.Range(0, atoms.Count).Select(_ => StructureFactory.RandomDisplacement(rng, 0.05)).ToArray();

        var first = StructureMapper.Map(factory.Lattice, atoms.Species, factory.Frac(atoms.Positions, i => noise[i]), Source);
        var second = StructureMapper.Map(factory.Lattice, shuffled.Species, factory.Frac(shuffled.Positions, i => noise[order[i]]), Source);

        Assert.Equal((first.Cell.T1, first.Cell.T2, first.Cell.T3), (second.Cell.T1, second.Cell.T2, second.Cell.T3));
        Assert.Equal(first.MaxDeviation, second.MaxDeviation, 1e-12);
        // Same frame, so at most the origin moves by a lattice translation (which atom came first).
        var t = Position(second, 0) - Position(first, order[0]);
        for (int k = 0; k < atoms.Count; k++)
            Assert.Equal(Index(second.Cell, Position(first, order[k]) + t), second.AtomSite[k]);
    }

    [Fact]
    public void A_missing_anion_in_a_rotated_cell_is_a_cell_error()
    {
        var cell = Cells.Make("conv333");
        var (cations, anions) = Cells.RandomConfiguration(cell, new Random(4));
        var atoms = AtomList.Of(cell, cations, anions);
        var fewer = new AtomList(atoms.Species[..^1], atoms.Positions[..^1], atoms.Sites[..^1]);
        var factory = new StructureFactory(cell, Deformations.RandomRotation(new Random(5)));

        var e = Assert.Throws<StructureMappingException>(() =>
            StructureMapper.Map(factory.Lattice, fewer.Species, factory.Frac(fewer.Positions), Source));

        Assert.Equal(-1, e.AtomIndex);
        Assert.StartsWith(Source, e.Message);
        Assert.Contains("anions are missing", e.Message);
        Assert.Contains("cubic frame", e.Message);
    }

    [Fact]
    public void A_bcc_anion_sublattice_is_refused_as_not_fcc()
    {
        // CsCl-like: anions on a bcc lattice (3x3x3 cubes, same anion density as the rock salt), Li on cube edges.
        double edge = Cells.A / Math.Cbrt(2);
        var species = new List<string>();
        var frac = new List<double>();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++)
                {
                    Add(species, frac, "O", i, j, k);
                    Add(species, frac, "F", i + 0.5, j + 0.5, k + 0.5);
                    Add(species, frac, "Li", i + 0.5, j, k);
                }
        var lattice = new StructureFactory(RockSaltSupercell.Cubic(3, edge), Deformations.RandomRotation(new Random(9))).Lattice;

        var e = Assert.Throws<StructureMappingException>(() => StructureMapper.Map(lattice, species, frac.ToArray(), Source));

        Assert.StartsWith(Source, e.Message);
        Assert.Contains("not fcc", e.Message);
        Assert.Contains("<110>", e.Message);
    }

    [Fact]
    public void A_nickel_arsenide_cell_with_hcp_anions_is_refused_as_not_fcc()
    {
        // NiAs type: anions hcp (close packed like fcc, same nearest-neighbour distance and density, but ABAB
        // stacking), cations in the octahedral holes; a 3x3x2 hexagonal supercell as a user's tool writes it.
        double ah = Cells.A / Math.Sqrt(2), c = ah * Math.Sqrt(8.0 / 3);
        double[] lattice = [3 * ah, 0, 0, -1.5 * ah, 1.5 * Math.Sqrt(3) * ah, 0, 0, 0, 2 * c];
        var species = new List<string>();
        var frac = new List<double>();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 2; k++)
                {
                    foreach (var (x, y, z, s) in new[] { (1 / 3.0, 2 / 3.0, 0.25, "O"), (2 / 3.0, 1 / 3.0, 0.75, "F"), (0.0, 0.0, 0.0, "Li"), (0.0, 0.0, 0.5, "V") })
                    {
                        species.Add(s);
                        frac.AddRange([(i + x) / 3, (j + y) / 3, (k + z) / 2]);
                    }
                }

        var e = Assert.Throws<StructureMappingException>(() => StructureMapper.Map(lattice, species, frac.ToArray(), Source));

        Assert.StartsWith(Source, e.Message);
        Assert.Contains("not fcc", e.Message);
    }

    [Fact]
    public void Random_positions_are_refused_as_not_fcc()
    {
        var rng = new Random(12);
        var species = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? "Li" : "O").ToArray();
        var frac = Enumerable.Range(0, 3 * 64).Select(_ => rng.NextDouble()).ToArray();
        var lattice = new StructureFactory(RockSaltSupercell.Cubic(2, Cells.A), Deformations.RandomRotation(rng)).Lattice;

        var e = Assert.Throws<StructureMappingException>(() => StructureMapper.Map(lattice, species, frac, Source));

        Assert.StartsWith(Source, e.Message);
        Assert.Contains("not fcc", e.Message);
    }

    /// <summary>Fractional coordinates in a 3x3x3 cube of cubes for the bcc test.</summary>
    private static void Add(List<string> species, List<double> frac, string s, double x, double y, double z)
    {
        species.Add(s);
        frac.AddRange([x / 3, y / 3, z / 3]);
    }

    /// <summary>Both mappings put the atoms on the same lattice, up to one point operation G of the cube (relabelled
    /// axes) and a translation: site(k) = G (p_ref(k) - p_ref(0)) + p(0) for every atom k.</summary>
    private static void AssertSameSitesUpToSymmetry(MappedStructure reference, MappedStructure mapped)
    {
        Assert.Equal(reference.Cell.CationCount, mapped.Cell.CationCount);
        foreach (var g in PointGroup.All())
        {
            bool all = true;
            for (int k = 0; k < reference.AtomSite.Length && all; k++)
            {
                var expected = g(Position(reference, k) - Position(reference, 0)) + Position(mapped, 0);
                all = Index(mapped.Cell, expected) == mapped.AtomSite[k];
            }
            if (all)
            {
                Assert.Equal(reference.Cations.Order(), mapped.Cations.Order());
                return;
            }
        }
        Assert.Fail("no cube symmetry relates the rotated mapping to the aligned one");
    }

    private static Int3 Position(MappedStructure mapped, int atom)
        => mapped.AtomSite[atom] >= 0 ? mapped.Cell.CationPosition(mapped.AtomSite[atom]) : mapped.Cell.AnionPosition(~mapped.AtomSite[atom]);

    private static int Index(RockSaltSupercell cell, Int3 p) => p.IsCationSite ? cell.CationIndex(p) : ~cell.AnionIndex(p);
}
