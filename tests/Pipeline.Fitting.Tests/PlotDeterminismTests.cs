using Pipeline.Plotting;

namespace Pipeline.Fitting.Tests;

/// <summary>Plot folders are content-hashed artifacts: the same plot must give the same bytes even when other plots
/// were rendered before it in the same process (ScottPlot numbers SVG clip ids from a process-wide counter).</summary>
public class PlotDeterminismTests
{
    private static ScottPlot.Plot Sample()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 2, 1, 3 });
        plot.Title("sample");
        return plot;
    }

    [Fact]
    public void Same_plot_rendered_twice_in_one_process_gives_identical_svg_and_png()
    {
        var dir1 = Directory.CreateTempSubdirectory("plots1").FullName;
        var dir2 = Directory.CreateTempSubdirectory("plots2").FullName;
        try
        {
            PlotFiles.Save(Sample(), dir1, "p");
            Sample().GetSvgXml(400, 300); // advances ScottPlot's id counter between the two saves
            PlotFiles.Save(Sample(), dir2, "p");
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir1, "p.svg")), File.ReadAllBytes(Path.Combine(dir2, "p.svg")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir1, "p.png")), File.ReadAllBytes(Path.Combine(dir2, "p.png")));
        }
        finally
        {
            Directory.Delete(dir1, true);
            Directory.Delete(dir2, true);
        }
    }

    [Fact]
    public void Clip_ids_are_renumbered_by_first_appearance()
        => Assert.Equal("<clipPath id=\"cl_0\"/><g clip-path=\"url(#cl_0)\"/><clipPath id=\"cl_1\"/>",
            PlotFiles.NormalizeSvgIds("<clipPath id=\"cl_3f\"/><g clip-path=\"url(#cl_3f)\"/><clipPath id=\"cl_40\"/>"));
}
