using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Structure;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

public class PoscarParserTests
{
    private const string Fcc = """
        Cu fcc primitive, Cartesian
           2.0
             0.0  0.9  0.9
             0.9  0.0  0.9
             0.9  0.9  0.0
           Cu O
           1 1
        Cartesian
             0.0  0.0  0.0
             0.45 0.45 0.9
        """;

    [Fact]
    public void Fixture_poscar_reads_vasp5_species_counts_lattice_and_direct_coordinates()
    {
        var p = PoscarParser.Parse(Path.Combine(Fixtures.Neb, "00", "POSCAR"));
        Assert.Equal(["C", "Li"], p.TypeSymbols!);
        Assert.Equal([36, 1], p.Counts);
        Assert.Equal(7.4018740654000004, p.Lattice[0], 12);
        Assert.Equal(6.4102104834000002, p.Lattice[4], 12);
        Assert.Equal(0.9999699331671340, p.Frac[0], 14);
        Assert.False(p.WasCartesian);
        Assert.Null(p.Movable);
        var c = p.ToCrystal();
        Assert.Equal("Li", c.Species[36]);
        Assert.Equal(36, c.Species.Count(s => s == "C"));
    }

    [Fact]
    public void Cartesian_coordinates_are_scaled_and_converted_to_fractional()
    {
        var p = PoscarParser.ParseText(Fcc, "POSCAR");
        Assert.True(p.WasCartesian);
        Assert.Equal(1.8, p.Lattice[1], 12);
        // (0.45, 0.45, 0.9) * 2 = (0.9, 0.9, 1.8) Angstrom must come back as f1 a1 + f2 a2 + f3 a3.
        double[] x = [0.9, 0.9, 1.8];
        for (int k = 0; k < 3; k++)
        {
            double back = p.Frac[3] * p.Lattice[k] + p.Frac[4] * p.Lattice[3 + k] + p.Frac[5] * p.Lattice[6 + k];
            Assert.Equal(x[k], back, 12);
        }
        Assert.Equal(0.5, p.Frac[3], 12);
        Assert.Equal(0.5, p.Frac[4], 12);
        Assert.Equal(0.0, p.Frac[5], 12);
    }

    [Fact]
    public void Negative_scale_factor_sets_the_cell_volume()
    {
        var p = PoscarParser.ParseText(Fcc.Replace("   2.0\n", "   -11.664\n"), "POSCAR");
        Assert.Equal(11.664, LatticeMath.Volume(p.Lattice), 9);
        // The unscaled volume is 2 * 0.9^3 = 1.458, so the factor is cbrt(8) = 2: same cell as scale 2.0.
        Assert.Equal(1.8, p.Lattice[1], 9);
        Assert.Equal(0.5, p.Frac[3], 9);
    }

    [Fact]
    public void Three_scale_factors_scale_the_cartesian_axes()
    {
        var p = PoscarParser.ParseText(Fcc.Replace("   2.0\n", "   1.0 2.0 3.0\n"), "POSCAR");
        Assert.Equal([0.0, 1.8, 2.7, 0.9, 0.0, 2.7, 0.9, 1.8, 0.0], p.Lattice);
    }

    [Fact]
    public void Selective_dynamics_flags_are_read_per_coordinate()
    {
        const string text = """
            slab
            1.0
              4.0 0.0 0.0
              0.0 4.0 0.0
              0.0 0.0 20.0
            Li O
            1 2
            Selective dynamics
            Direct
              0.0 0.0 0.5 T T T
              0.5 0.5 0.4 F F T
              0.5 0.0 0.4 F F F
            """;
        var p = PoscarParser.ParseText(text, "POSCAR");
        Assert.Equal([true, true, true, false, false, true, false, false, false], p.Movable!);
        Assert.Equal(0.4, p.Frac[5], 12);
    }

    [Fact]
    public void Vasp4_file_without_species_line_takes_species_from_the_outcar()
    {
        var text = new SyntheticNeb().PoscarText(0, speciesLine: false);
        var p = PoscarParser.ParseText(text, "00/POSCAR");
        Assert.Null(p.TypeSymbols);
        Assert.Equal(["Li", "O", "V"], p.ToCrystal(["Li", "O", "V"]).Species);
        var e = Assert.Throws<VaspFormatException>(() => p.ToCrystal());
        Assert.Equal("00/POSCAR", e.File);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void Contcar_velocity_block_after_the_coordinates_is_ignored()
    {
        var contcar = File.ReadAllText(Path.Combine(Fixtures.Neb, "04", "CONTCAR"));
        var p = PoscarParser.ParseText(contcar, "CONTCAR");
        Assert.Equal(37, p.AtomCount);
        Assert.Contains("NaN", contcar);
        // The last atom line (line 45) is read, the NaN velocity block after the blank line is not.
        Assert.Equal([0.4444447130736693, 0.5555570798685885, 0.5052948942195729], p.Frac[^3..]);
    }

    [Fact]
    public void Species_labels_with_potcar_suffixes_reduce_to_elements()
    {
        var p = PoscarParser.ParseText(new SyntheticNeb().PoscarText(0).Replace("Li   O   V", "Li_sv   O_s   V_pv"), "POSCAR");
        Assert.Equal(["Li", "O", "V"], p.TypeSymbols!);
    }

    [Theory]
    [InlineData("   1   x   1", 7, "atom counts")]
    [InlineData("   1   1", 7, "species but")]
    public void Bad_counts_line_names_line(string counts, int line, string fragment)
    {
        var text = new SyntheticNeb().PoscarText(0).Replace("   1   1   1", counts);
        var e = Assert.Throws<VaspFormatException>(() => PoscarParser.ParseText(text, "POSCAR"));
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Problem);
    }

    [Fact]
    public void Bad_coordinate_and_missing_atoms_name_the_line()
    {
        var lines = new SyntheticNeb().PoscarText(0).Split('\n');
        lines[9] = "  0.1 zero 0.2";
        var e = Assert.Throws<VaspFormatException>(() => PoscarParser.ParseText(string.Join('\n', lines), "POSCAR"));
        Assert.Equal(10, e.Line);

        var shortFile = string.Join('\n', new SyntheticNeb().PoscarText(0).Split('\n').Take(10));
        var e2 = Assert.Throws<VaspFormatException>(() => PoscarParser.ParseText(shortFile, "POSCAR"));
        Assert.Equal(11, e2.Line);
        Assert.Contains("atom 3", e2.Problem);
    }
}
