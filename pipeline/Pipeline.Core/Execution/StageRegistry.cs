using Pipeline.Abstractions;

namespace Pipeline.Core.Execution;

/// <summary>The stage types the tool knows, by their <c>uses:</c> name.</summary>
public sealed class StageRegistry
{
    private readonly Dictionary<string, IStage> _byType = new(StringComparer.Ordinal);

    public StageRegistry(IEnumerable<IStage> stages)
    {
        foreach (var stage in stages)
        {
            if (!_byType.TryAdd(stage.Type, stage))
                throw new ArgumentException($"two stage types are named '{stage.Type}'");
        }
    }

    public static StageRegistry FromModules(IEnumerable<IPipelineModule> modules)
        => new(modules.SelectMany(m => m.Stages));

    public IReadOnlyList<IStage> All => _byType.Values.OrderBy(s => s.Type, StringComparer.Ordinal).ToList();

    public IStage? Find(string type) => _byType.GetValueOrDefault(type);
}
