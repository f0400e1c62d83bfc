using System.Text;
using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Store;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline init DIR --data PATH`: a new workspace whose pipeline.yaml runs the standard chain (ingest,
/// featurize, standardize, fit, validate, ce, kmc, report) on the user's own VASP folder — no synthetic-data stage.
/// Ports are wired as in docs/CONTRACTS.md; inputs of registered stage types that the contract leaves open (the
/// report's) are connected to the latest earlier output of the same name and kind.</summary>
public static class WorkspaceInitializer
{
    public sealed record ChainStage(string Name, string Uses, string Description, IReadOnlyList<(string Port, string Source)> Inputs);

    public const string DataPlaceholder = "$DATA";

    public static readonly IReadOnlyList<ChainStage> StandardChain =
    [
        new("ingest", "vasp-neb-ingest", "Parse the VASP NEB folders into hop, image and structure tables", [("data", DataPlaceholder)]),
        new("featurize", "featurize", "Map hops onto the rock-salt lattice and compute the descriptors", [("hops", "ingest.hops")]),
        new("standardize", "standardize", "Fit the descriptor scaler", [("features", "featurize.features")]),
        new("fit", "fit-barriers", "LassoCV barrier models and the path classifier", [("features", "featurize.features"), ("scaler", "standardize.scaler")]),
        new("validate", "validate", "Cross-validated metrics, coefficients and plots",
            [("features", "featurize.features"), ("scaler", "standardize.scaler"), ("model_forward", "fit.model_forward"), ("model_kra", "fit.model_kra")]),
        new("ce", "ce-fit", "Cluster expansion of the endpoint energies", [("structures", "ingest.structures")]),
        new("kmc", "kmc", "Kinetic Monte Carlo with the fitted barriers and cluster expansion", [("model", "fit.model_kra"), ("ce", "ce.eci")]),
        new("report", "report", "Self-contained HTML report",
            [("validate_plots", "validate.plots"), ("kmc_summary", "kmc.summary"), ("kmc_results", "kmc.results"), ("kmc_plots", "kmc.plots")]),
    ];

    public sealed record InitResult(string ConfigPath, string DataSource, IReadOnlyList<string> Notes);

    public static InitResult Create(string directory, string dataPath, StageRegistry registry, bool force)
    {
        var root = Path.GetFullPath(directory);
        var data = Path.GetFullPath(dataPath);
        if (!Directory.Exists(data))
            throw new DirectoryNotFoundException($"--data {dataPath}: no such folder (give the folder holding your VASP NEB calculations)");
        Directory.CreateDirectory(root);
        var workspace = new Workspace(root);
        if (File.Exists(workspace.ConfigPath) && !force)
            throw new UsageException($"{workspace.ConfigPath} already exists (use --force to overwrite)");
        var notes = new List<string>();
        var source = DataSource(root, data, notes);
        AtomicFile.WriteAllText(workspace.ConfigPath, Yaml(source, registry, notes));
        var gitignore = Path.Combine(root, ".gitignore");
        if (!File.Exists(gitignore))
            File.WriteAllText(gitignore, $"{Workspace.StateFolderName}/\n{Workspace.WorkingFolderName}/\n");
        return new InitResult(workspace.ConfigPath, source, notes);
    }

    /// <summary>The data folder as the pipeline refers to it: a path under the workspace, via a datasets/ symbolic
    /// link when it lives elsewhere (an absolute path if links are not allowed).</summary>
    private static string DataSource(string root, string data, List<string> notes)
    {
        var rel = Path.GetRelativePath(root, data);
        if (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel) && rel != ".")
            return rel.Replace('\\', '/');
        var link = Path.Combine(root, "datasets", Path.GetFileName(data.TrimEnd(Path.DirectorySeparatorChar)));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            if (!Directory.Exists(link) && !File.Exists(link))
                Directory.CreateSymbolicLink(link, data);
            notes.Add($"linked {Path.GetRelativePath(root, link)} -> {data}");
            return Path.GetRelativePath(root, link).Replace('\\', '/');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            notes.Add($"could not link the data folder ({e.Message}); pipeline.yaml uses its absolute path");
            return data.Replace('\\', '/');
        }
    }

    public static string Yaml(string dataSource, StageRegistry registry, List<string>? notes = null)
    {
        var sb = new StringBuilder();
        sb.Append("# Pipeline for your own VASP NEB calculations, created by `pipeline init`.\n");
        sb.Append("# Run it from this folder with `pipeline run`; `pipeline status` says what is stale and why.\n");
        sb.Append("# Reference (keys, params, inputs, outputs): docs/ENGINE.md; stage types and their params: `pipeline stages`.\n");
        sb.Append("description: Li-hop barriers from my VASP NEB calculations\n");
        sb.Append("stages:\n");
        var produced = new List<(string Stage, PortSpec Port)>();
        foreach (var chain in StandardChain)
        {
            var type = registry.Find(chain.Uses);
            var inputs = new List<(string Port, string Source)>();
            foreach (var (port, src) in chain.Inputs)
            {
                if (type is not null && type.Inputs.All(p => p.Name != port))
                    continue;
                inputs.Add((port, src == DataPlaceholder ? dataSource : src));
            }
            if (type is not null)
            {
                foreach (var port in type.Inputs.Where(p => inputs.All(i => i.Port != p.Name) && p.Name != "truth"))
                {
                    var match = produced.LastOrDefault(o => o.Port.Name == port.Name && o.Port.Kind == port.Kind);
                    if (match.Stage is not null)
                        inputs.Add((port.Name, $"{match.Stage}.{match.Port.Name}"));
                    else if (!port.Optional)
                        notes?.Add($"stage '{chain.Name}': connect its input '{port.Name}' by hand");
                }
                produced.AddRange(type.Outputs.Select(o => (chain.Name, o)));
            }
            else
            {
                notes?.Add($"stage type '{chain.Uses}' is not in this build of the tool: check '{chain.Name}' with `pipeline status`");
            }
            sb.Append("  - name: ").Append(chain.Name).Append('\n');
            sb.Append("    uses: ").Append(chain.Uses).Append('\n');
            sb.Append("    description: ").Append(chain.Description).Append('\n');
            if (inputs.Count > 0)
            {
                sb.Append("    inputs:\n");
                foreach (var (port, src) in inputs)
                    sb.Append("      ").Append(port).Append(": ").Append(Quote(src)).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Quote(string text)
        => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') ? text : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
