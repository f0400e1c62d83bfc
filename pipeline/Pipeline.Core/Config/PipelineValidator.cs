using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Executors;
using Pipeline.Core.Graph;
using Pipeline.Core.Hashing;

namespace Pipeline.Core.Config;

/// <summary>Checks a pipeline.yaml against the stage types before anything runs and reports every problem with its
/// line and column: unknown keys, unknown stage types, unknown or mistyped or out-of-range params, missing or
/// unknown inputs and outputs, duplicate names, cycles.</summary>
public static class PipelineValidator
{
    public static ResolvedPipeline Load(string configPath, StageRegistry registry, string workspaceRoot,
        IReadOnlyList<ParamOverride>? overrides = null)
    {
        var fileName = Path.GetFileName(configPath);
        if (!File.Exists(configPath))
            throw new ConfigException([new ConfigError(fileName, $"not found in {Path.GetDirectoryName(Path.GetFullPath(configPath))} (create one, or `pipeline init DIR --data PATH`)")]);
        return Validate(File.ReadAllText(configPath), fileName, registry, workspaceRoot, overrides);
    }

    public static ResolvedPipeline Validate(string yaml, string fileName, StageRegistry registry, string workspaceRoot,
        IReadOnlyList<ParamOverride>? overrides = null)
    {
        var (spec, errors) = PipelineYaml.Parse(yaml, fileName);
        var v = new Validation(spec, registry, Path.GetFullPath(workspaceRoot), overrides ?? [], errors);
        return v.Run();
    }

    private sealed class Validation(PipelineSpec spec, StageRegistry registry, string root,
        IReadOnlyList<ParamOverride> overrides, List<ConfigError> errors)
    {
        private readonly Dictionary<string, StageSpec> _stages = new(StringComparer.Ordinal);

        private void Error(SourceMark mark, string message) => errors.Add(ConfigError.At(spec.FileName, mark, message));

        public ResolvedPipeline Run()
        {
            foreach (var stage in spec.Stages)
            {
                if (_stages.TryGetValue(stage.Name, out var first))
                    Error(stage.NameMark, $"duplicate stage name '{stage.Name}' (first defined at line {first.NameMark.Line})");
                else
                    _stages[stage.Name] = stage;
            }
            foreach (var o in overrides)
            {
                if (!_stages.ContainsKey(o.Stage))
                    errors.Add(new ConfigError(o.Text, $"no stage '{o.Stage}' in {spec.FileName}"));
            }
            var resolved = new List<ResolvedStage>();
            foreach (var stage in _stages.Values)
            {
                var r = Resolve(stage);
                if (r is not null)
                    resolved.Add(r);
            }
            var graph = CheckCycles();
            if (errors.Count > 0)
                throw new ConfigException(Sorted(errors));
            var byName = resolved.ToDictionary(s => s.Name, StringComparer.Ordinal);
            return new ResolvedPipeline(spec, graph.TopologicalOrder().Select(n => byName[n]).ToList(), graph);
        }

        private static List<ConfigError> Sorted(List<ConfigError> list)
        {
            static (int, int, int) Key(ConfigError e)
            {
                var parts = e.Location.Split(':');
                return parts.Length == 3 && int.TryParse(parts[1], out var l) && int.TryParse(parts[2], out var c) ? (0, l, c) : (1, 0, 0);
            }
            return list.Select((e, i) => (e, i)).OrderBy(t => Key(t.e)).ThenBy(t => t.i).Select(t => t.e).ToList();
        }

        private ResolvedStage? Resolve(StageSpec stage)
        {
            var type = registry.Find(stage.Uses);
            if (type is null)
            {
                if (stage.Uses.Length > 0)
                {
                    var known = registry.All.Select(s => s.Type).ToList();
                    Error(stage.UsesMark, $"unknown stage type '{stage.Uses}'" + (known.Count > 0 ? $" (known: {string.Join(", ", known)})" : " (no stage types are registered)"));
                }
                foreach (var input in stage.Inputs)
                    ResolveSourceWithoutType(input);
                return null;
            }
            CheckExecutor(stage, type);
            var parameters = ResolveParams(stage, type, out bool paramsOk);
            var outputs = ResolveOutputs(stage, type);
            var inputs = ResolveInputs(stage, type);
            if (!paramsOk || outputs is null || inputs is null)
                return null;
            var json = ParamText.CanonicalJson(parameters);
            return new ResolvedStage
            {
                Spec = stage,
                Type = type,
                Params = new ParamValues(parameters),
                ParamsJson = json,
                ParamsHash = FileHasher.HashText(json),
                Inputs = inputs,
                Outputs = outputs,
            };
        }

        /// <summary>Only fan-out stage types split into items that an executor can place elsewhere.</summary>
        private void CheckExecutor(StageSpec stage, IStage type)
        {
            if (stage.Executor is not { } executor || executor.Kind == ExecutorKind.Local || type is IFanOutStage)
                return;
            var fanOut = registry.All.OfType<IFanOutStage>().Select(s => s.Type).ToList();
            Error(executor.Kind is null ? executor.Mark : executor.KindMark,
                $"stage '{stage.Name}' ({type.Type}) cannot have an executor: its stage type does not fan out into work items"
                + (fanOut.Count == 0 ? " (no registered stage type does)" : $" (fan-out types: {string.Join(", ", fanOut)})"));
        }

        private Dictionary<string, object> ResolveParams(StageSpec stage, IStage type, out bool ok)
        {
            ok = true;
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var setting in stage.Params)
            {
                var p = type.Params.FirstOrDefault(x => x.Name == setting.Name);
                if (p is null)
                {
                    Error(setting.Mark, $"unknown param '{setting.Name}' for stage type '{type.Type}'" + Known("params", type.Params.Select(x => x.Name)));
                    ok = false;
                    continue;
                }
                var r = ParamParser.Parse(p, setting.Value);
                if (r.Error is not null)
                {
                    Error(SourceMark.Of(setting.Value), $"param '{p.Name}' of stage '{stage.Name}' {r.Error}");
                    ok = false;
                }
                else
                {
                    values[p.Name] = r.Value!;
                }
            }
            foreach (var o in overrides.Where(o => o.Stage == stage.Name))
            {
                var p = type.Params.FirstOrDefault(x => x.Name == o.Param);
                if (p is null)
                {
                    errors.Add(new ConfigError(o.Text, $"unknown param '{o.Param}' for stage type '{type.Type}'" + Known("params", type.Params.Select(x => x.Name))));
                    ok = false;
                    continue;
                }
                var r = ParamParser.ParseText(p, o.Value);
                if (r.Error is not null)
                {
                    errors.Add(new ConfigError(o.Text, $"param '{p.Name}' {r.Error}"));
                    ok = false;
                }
                else
                {
                    values[p.Name] = r.Value!;
                }
            }
            foreach (var p in type.Params)
            {
                if (values.ContainsKey(p.Name))
                    continue;
                var d = ParamParser.Default(p);
                if (d is null)
                {
                    Error(stage.NameMark, $"stage '{stage.Name}' is missing required param '{p.Name}' ({ParamParser.Describe(p)})");
                    ok = false;
                }
                else
                {
                    values[p.Name] = d;
                }
            }
            return values;
        }

