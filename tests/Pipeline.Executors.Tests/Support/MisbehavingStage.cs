using Pipeline.Abstractions;

namespace Pipeline.Executors.Tests.Support;

/// <summary>test-misbehaving: a fan-out stage breaking one rule of the contract, chosen by <c>mode</c>.</summary>
public sealed class MisbehavingStage : IFanOutStage
{
    public string Type => "test-misbehaving";
    public int Version => 1;
    public string Description => "test fan-out stage that breaks the fan-out contract";
    public IReadOnlyList<ParamSpec> Params => [ParamSpec.Enum("mode", "which rule to break", ["write-in-item", "write-in-plan", "bad-id", "duplicate-id"])];
    public IReadOnlyList<PortSpec> Inputs => [];
    public IReadOnlyList<PortSpec> Outputs => [new("out", PortKind.Table, "a table")];

    public IReadOnlyList<WorkItem> Plan(StageContext ctx)
    {
        var mode = ctx.Params.String("mode");
        if (mode == "write-in-plan")
            ctx.WriteTable("out", new Table([Column.Of("a", new[] { 1L })]));
        var empty = new Dictionary<string, object>();
        return mode switch
        {
            "bad-id" => [new WorkItem("ok", empty), new WorkItem("../escape", empty)],
            "duplicate-id" => [new WorkItem("Same", empty), new WorkItem("same", empty)],
            _ => [new WorkItem("a", empty), new WorkItem("b", empty)],
        };
    }

    public void RunItem(StageContext ctx, WorkItem item, string itemOutputDirectory)
        => ctx.WriteTable("out", new Table([Column.Of("a", new[] { 1L })]));

    public void Assemble(StageContext ctx, IReadOnlyList<WorkItemResult> parts)
        => ctx.WriteTable("out", new Table([Column.Of("n", new[] { (long)parts.Count })]));
}
