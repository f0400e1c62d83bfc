using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;

// `--write-xdatcar PATH FRAMES` writes the MdTransportBenchmarks trajectory for md-transport-vs-ase.sh.
if (args.Length == 3 && args[0] == "--write-xdatcar")
{
    MdTransportBenchmarks.WriteXdatcar(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), seed: 1);
    return;
}

// Each hot path has its own benchmark class in this project; BenchmarkSwitcher lets one run a subset.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
