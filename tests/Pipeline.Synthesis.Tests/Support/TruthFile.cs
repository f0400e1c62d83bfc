using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>truth.yaml read with a general YAML parser (so the test also checks the file is valid YAML).</summary>
public sealed class TruthFile
{
    public sealed record Hop(string CalcId, string Path, int Images, double EKra, double EForward, double EBackward,
        double DeltaE, double EInitial, double EFinal, double[] Descriptors, string Fault);

    public sealed record Fault(string CalcId, string Kind, string File);

    private TruthFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static TruthFile Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return new TruthFile((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlNode this[string key] => Root.Children[new YamlScalarNode(key)];

    public IReadOnlyList<Hop> Hops => ((YamlSequenceNode)this["hops"]).Children.Cast<YamlMappingNode>().Select(m => new Hop(
        S(m, "calc_id"), S(m, "path"), (int)D(m, "images"), D(m, "e_kra"), D(m, "e_forward"), D(m, "e_backward"),
        D(m, "delta_e"), D(m, "e_initial"), D(m, "e_final"),
        ((YamlSequenceNode)m.Children[new YamlScalarNode("descriptors")]).Children.Select(Number).ToArray(),
        S(m, "fault"))).ToList();

    public IReadOnlyList<Fault> Faults => this["faults"] is YamlSequenceNode seq
        ? seq.Children.Cast<YamlMappingNode>().Select(m => new Fault(S(m, "calc_id"), S(m, "kind"), S(m, "file"))).ToList()
        : [];

    public static double Number(YamlNode node) => double.Parse(((YamlScalarNode)node).Value!, CultureInfo.InvariantCulture);

    public static double D(YamlMappingNode m, string key) => Number(m.Children[new YamlScalarNode(key)]);

    public static string S(YamlMappingNode m, string key) => ((YamlScalarNode)m.Children[new YamlScalarNode(key)]).Value!;

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];
}
