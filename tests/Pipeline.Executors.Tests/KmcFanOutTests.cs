using System.Diagnostics;
using Pipeline.Executors.Tests.Support;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;
using Xunit.Abstractions;

namespace Pipeline.Executors.Tests;

/// <summary>The kmc stage as a fan-out stage: its fan-out gives the bytes its own Run gives, and through Slurm the
/// same artifacts and lock entry as locally. Each run is a separate process, as separate `pipeline` invocations
/// are (the SVG plots number their clip paths from a process-wide counter, so two renders in one process differ).</summary>
[Collection("slurm")]
public sealed class KmcFanOutTests(ITestOutputHelper output)
{
    [Fact]
    public void Kmc_fan_out_gives_the_same_outputs_as_its_own_run()
    {
        using var ws = new ExecutorWorkspace(KmcModelFiles.Pipeline());
        KmcModelFiles.Write(ws.PathOf("datasets"));
        var run = ChildCli.Run("-C", ws.Root, "run", "-j", "2");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("kmc: 6 work items; running 6 on the local executor", run.Output);
        var locked = ws.Locked("kmc");

        var outDir = ws.PathOf("one-off");
        var oneOff = ChildCli.Run("kmc", "--model", ws.PathOf("datasets/model-kra.json"), "--ce", ws.PathOf("datasets/eci.json"),
            "--out", outDir, "--compositions", "0.3,0.6", "--temperatures", "500,700,900", "--size", "3", "--seeds", "1",
            "--steps", "3000", "--samples", "20", "--blocks", "5");
        Assert.True(oneOff.Code == 0, oneOff.ToString());
        Assert.DoesNotContain("work item", oneOff.Output); // KmcStage.Run, not the fan-out path
        foreach (var table in new[] { "results", "summary", "msd" })
            Assert.Equal(locked.Outputs[table].Hash, ArtifactHasher.HashTableFile(Path.Combine(outDir, table + ".parquet")));
        Assert.Equal(locked.Outputs["plots"].Hash, DirectoryHasher.Hash(Path.Combine(outDir, "plots")));
    }

    [SlurmFact]
    public void A_kmc_ensemble_on_slurm_gives_the_same_artifacts_and_lock_entry_as_locally()
    {
        SlurmProbe.Require();
        var yaml = KmcModelFiles.Pipeline(TestWorker.ExecutorBlock("local"));
        using var local = new ExecutorWorkspace(yaml);
        using var slurm = new ExecutorWorkspace(yaml);
        KmcModelFiles.Write(local.PathOf("datasets"));
        foreach (var file in Directory.GetFiles(local.PathOf("datasets")))
            File.Copy(file, Path.Combine(slurm.PathOf("datasets"), Path.GetFileName(file)), overwrite: true);

        var watch = Stopwatch.StartNew();
        var localRun = ChildCli.Run("-C", local.Root, "run", "-j", "2");
        var localSeconds = watch.Elapsed.TotalSeconds;
        Assert.True(localRun.Code == 0, localRun.ToString());
        watch.Restart();
        var slurmRun = ChildCli.Run("-C", slurm.Root, "run", "--executor", "slurm");
        var slurmSeconds = watch.Elapsed.TotalSeconds;
        Assert.True(slurmRun.Code == 0, slurmRun.ToString());
        output.WriteLine($"6-item kmc ensemble, whole `pipeline run` process: local -j 2 {localSeconds:0.00} s, slurm {slurmSeconds:0.00} s");
        output.WriteLine(slurmRun.Output);

        Assert.Contains("kmc: 6 work items; running 6 on the slurm executor", slurmRun.Output);
        Assert.Contains("kmc: submitted 6 item(s) as Slurm job array", slurmRun.Output);
        Assert.Equal(local.LockText(), slurm.LockText());
        Assert.Equal(local.WorkingCopyHashes("kmc"), slurm.WorkingCopyHashes("kmc"));
        Assert.Equal(4, local.Locked("kmc").Outputs.Count);

        // One array, one Slurm log per item; item results are gone once the stage committed.
        var logs = Directory.GetFiles(slurm.PathOf(".pipeline/slurm/kmc"), "*.out", SearchOption.AllDirectories)
            .Select(p => Path.GetFileNameWithoutExtension(p).Split('_')).ToList();
        Assert.Single(logs.Select(l => l[0]).Distinct());
        Assert.Equal(Enumerable.Range(0, 6), logs.Select(l => int.Parse(l[1])).Order());
        Assert.False(Directory.Exists(slurm.PathOf(".pipeline/fanout/kmc")));
    }
}
