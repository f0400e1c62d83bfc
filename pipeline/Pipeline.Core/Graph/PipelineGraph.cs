namespace Pipeline.Core.Graph;

/// <summary>The stage DAG: nodes in pipeline.yaml order, edges from each stage to the stages it reads from.
/// Orders are stable (ties keep the YAML order) so runs and printouts are reproducible.</summary>
public sealed class PipelineGraph
{
    private readonly List<string> _nodes;
    private readonly Dictionary<string, List<string>> _upstream;
    private readonly Dictionary<string, List<string>> _downstream;

    public PipelineGraph(IEnumerable<(string Name, IEnumerable<string> Upstream)> nodes)
    {
        _nodes = new List<string>();
        _upstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        _downstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, up) in nodes)
        {
            if (_upstream.ContainsKey(name))
                throw new ArgumentException($"duplicate node '{name}'");
            _nodes.Add(name);
            _upstream[name] = up.Distinct(StringComparer.Ordinal).ToList();
            _downstream[name] = new List<string>();
        }
        foreach (var name in _nodes)
        {
            foreach (var u in _upstream[name])
            {
                if (!_downstream.ContainsKey(u))
                    throw new ArgumentException($"'{name}' depends on unknown node '{u}'");
                _downstream[u].Add(name);
            }
        }
    }

    public IReadOnlyList<string> Nodes => _nodes;
    public IReadOnlyList<string> Upstream(string node) => _upstream[node];
    public IReadOnlyList<string> Downstream(string node) => _downstream[node];

    /// <summary>A cycle as a path that starts and ends at the same node (a -> b -> a), or null.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 on stack, 2 done
        var stack = new List<string>();
        foreach (var start in _nodes)
        {
            var cycle = Visit(start);
            if (cycle is not null)
                return cycle;
        }
        return null;

        List<string>? Visit(string node)
        {
            state.TryGetValue(node, out var s);
            if (s == 2)
                return null;
            if (s == 1)
            {
                var from = stack.IndexOf(node);
                var cycle = stack.GetRange(from, stack.Count - from);
                cycle.Add(node);
                return cycle;
            }
            state[node] = 1;
            stack.Add(node);
            foreach (var u in _upstream[node])
            {
                var c = Visit(u);
                if (c is not null)
                    return c;
            }
            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    /// <summary>Dependencies before dependants; among ready nodes the YAML order wins.</summary>
    public IReadOnlyList<string> TopologicalOrder()
    {
        var cycle = FindCycle();
        if (cycle is not null)
            throw new InvalidOperationException("cycle: " + string.Join(" -> ", cycle));
        var pending = _nodes.ToDictionary(n => n, n => _upstream[n].Count, StringComparer.Ordinal);
        var order = new List<string>(_nodes.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (order.Count < _nodes.Count)
        {
            var next = _nodes.First(n => !done.Contains(n) && pending[n] == 0);
            order.Add(next);
            done.Add(next);
            foreach (var d in _downstream[next])
                pending[d]--;
        }
        return order;
    }

    /// <summary>The targets and everything they depend on, in topological order.</summary>
    public IReadOnlyList<string> WithUpstream(IEnumerable<string> targets)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(targets);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (!keep.Add(n))
                continue;
            foreach (var u in _upstream[n])
                queue.Enqueue(u);
        }
        return TopologicalOrder().Where(keep.Contains).ToList();
    }

    /// <summary>The nodes and everything that depends on them, in topological order.</summary>
    public IReadOnlyList<string> WithDownstream(IEnumerable<string> nodes)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(nodes);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (!keep.Add(n))
                continue;
            foreach (var d in _downstream[n])
                queue.Enqueue(d);
        }
        return TopologicalOrder().Where(keep.Contains).ToList();
    }
}