        private List<PortSpec>? ResolveOutputs(StageSpec stage, IStage type)
        {
            if (stage.Outputs is null)
                return type.Outputs.ToList();
            bool ok = true;
            var listed = new List<PortSpec>();
            foreach (var o in stage.Outputs)
            {
                var port = type.Outputs.FirstOrDefault(p => p.Name == o.Name);
                if (port is null)
                {
                    Error(o.Mark, $"stage type '{type.Type}' has no output '{o.Name}'" + Known("outputs", type.Outputs.Select(p => p.Name)));
                    ok = false;
                }
                else if (!listed.Contains(port))
                {
                    listed.Add(port);
                }
            }
            foreach (var required in type.Outputs.Where(p => !p.Optional && !listed.Contains(p)))
            {
                Error(stage.NameMark, $"stage '{stage.Name}' lists its outputs but not the required output '{required.Name}' of '{type.Type}'");
                ok = false;
            }
            return ok ? type.Outputs.Where(listed.Contains).ToList() : null;
        }

        private List<ResolvedInput>? ResolveInputs(StageSpec stage, IStage type)
        {
            bool ok = true;
            var result = new List<ResolvedInput>();
            foreach (var binding in stage.Inputs)
            {
                var port = type.Inputs.FirstOrDefault(p => p.Name == binding.Port);
                if (port is null)
                {
                    Error(binding.Mark, $"stage type '{type.Type}' has no input '{binding.Port}'" + Known("inputs", type.Inputs.Select(p => p.Name)));
                    ok = false;
                    continue;
                }
                var input = ResolveSource(stage, binding, port);
                if (input is null)
                    ok = false;
                else
                    result.Add(input);
            }
            foreach (var port in type.Inputs.Where(p => !p.Optional && stage.Inputs.All(b => b.Port != p.Name)))
            {
                Error(stage.NameMark, $"stage '{stage.Name}' is missing input '{port.Name}' ({KindText(port.Kind)}, required by '{type.Type}')");
                ok = false;
            }
            return ok ? result : null;
        }

        private (string Stage, string Output)? AsArtifactReference(string source)
        {
            if (source.Contains('/') || source.Contains('\\'))
                return null;
            var parts = source.Split('.');
            if (parts.Length != 2 || !PipelineYaml.NamePattern().IsMatch(parts[0]) || parts[1].Length == 0)
                return null;
            return (parts[0], parts[1]);
        }

