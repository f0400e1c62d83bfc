using Pipeline.Abstractions;
using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Models;
using Pipeline.Kmc.Observables;
using Pipeline.Kmc.Percolation;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Stage;

/// <summary>The rows one (x, T, seed) run contributes: one row of the results table and its MSD samples.</summary>
public sealed record KmcItemOutput(KmcWorkItem Item, Table Results, Table Msd);

/// <summary>Runs one work item from the settings and models alone: start configuration, kMC with on-the-fly
/// barriers, observables. Everything random comes from the item's run seed, so the output does not depend on
/// where, when or beside what the item runs.</summary>
public static class KmcItemRunner
{
    public static KmcItemOutput Run(KmcSettings settings, KmcWorkItem item, KmcModels models,
        Action<double, long>? progress = null, CancellationToken cancel = default)
    {
        double a = settings.LatticeConstant > 0 ? settings.LatticeConstant : models.Ce.LatticeConstant;
        var cell = RockSaltSupercell.Cubic(settings.Size, a);
        var composition = KmcComposition.For(models.Formula(settings), item.X, cell.CationCount, cell.AnionCount);
        var rng = new Xoshiro256(item.RunSeed);
        var (cations, anions) = StartingConfiguration.Random(composition, rng);
        var evaluator = new CeEvaluator(models.Ce, cell);
        if (settings.SynthesisTemperature > 0 && settings.SynthesisSweeps > 0)
        {
            // The CE library's sampler takes a System.Random; its seed comes from the run's own stream.
            var synthesisRng = new Random((int)(rng.NextUInt64() >> 33));
            new CanonicalMonteCarlo(evaluator).Run(cations, anions, settings.SynthesisTemperature, settings.SynthesisSweeps, synthesisRng);
        }

        var lattice = new KmcLattice(cell, cations, anions, models.Chemistry);
        var percolation = ZeroTmNetwork.Analyze(lattice);
        double startEnergy = evaluator.EnergyPerFormulaUnit(lattice.Cations, lattice.Anions);
        var barriers = new OnTheFlyBarrier(models.Kra, new CeHopEnergy(evaluator));
        var engine = new KmcEngine(lattice, barriers, item.Temperature, settings.Nu, rng.NextUInt64());
        var length = settings.Time > 0 ? RunLength.SimulatedTime(settings.Time) : RunLength.Events(settings.Steps);
        var trajectory = engine.Run(length, settings.Samples, progress, cancel, settings.MaxEvents);
        double endEnergy = evaluator.EnergyPerFormulaUnit(lattice.Cations, lattice.Anions);

        double volume = Math.Pow(settings.Size * a, 3);
        var estimate = DiffusionEstimate.From(trajectory, lattice.IonCount, a, volume, item.Temperature, settings.Blocks);
        var run = new KmcRunSummary(item, composition, settings.Size, item.RunSeed, estimate, engine.Jumps, percolation,
            startEnergy, endEnergy, lattice.IonCount);
        return new KmcItemOutput(item, KmcTables.ResultRow(run), KmcTables.MsdRows(item, trajectory, lattice.IonCount, a));
    }
}

/// <summary>Everything the results table records about one run.</summary>
public sealed record KmcRunSummary(KmcWorkItem Item, KmcComposition Composition, int Size, ulong RunSeed,
    DiffusionEstimate Estimate, JumpStatistics Jumps, PercolationResult Percolation,
    double StartEnergyPerFormulaUnit, double EndEnergyPerFormulaUnit, int Ions);
