using System.Runtime.InteropServices;
using PcapDiff.Capture;
using PcapDiff.Cli;

// Ctrl-C, SIGTERM and a closed terminal end the run as they would, but first remove the temporary
// copies of pipes and gzip files, whatever the run was doing.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RemoveTemporaryCopies);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RemoveTemporaryCopies);
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, RemoveTemporaryCopies);
return CliApplication.Run(args, Console.Out, Console.Error);

static void RemoveTemporaryCopies(PosixSignalContext context) => TemporaryCapture.DeleteAll();
