using BenchmarkDotNet.Running;
using PcapDiff.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkCaptures).Assembly).Run(args, BenchmarkConfig.Create());
