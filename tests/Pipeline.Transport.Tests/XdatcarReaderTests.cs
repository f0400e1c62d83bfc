using Pipeline.Trajectories.Readers;
using Pipeline.Transport.Tests.Support;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Transport.Tests;

/// <summary>The XDATCAR reader on real VASP files (TestData, from pymatgen's test files) and on broken ones.</summary>
public class XdatcarReaderTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static List<(double[] Cell, double[] Fractional)> ReadAll(string path)
    {
        using var reader = new XdatcarReader(path);
        var frames = new List<(double[], double[])>();
        var frame = new TrajectoryFrame(reader.Atoms);
        while (reader.TryRead(frame)) frames.Add(((double[])frame.Cell.Clone(), (double[])frame.Fractional.Clone()));
        return frames;
    }

    [Fact]
    public void Fixed_cell_aimd_file_has_its_frames_species_and_coordinates()
    {
        using var reader = new XdatcarReader(Data("XDATCAR.MD"));
        Assert.Equal(80, reader.Atoms);
        Assert.Equal(48, reader.Species.Count(s => s == "O"));
        Assert.Equal("Fe", reader.Species[^1]);
        var frames = ReadAll(Data("XDATCAR.MD"));
        Assert.Equal(5, frames.Count);
        Assert.Equal(9.39, frames[4].Cell[0]);
        Assert.Equal([0.85729725, 0.44607741, 0.39190768], frames[0].Fractional[..3]);
        Assert.Equal(5, TrajectoryFiles.CountFrames(Data("XDATCAR.MD")));
    }

    [Fact]
    public void Blank_line_separated_frames_read_like_the_same_file_with_configuration_lines()
    {
        var blank = ReadAll(Data("XDATCAR_4"));
        var marked = ReadAll(Data("XDATCAR_5"));
        Assert.Equal(4, marked.Count);
        Assert.Equal(marked.Count, blank.Count);
        for (int i = 0; i < marked.Count; i++) Assert.Equal(marked[i].Fractional, blank[i].Fractional);
    }

    [Fact]
    public void Variable_cell_file_takes_each_frames_cell()
    {
        var frames = ReadAll(Data("XDATCAR_6"));
        Assert.Equal(4, frames.Count);
        Assert.Equal([0.0, 2.095, 2.095], frames[0].Cell[..3]);
        Assert.Equal([-0.0, 2.724582, 2.724582], frames[1].Cell[..3]);
        Assert.Equal([0.41830213, 0.83660427, 0.25719516], frames[1].Fractional[..3]);
    }

    [Fact]
    public void Concatenated_runs_continue_with_the_second_header()
    {
        using var dir = new TempDir();
        var path = dir.File("XDATCAR");
        File.WriteAllText(path, File.ReadAllText(Data("XDATCAR_5")) + File.ReadAllText(Data("XDATCAR_5")));
        var frames = ReadAll(path);
        Assert.Equal(8, frames.Count);
        Assert.Equal(frames[1].Fractional, frames[5].Fractional);
    }

    [Fact]
    public void Vasp6_potcar_labels_and_scale_factors_are_understood()
    {
        using var dir = new TempDir();
        var path = dir.File("XDATCAR");
        File.WriteAllText(path, """
            vasp6 run
               -27.0
                 2.000000    0.000000    0.000000
                 0.000000    1.000000    0.000000
                 0.000000    0.000000    1.000000
               Li_sv/7a3f9e   O_h
                 1     1
            Direct configuration=     1
               0.10000000  0.20000000  0.30000000
               0.50000000  0.50000000  0.50000000
            """);
        using var reader = new XdatcarReader(path);
        Assert.Equal(["Li", "O"], reader.Species);
        var frame = new TrajectoryFrame(2);
        Assert.True(reader.TryRead(frame));
        // Negative scale = volume: 27 A^3 from a 2 A^3 cell scales lengths by 13.5^(1/3).
        Assert.Equal(2 * Math.Cbrt(13.5), frame.Cell[0], 1e-12);
        Assert.False(reader.TryRead(frame));
    }

    [Fact]
    public void A_truncated_frame_is_an_error_naming_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.File("XDATCAR");
        var lines = File.ReadAllLines(Data("XDATCAR.MD"));
        File.WriteAllLines(path, lines[..(lines.Length - 3)]);
        var e = Assert.Throws<VaspFormatException>(() => ReadAll(path));
        Assert.Equal(path, e.File);
        Assert.Equal(lines.Length - 2, e.Line);
        Assert.Contains("file ends inside frame 5", e.Message);
    }

    [Fact]
    public void A_bad_number_and_a_changed_header_are_errors_naming_the_line()
    {
        using var dir = new TempDir();
        var path = dir.File("XDATCAR");
        var lines = File.ReadAllLines(Data("XDATCAR_5"));
        lines[9] = "   0.75000000  0.7500x000  0.75000000";
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<VaspFormatException>(() => ReadAll(path));
        Assert.Equal(10, e.Line);
        Assert.Contains("atom 2", e.Message);

        File.WriteAllText(path, File.ReadAllText(Data("XDATCAR_5")) + File.ReadAllText(Data("XDATCAR_6")));
        var changed = Assert.Throws<VaspFormatException>(() => ReadAll(path));
        Assert.Contains("a trajectory must keep its atoms", changed.Message);
        Assert.Equal(File.ReadAllLines(Data("XDATCAR_5")).Length + 7, changed.Line);
    }

    [Fact]
    public void Fast_decimal_parser_agrees_with_double_parse_bit_for_bit()
    {
        var random = new Random(4);
        for (int i = 0; i < 100_000; i++)
        {
            double v = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 6));
            foreach (var text in new[] { v.ToString("F8", System.Globalization.CultureInfo.InvariantCulture), v.ToString("E6", System.Globalization.CultureInfo.InvariantCulture), v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) })
            {
                var bytes = System.Text.Encoding.ASCII.GetBytes(text);
                Assert.True(FastDecimal.TryParse(bytes, out double fast), text);
                Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), fast);
            }
        }
        Assert.True(FastDecimal.TryParse("1.5D-03"u8, out double fortran));
        Assert.Equal(1.5e-3, fortran);
        Assert.False(FastDecimal.TryParse("0.7500x000"u8, out _));
    }
}
