using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>tools/lib/setup.sh's checks, run the way the scripts run them (bash, <c>set -euo pipefail</c>).</summary>
public sealed class SetupScriptTests
{
    [Fact]
    public void Should_never_try_to_install_libpcap_When_the_check_runs_many_times_at_once_on_a_machine_that_has_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/bash"), "the set-up scripts are for Debian");
        string setup = Path.Combine(RepoPaths.Root, "tools", "lib", "setup.sh");

        // apt_install is replaced by a failure: any call means the check thought libpcap missing.
        // Four loops at once load the machine, as CI does; the SIGPIPE race showed in 2-10 of 200 runs.
        string loop = $"set -euo pipefail; source '{setup}'; apt_install() {{ echo \"would install $*\"; exit 3; }}; for _ in $(seq 200); do ensure_libpcap; done";
        const string FourAtOnce = "pids=(); for n in 1 2 3 4; do bash -c \"$0\" & pids+=($!); done; rc=0; for p in \"${pids[@]}\"; do wait \"$p\" || rc=1; done; exit $rc";
        var run = ExternalProcess.Run("bash", ["-c", FourAtOnce, loop], TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0 && run.Output.Length == 0, ExternalProcess.Describe(run));
    }

    [Fact]
    public void Should_find_libpcap_When_the_library_cache_is_far_larger_than_a_pipe_holds()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/bash"), "the set-up scripts are for Debian");
        string setup = Path.Combine(RepoPaths.Root, "tools", "lib", "setup.sh");
        using var shims = new TempDirectory();

        // An ldconfig that lists libpcap early and then a megabyte more: a reader that stops at the
        // first match leaves it writing into a closed pipe, which under pipefail fails the check.
        File.WriteAllText(
            Path.Combine(shims.Path, "ldconfig"),
            "#!/usr/bin/env bash\nprintf '\\tlibpcap.so.0.8 (libc6,x86-64) => /lib/libpcap.so.0.8\\n'\nyes '\tlibfiller.so.1 (libc6,x86-64) => /lib/libfiller.so.1' | head -c 1000000\n");
        string script = $"set -euo pipefail; chmod +x '{shims.Path}/ldconfig'; export PATH='{shims.Path}':$PATH; source '{setup}'; apt_install() {{ echo \"would install $*\"; exit 3; }}; for _ in $(seq 20); do ensure_libpcap; done";

        var run = ExternalProcess.Run("bash", ["-c", script], TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0 && run.Output.Length == 0, ExternalProcess.Describe(run));
    }
}
