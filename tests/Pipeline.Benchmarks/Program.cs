using BenchmarkDotNet.Running;

// Each hot path has its own benchmark class in this project; BenchmarkSwitcher lets one run a subset.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
