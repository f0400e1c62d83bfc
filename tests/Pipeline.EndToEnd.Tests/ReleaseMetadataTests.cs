using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace Pipeline.EndToEnd.Tests;

/// <summary>LICENSE, CITATION.cff and the package metadata agree: the required CFF 1.2.0 keys, one licence, one version,
/// and every method reference complete with a well-formed DOI.</summary>
public class ReleaseMetadataTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Citation_file_is_complete_and_agrees_with_the_package()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "CITATION.cff"))));
        var cff = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("1.2.0", Scalar(cff, "cff-version"));
        foreach (var key in new[] { "message", "title", "version", "license" })
            Assert.False(string.IsNullOrWhiteSpace(Scalar(cff, key)), key);
        Assert.NotEmpty(((YamlSequenceNode)cff["authors"]).Children);

        var props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        var cli = XDocument.Load(Path.Combine(Root, "pipeline", "Pipeline.Cli", "Pipeline.Cli.csproj"));
        Assert.Equal(props.Descendants("Version").Single().Value, Scalar(cff, "version"));
        Assert.Equal(cli.Descendants("PackageLicenseExpression").Single().Value, Scalar(cff, "license"));
        Assert.StartsWith($"{Scalar(cff, "license")} License", File.ReadAllText(Path.Combine(Root, "LICENSE")));

        var references = ((YamlSequenceNode)cff["references"]).Children.Cast<YamlMappingNode>().ToList();
        var titles = references.Select(r => Scalar(r, "title")).ToList();
        foreach (var expected in new[] { "climbing image nudged elastic band", "lasso", "coordinate descent", "Scikit-learn",
                     "cluster description of multicomponent", "Monte Carlo simulation of Ising", "ionic diffusion with nondilute carriers",
                     "cation-disordered oxides" })
            Assert.Contains(titles, t => t.Contains(expected, StringComparison.OrdinalIgnoreCase));
        foreach (var r in references)
        {
            Assert.Equal("article", Scalar(r, "type"));
            Assert.NotEmpty(((YamlSequenceNode)r["authors"]).Children);
            Assert.Matches("^(19|20)[0-9]{2}$", Scalar(r, "year"));
            if (r.Children.ContainsKey("doi"))
                Assert.Matches(new Regex(@"^10\.\d{4,9}(\.\d+)?/[A-Za-z0-9:/_;\-\.\(\)\[\]\\]+$"), Scalar(r, "doi"));
        }
    }

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value ?? "";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
