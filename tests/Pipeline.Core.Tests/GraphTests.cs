using Pipeline.Core.Graph;

namespace Pipeline.Core.Tests;

public class GraphTests
{
    private static PipelineGraph Graph(params (string, string[])[] nodes)
        => new(nodes.Select(n => (n.Item1, (IEnumerable<string>)n.Item2)));

    [Fact]
    public void Topological_order_puts_dependencies_first_and_keeps_file_order_among_ready_nodes()
    {
        var g = Graph(("report", ["fit", "kmc"]), ("kmc", ["fit"]), ("ingest", []), ("fit", ["ingest"]), ("other", []));
        Assert.Equal(["ingest", "fit", "kmc", "report", "other"], g.TopologicalOrder());
    }

    [Fact]
    public void Upstream_and_downstream_closures()
    {
        var g = Graph(("a", []), ("b", ["a"]), ("c", ["a"]), ("d", ["b"]), ("e", []));
        Assert.Equal(["a", "b", "d"], g.WithUpstream(["d"]));
        Assert.Equal(["b", "d"], g.WithDownstream(["b"]));
        Assert.Equal(["a", "b", "c", "d"], g.WithDownstream(["a"]));
    }

    [Fact]
    public void Cycles_are_found_with_their_path()
    {
        var g = Graph(("a", ["c"]), ("b", ["a"]), ("c", ["b"]), ("d", []));
        var cycle = g.FindCycle()!;
        Assert.Equal(cycle[0], cycle[^1]);
        Assert.Equal(4, cycle.Count);
        Assert.Equal(["a", "b", "c"], cycle.Take(3).Order());
        Assert.Throws<InvalidOperationException>(() => g.TopologicalOrder());
        Assert.Null(Graph(("a", []), ("b", ["a"])).FindCycle());
        Assert.NotNull(Graph(("a", ["a"])).FindCycle());
    }
}