        private ResolvedInput? ResolveSource(StageSpec stage, InputBinding binding, PortSpec port)
        {
            var reference = AsArtifactReference(binding.Source);
            if (reference is { } r && _stages.TryGetValue(r.Stage, out var upstream))
            {
                var upstreamType = registry.Find(upstream.Uses);
                if (upstreamType is null)
                    return null; // already reported as an unknown stage type
                var output = upstreamType.Outputs.FirstOrDefault(p => p.Name == r.Output);
                if (output is null)
                {
                    Error(binding.SourceMark, $"input '{binding.Port}': stage '{r.Stage}' ({upstream.Uses}) has no output '{r.Output}'" + Known("outputs", upstreamType.Outputs.Select(p => p.Name)));
                    return null;
                }
                if (upstream.Outputs is not null && upstream.Outputs.All(o => o.Name != r.Output))
                {
                    Error(binding.SourceMark, $"input '{binding.Port}': stage '{r.Stage}' does not list output '{r.Output}' in its outputs");
                    return null;
                }
                if (output.Kind != port.Kind)
                {
                    Error(binding.SourceMark, $"input '{binding.Port}' takes a {KindText(port.Kind)} but {binding.Source} is a {KindText(output.Kind)}");
                    return null;
                }
                return new ResolvedInput(port, binding.Source, r.Stage, r.Output, null);
            }
            return ResolveRaw(binding, port, reference);
        }

        private void ResolveSourceWithoutType(InputBinding binding)
        {
            var reference = AsArtifactReference(binding.Source);
            if (reference is { } r && !_stages.ContainsKey(r.Stage) && !File.Exists(Path.Combine(root, binding.Source)))
                Error(binding.SourceMark, $"input '{binding.Port}': no stage '{r.Stage}' and no file '{binding.Source}'");
        }

        private ResolvedInput? ResolveRaw(InputBinding binding, PortSpec port, (string Stage, string Output)? reference)
        {
            var source = binding.Source;
            var full = Path.GetFullPath(Path.IsPathRooted(source) ? source : Path.Combine(root, source));
            if (!Path.IsPathRooted(source))
            {
                var rel = Path.GetRelativePath(root, full);
                if (rel == ".." || rel.StartsWith("../", StringComparison.Ordinal) || rel.StartsWith("..\\", StringComparison.Ordinal))
                {
                    Error(binding.SourceMark, $"input '{binding.Port}': '{source}' is outside the workspace (use a path under it, e.g. datasets/...)");
                    return null;
                }
            }
            if (Glob.IsGlob(source))
            {
                var matches = Glob.Match(full.Replace('\\', '/'));
                if (matches.Count == 0)
                {
                    Error(binding.SourceMark, $"input '{binding.Port}': glob '{source}' matches no file");
                    return null;
                }
                if (port.Kind != PortKind.Directory && matches.Count != 1)
                {
                    Error(binding.SourceMark, $"input '{binding.Port}' takes one {KindText(port.Kind)} but glob '{source}' matches {matches.Count} files");
                    return null;
                }
                return new ResolvedInput(port, source, null, null, full);
            }
            bool isDir = Directory.Exists(full), isFile = File.Exists(full);
            if (!isDir && !isFile)
            {
                Error(binding.SourceMark, reference is { } r
                    ? $"input '{binding.Port}': no stage '{r.Stage}' in this pipeline and no file '{source}'"
                    : $"input '{binding.Port}': '{source}' does not exist");
                return null;
            }
            if (port.Kind == PortKind.Directory && !isDir)
            {
                Error(binding.SourceMark, $"input '{binding.Port}' takes a directory but '{source}' is a file");
                return null;
            }
            if (port.Kind != PortKind.Directory && !isFile)
            {
                Error(binding.SourceMark, $"input '{binding.Port}' takes a {KindText(port.Kind)} but '{source}' is a directory");
                return null;
            }
            if (port.Kind == PortKind.Table && !(source.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            {
                Error(binding.SourceMark, $"input '{binding.Port}' takes a table: '{source}' must be a .parquet or .csv file");
                return null;
            }
            return new ResolvedInput(port, source, null, null, full);
        }

        private PipelineGraph CheckCycles()
        {
            var nodes = _stages.Values.Select(s => (s.Name, (IEnumerable<string>)s.Inputs
                .Select(i => AsArtifactReference(i.Source))
                .Where(r => r is { } x && _stages.ContainsKey(x.Stage))
                .Select(r => r!.Value.Stage).ToList())).ToList();
            var graph = new PipelineGraph(nodes);
            var cycle = graph.FindCycle();
            if (cycle is not null)
            {
                // Report at the input of the first stage in the cycle that reads from the next one.
                var stage = _stages[cycle[0]];
                var binding = stage.Inputs.FirstOrDefault(i => AsArtifactReference(i.Source) is { } r && r.Stage == cycle[1]);
                // cycle lists dependants first (a depends on b): print it in data-flow order.
                var flow = cycle.AsEnumerable().Reverse();
                Error(binding?.SourceMark ?? stage.NameMark, "cycle: " + string.Join(" -> ", flow));
                return new PipelineGraph(_stages.Keys.Select(n => (n, Enumerable.Empty<string>())));
            }
            return graph;
        }

        private static string Known(string what, IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 0 ? $" (it has no {what})" : $" ({what}: {string.Join(", ", list)})";
        }
    }

    public static string KindText(PortKind kind) => kind switch
    {
        PortKind.Table => "table",
        PortKind.File => "file",
        _ => "directory",
    };
}
