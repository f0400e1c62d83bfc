using System.Reflection;
using Pipeline.Abstractions;

namespace Pipeline.Fitting.Stages;

/// <summary>Tool version to embed in model files, from the run's provenance when the engine supplies it.
/// No wall-clock time goes into model files: the same inputs must give byte-identical models (the engine
/// records run times in the lock and provenance instead).</summary>
internal static class RunInfo
{
    public static string ToolVersion(StageContext ctx) =>
        ctx.Provenance.TryGetValue("tool_version", out var v) ? v
            : typeof(RunInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
              ?? "unknown";
}
