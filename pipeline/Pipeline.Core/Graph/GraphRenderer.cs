using System.Text;
using Pipeline.Core.Config;

namespace Pipeline.Core.Graph;

/// <summary>`pipeline dag`: the stage graph as indented text or as a Mermaid flowchart.</summary>
public static class GraphRenderer
{
    public static string Text(ResolvedPipeline pipeline)
    {
        var sb = new StringBuilder();
        foreach (var stage in pipeline.Stages)
        {
            sb.Append(stage.Name).Append(" (").Append(stage.Type.Type).Append(" v").Append(stage.Type.Version).Append(')').Append('\n');
            foreach (var input in stage.Inputs)
                sb.Append("  <- ").Append(input.Port.Name).Append(": ").Append(input.Source).Append(input.IsRaw ? "  [raw]" : "").Append('\n');
            var downstream = pipeline.Graph.Downstream(stage.Name);
            if (downstream.Count > 0)
                sb.Append("  -> ").Append(string.Join(", ", downstream)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Mermaid(ResolvedPipeline pipeline)
    {
        var sb = new StringBuilder("flowchart TD\n");
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in pipeline.Stages)
            sb.Append("  ").Append(Id(stage.Name)).Append("[\"").Append(Escape(stage.Name)).Append("<br/><small>").Append(Escape(stage.Type.Type)).Append("</small>\"]\n");
        foreach (var stage in pipeline.Stages)
        {
            foreach (var input in stage.Inputs.Where(i => i.IsRaw))
            {
                if (!raw.TryGetValue(input.Source, out var id))
                {
                    id = "raw" + raw.Count;
                    raw[input.Source] = id;
                    sb.Append("  ").Append(id).Append("[(\"").Append(Escape(input.Source)).Append("\")]\n");
                }
            }
        }
        foreach (var stage in pipeline.Stages)
        {
            foreach (var input in stage.Inputs)
            {
                var from = input.IsRaw ? raw[input.Source] : Id(input.Stage!);
                var label = input.IsRaw || input.Output == input.Port.Name ? input.Port.Name : $"{input.Output} → {input.Port.Name}";
                sb.Append("  ").Append(from).Append(" -->|").Append(Escape(label)).Append("| ").Append(Id(stage.Name)).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Id(string stage) => "s_" + new string(stage.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static string Escape(string text) => text.Replace("\"", "#quot;").Replace("|", "#124;");
}
