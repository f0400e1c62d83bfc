using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Stage;

namespace Pipeline.Kmc.Tests;

/// <summary>Issue #17 item 12: kmc params that used to run forever, give NaN or fail only at run time are refused by
/// pipeline.yaml validation with their position; a run that would need more events than the cap stops there.</summary>
public sealed class KmcParamValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kmc-params-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<string> Errors(string paramLines)
    {
        File.WriteAllText(Path.Combine(_dir, "model-kra.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "eci.json"), "{}");
        var yaml = "stages:\n  - name: kmc\n    uses: kmc\n    inputs: {model: model-kra.json, ce: eci.json}\n    params:\n" + paramLines;
        var registry = StageRegistry.FromModules([new KmcModule()]);
        return Assert.Throws<ConfigException>(() => PipelineValidator.Validate(yaml, "pipeline.yaml", registry, _dir))
            .Errors.Select(e => e.ToString()).ToList();
    }

    [Fact]
    public void An_infinite_temperature_is_refused_with_its_position()
        => Assert.Contains("pipeline.yaml:6:21: param 'temperatures' of stage 'kmc' element 1 is .inf; expects a finite number",
            Errors("      temperatures: [.inf]\n"));

    [Fact]
    public void No_temperatures_is_refused_before_anything_runs()
        => Assert.Contains("pipeline.yaml:6:21: param 'temperatures' of stage 'kmc' needs at least 1 value, got none",
            Errors("      temperatures: []\n"));

    [Fact]
    public void Repeated_compositions_are_refused_before_anything_runs()
        => Assert.Contains("pipeline.yaml:6:21: param 'compositions' of stage 'kmc' element 2 (0.1) repeats element 1",
            Errors("      compositions: [0.1, 0.1]\n"));

    [Fact]
    public void The_stage_catalog_shows_the_list_limits()
        => Assert.Contains("    temperatures: float[] (default [300.0, 400.0, 500.0, 600.0], range [1, 10000], at least 1 value, distinct)",
            Pipeline.Core.Maintenance.StageCatalog.Describe(StageRegistry.FromModules([new KmcModule()])));

    [Fact]
    public void An_infinite_time_is_refused()
        => Assert.Contains("pipeline.yaml:6:13: param 'time' of stage 'kmc' is .inf; expects a finite number",
            Errors("      time: .inf\n"));

    [Fact]
    public void Steps_beyond_the_event_cap_are_refused()
        => Assert.Contains($"pipeline.yaml:6:14: param 'steps' of stage 'kmc' 20000000000 is above the maximum {KmcSettings.MaxEventsPerRun}",
            Errors("      steps: 20000000000\n"));

    [Fact]
    public void A_simulated_time_that_needs_more_events_than_the_cap_stops_at_the_cap_with_a_clear_error()
    {
        var settings = KmcSettings.From(new ParamValues(new Dictionary<string, object>(
            new KmcStage().Params.Where(p => p.Default is not null).Select(p => KeyValuePair.Create(p.Name, p.Default!)))
        {
            ["compositions"] = new[] { 0.5 },
            ["temperatures"] = new[] { 600.0 },
            ["size"] = 3L,
            ["time"] = 1e300,
            ["samples"] = 10L,
            ["blocks"] = 5L,
        })) with { MaxEvents = 5_000 };
        var models = KmcModels.Load(ModelFiles.WriteKra(_dir), ModelFiles.WriteCe(_dir, 3));
        var e = Assert.Throws<KmcEventCapException>(() => KmcItemRunner.Run(settings, settings.Items()[0], models));
        Assert.Contains("stopped after 5000 events", e.Message);
        Assert.Contains("of the requested 1E+300 s", e.Message);
    }
}
