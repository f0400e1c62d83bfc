using System.Text;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Tests;

/// <summary>Numeric fields against lines of real VASP 5.4.4 OUTCARs (the copies in tests/Pipeline.Vasp.Tests/TestData).</summary>
public class FortranFormatTests
{
    private static string Render(Action<FortranWriter> write)
    {
        var buffer = new MemoryStream();
        using (var w = FortranWriter.ToStream(buffer)) write(w);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    [Fact]
    public void Free_energy_lines_match_the_fixture()
    {
        Assert.Equal("  free  energy   TOTEN  =      -336.42196436 eV",
            Render(w => w.Text("  free  energy   TOTEN  =").F(-336.42196436, 19, 8).Text(" eV")));
        Assert.Equal("  energy  without entropy=     -336.41026751  energy(sigma->0) =     -336.41611593",
            Render(w => w.Text("  energy  without entropy=").F(-336.41026751, 18, 8).Text("  energy(sigma->0) =").F(-336.41611593, 18, 8)));
    }

    [Fact]
    public void Position_force_line_matches_the_fixture()
    {
        Assert.Equal("     -3.70053      6.40998     11.95924         0.002745     -0.001577     -0.000554",
            Render(w => w.F(-3.70053, 13, 5).F(6.40998, 13, 5).F(11.95924, 13, 5).Spaces(3)
                .F(0.002745, 14, 6).F(-0.001577, 14, 6).F(-0.000554, 14, 6)));
    }

    [Fact]
    public void Neb_projection_line_matches_the_fixture()
    {
        Assert.Equal(" NEB: projections on to tangent (spring, REAL)    -0.000000    0.168481",
            Render(w => w.Text(" NEB: projections on to tangent (spring, REAL) ").F(-1e-9, 12, 6).F(0.168481, 12, 6)));
        Assert.Equal(" NEB: distance to prev, next image, angle between     0.363953    0.363953  179.999999",
            Render(w => w.Text(" NEB: distance to prev, next image, angle between ").F(0.363953, 12, 6).F(0.363953, 12, 6).F(179.999999, 12, 6)));
    }

    [Fact]
    public void Exponent_fields_match_the_fixture()
    {
        Assert.Equal(" total energy-change (2. order) : 0.1125049E+04  (-0.5039854E+04)",
            Render(w => w.Text(" total energy-change (2. order) :").E(1125.049, 14, 7).Text("  (").E(-5039.854, 14, 7).Text(")")));
        Assert.Equal(" total energy-change (2. order) : 0.2773031E-06  (-0.2923186E-07)",
            Render(w => w.Text(" total energy-change (2. order) :").E(0.2773031e-6, 14, 7).Text("  (").E(-0.2923186e-7, 14, 7).Text(")")));
    }

    [Fact]
    public void Lattice_line_of_contcar_matches_the_fixture()
    {
        Assert.Equal("     7.4018740654000004    0.0000000000000000    0.0000000000000000",
            Render(w => w.Text(" ").F(7.4018740654000004, 22, 16).F(0, 22, 16).F(0, 22, 16)));
        Assert.Equal(" -0.0000962492212951  1.0000963012827766  0.4301836183512007",
            Render(w => w.F(-0.0000962492212951, 20, 16).F(1.0000963012827766, 20, 16).F(0.4301836183512007, 20, 16)));
    }

    [Fact]
    public void Integers_and_overflow()
    {
        Assert.Equal("   ions per type =              36   1",
            Render(w => w.Text("   ions per type =            ").I(36, 4).I(1, 4)));
        Assert.Equal("*****", Render(w => w.F(-1956.747, 5, 1)));
        Assert.Equal("  -12", Render(w => w.I(-12, 5)));
    }
}
