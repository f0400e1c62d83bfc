using System.Reflection;

namespace Pipeline.Core.Execution;

/// <summary>Version of the engine as recorded in artifacts (not part of fingerprints: only stage versions are).</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
