using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

public class IncarTests
{
    [Fact]
    public void Fixture_incar_exposes_typed_neb_settings()
    {
        var incar = Incar.Parse(Path.Combine(Fixtures.Neb, "INCAR"));
        Assert.Equal(7, incar.Images);
        Assert.False(incar.LClimb);
        Assert.Equal(-0.02, incar.Ediffg);
        Assert.Equal(1e-6, incar.Ediff);
        Assert.Equal(100, incar.Nelm);
        Assert.Equal(200, incar.Nsw);
        Assert.Equal(3, incar.Ibrion);
        Assert.Equal(-5.0, incar.Spring);
        Assert.Equal("Auto", incar.Raw("lreal"));
    }

    [Fact]
    public void Statements_split_on_semicolons_comments_are_dropped_and_keys_ignore_case()
    {
        var incar = Incar.ParseText("images = 3 ; lclimb = .TRUE. # climbing\nEDIFFG=-0.05 ! forces\n\n  Nelm = 60; ISIF = 2;\n", "INCAR");
        Assert.Equal(3, incar.Images);
        Assert.True(incar.LClimb);
        Assert.Equal(-0.05, incar.Ediffg);
        Assert.Equal(60, incar.Nelm);
        Assert.Equal(2, incar.Isif);
        Assert.Equal(4, incar.LineOf("isif"));
        Assert.Null(incar.Encut);
        Assert.Equal(["EDIFFG", "IMAGES", "ISIF", "LCLIMB", "NELM"], incar.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("LCLIMB = T", true)]
    [InlineData("LCLIMB = .false.", false)]
    [InlineData("LCLIMB = F", false)]
    [InlineData("LCLIMB = TRUE", true)]
    public void Logicals_accept_fortran_spellings(string line, bool expected)
        => Assert.Equal(expected, Incar.ParseText(line, "INCAR").LClimb);

    [Fact]
    public void Fortran_double_exponent_is_accepted()
        => Assert.Equal(1e-5, Incar.ParseText("EDIFF = 1.0D-05", "INCAR").Ediff);

    [Fact]
    public void Errors_name_file_and_line()
    {
        var noEquals = Assert.Throws<VaspFormatException>(() => Incar.ParseText("ENCUT = 400\nIMAGES 3\n", "neb/INCAR"));
        Assert.Equal("neb/INCAR", noEquals.File);
        Assert.Equal(2, noEquals.Line);

        var twice = Assert.Throws<VaspFormatException>(() => Incar.ParseText("IMAGES = 3\n# x\nimages = 4\n", "INCAR"));
        Assert.Equal(3, twice.Line);
        Assert.Contains("line 1", twice.Problem);

        var incar = Incar.ParseText("NSW = 10\nIMAGES = three\n", "INCAR");
        var notInt = Assert.Throws<VaspFormatException>(() => incar.Images);
        Assert.Equal(2, notInt.Line);
        Assert.Contains("IMAGES", notInt.Problem);
    }
}
