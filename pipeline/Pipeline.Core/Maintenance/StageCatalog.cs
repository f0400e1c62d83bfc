using System.Globalization;
using System.Text;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline stages`: every stage type with its params (type, default, range, allowed values) and ports.</summary>
public static class StageCatalog
{
    public static string Describe(StageRegistry registry)
    {
        var sb = new StringBuilder();
        if (registry.All.Count == 0)
            sb.Append("no stage types are registered\n");
        foreach (var stage in registry.All)
        {
            sb.Append(stage.Type).Append(" (v").Append(stage.Version).Append("): ").Append(stage.Description).Append('\n');
            if (stage.Params.Count > 0)
            {
                sb.Append("  params:\n");
                foreach (var p in stage.Params)
                    sb.Append("    ").Append(p.Name).Append(": ").Append(ParamParser.TypeName(p.Type)).Append(Constraints(p)).Append(" — ").Append(p.Description).Append('\n');
            }
            Ports(sb, "inputs", stage.Inputs);
            Ports(sb, "outputs", stage.Outputs);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Constraints(ParamSpec p)
    {
        var parts = new List<string>();
        var d = ParamParser.Default(p);
        parts.Add(d is null ? "required" : d is "" ? "default \"\"" : "default " + ParamText.Display(d));
        if (p.Min is not null || p.Max is not null)
            parts.Add($"range [{Bound(p.Min)}, {Bound(p.Max)}]");
        if (p.Allowed is { Count: > 0 } allowed)
            parts.Add("one of " + string.Join("|", allowed));
        if (p.MinCount > 0)
            parts.Add($"at least {p.MinCount} value{(p.MinCount == 1 ? "" : "s")}");
        if (p.Distinct)
            parts.Add("distinct");
        if (p.AllowNonFinite && p.Type is ParamType.Float or ParamType.FloatList)
            parts.Add(".inf/.nan allowed");
        return " (" + string.Join(", ", parts) + ")";
    }

    private static string Bound(double? b) => b is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "..";

    private static void Ports(StringBuilder sb, string title, IReadOnlyList<PortSpec> ports)
    {
        if (ports.Count == 0)
            return;
        sb.Append("  ").Append(title).Append(":\n");
        foreach (var p in ports)
        {
            sb.Append("    ").Append(p.Name).Append(": ").Append(PipelineValidator.KindText(p.Kind));
            if (p.FileName is not null)
                sb.Append(' ').Append(p.FileName);
            if (p.Optional)
                sb.Append(" (optional)");
            sb.Append(" — ").Append(p.Description).Append('\n');
        }
    }
}
