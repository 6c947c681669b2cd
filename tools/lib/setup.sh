# Shared set-up for the tools/ scripts: installs what a fresh Debian machine with only the .NET SDK
# lacks, and builds pcapdiff when its sources changed. Sourced, not run.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="$repo_root/.build"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf 'pcapdiff setup: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        say "need root to run: $*"
        return 1
    fi
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        as_root apt-get update -qq >&2
        apt_updated=1
    fi
    say "installing $*"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

# libpcap: SharpPcap loads libpcap.so.0.8 at run time (for --filter and rare formats). The cache is
# read whole before it is searched: with `ldconfig -p | grep -q` under pipefail, grep's early exit
# killed ldconfig by SIGPIPE now and then, and the check failed on a machine that had libpcap.
ensure_libpcap() {
    local cache
    cache="$(ldconfig -p 2>/dev/null || true)"
    if [[ "$cache" != *libpcap.so.0.8* ]]; then
        apt_install libpcap0.8
    fi
}

# chromium: the HTML report's browser tests drive Debian's /usr/bin/chromium through Playwright
# (whose driver comes with its NuGet package; no `playwright install`).
ensure_chromium() {
    if [ ! -x /usr/bin/chromium ]; then
        apt_install chromium
    fi
}

ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        say "the .NET SDK is required (dotnet not found on PATH)"
        exit 2
    fi
}

# Newest source file, to decide whether a build is stale.
sources_newer_than() {
    local stamp="$1"
    [ ! -f "$stamp" ] && return 0
    [ -n "$(find "$repo_root/src" "$repo_root/Directory.Build.props" "$repo_root/Directory.Packages.props" "$repo_root/global.json" \
        \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) -newer "$stamp" -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]
}

# The runtime identifier of this machine, for a ReadyToRun build (empty when unknown).
runtime_id() {
    case "$(uname -m)" in
        x86_64) echo linux-x64 ;;
        aarch64 | arm64) echo linux-arm64 ;;
        *) echo "" ;;
    esac
}

# Builds the CLI into .build/cli unless it is up to date: published ReadyToRun (compiled ahead of
# time, so a run does not spend its first second in the JIT) when the machine's runtime is known,
# else a plain build.
build_cli() {
    local stamp="$build_dir/cli/.stamp" rid
    if sources_newer_than "$stamp"; then
        say "building pcapdiff (first use or sources changed)"
        rm -rf "$build_dir/cli"
        mkdir -p "$build_dir/cli"
        rid="$(runtime_id)"
        if [ -n "$rid" ] && dotnet publish "$repo_root/src/PcapDiff.Cli/PcapDiff.Cli.csproj" -c Release -r "$rid" --self-contained false \
            -p:PublishReadyToRun=true -o "$build_dir/cli" -nologo -v quiet >"$build_dir/cli-build.log" 2>&1; then
            :
        elif ! dotnet build "$repo_root/src/PcapDiff.Cli/PcapDiff.Cli.csproj" -c Release -o "$build_dir/cli" -nologo -v quiet >>"$build_dir/cli-build.log" 2>&1; then
            cat "$build_dir/cli-build.log" >&2
            say "build failed"
            exit 2
        fi
        touch "$stamp"
    fi
}
