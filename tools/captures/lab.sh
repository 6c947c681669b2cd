# shellcheck shell=bash
# tools/captures/lab.sh: the capture lab shared by tools/make-captures and
# tools/make-hostile-captures. Sourced, not run.
#
# Two throwaway network namespaces joined by a veth pair
#   pcd-device    (pcd-dev0: 192.0.2.10/24, 2001:db8:1::10/64)  the client
#   pcd-collector (pcd-col0: 192.0.2.1/24,  2001:db8:1::1/64)   dnsmasq + TCP collector on 8514
# Only documentation address ranges are used, and no packet leaves the two
# namespaces. A script that sources this file calls
#   lab_init                   refuses to run unless root, arms the self-cleaning
#                              trap, installs missing packages, makes $WORK
#   lab_up                     namespaces, dnsmasq (with the extra options in
#                              DNSMASQ_OPTIONS), collector, DNS checks
# then records clients (dev_run, dev_nc) with start_tcpdump/stop_captures into
# $WORK/captures, checks them (read_captures, check, seq_is, eq, ...) and
# finally calls install_captures. Everything is torn down on exit, also on
# failure.

LAB_NAME=$(basename -- "$0")
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export LC_ALL=C

HELPERS=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd -- "$HELPERS/../.." && pwd)
OUT=$ROOT/testdata/captures
PY=/usr/bin/python3 # Debian's python3, where python3-scapy lives

# PCD_LAB_TAG (optional, a few letters or digits) is appended to the namespace
# and interface names, so that two lab scripts can run at the same time.
LAB_TAG=${PCD_LAB_TAG:-}
[[ $LAB_TAG =~ ^[a-z0-9]{0,4}$ ]] || {
    echo "PCD_LAB_TAG must be at most 4 lowercase letters or digits" >&2
    exit 1
}
DEV_NS=pcd-device$LAB_TAG
COL_NS=pcd-collector$LAB_TAG
DEV_IF=pcd-dev0$LAB_TAG
COL_IF=pcd-col0$LAB_TAG
DEV_MAC=02:00:00:00:00:10 # fixed, locally administered: same MACs in every run
COL_MAC=02:00:00:00:00:01
DEV4=192.0.2.10
COL4=192.0.2.1
DEV6=2001:db8:1::10
COL6=2001:db8:1::1
PORT=8514 # the collector
NETNS_ETC=/etc/netns/$DEV_NS

log() { printf '%s: %s\n' "$LAB_NAME" "$*" >&2; }
die() {
    log "ERROR: $*"
    exit 1
}

# ---------------------------------------------------------------- packages
ensure_packages() {
    local need=() spec cmd
    for spec in ip:iproute2 sysctl:procps unshare:util-linux timeout:coreutils od:coreutils \
        tcpdump:tcpdump tshark:tshark dumpcap:wireshark-common capinfos:wireshark-common \
        dnsmasq:dnsmasq-base nc.openbsd:netcat-openbsd iptables:iptables; do
        cmd=${spec%%:*}
        command -v "$cmd" >/dev/null 2>&1 || need+=("${spec#*:}")
    done
    if ! [[ -x $PY ]] || ! "$PY" -c 'import scapy' 2>/dev/null; then
        need+=(python3 python3-scapy)
    fi
    if ((${#need[@]})); then
        mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
        log "installing missing packages: ${need[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
}

# ---------------------------------------------------------------- teardown
BG_PIDS=()
WORK=
teardown() {
    local pid ns
    for pid in "${BG_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${BG_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    BG_PIDS=()
    for ns in "$DEV_NS" "$COL_NS"; do
        if ip netns list | grep -qx "$ns\( .*\)\?"; then
            # Leftovers of an aborted earlier run of a lab script.
            for pid in $(ip netns pids "$ns" 2>/dev/null); do
                kill "$pid" 2>/dev/null || true
            done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
    rm -f "$NETNS_ETC/resolv.conf"
    rmdir "$NETNS_ETC" 2>/dev/null || true
    rmdir /etc/netns 2>/dev/null || true
}
on_exit() {
    local rc=$?
    set +e
    # A signal can arrive while a command runs with stderr redirected
    # (e.g. 2>/dev/null): get the script's own stderr back.
    exec 2>&9
    teardown
    [[ -n $WORK ]] && rm -rf "$WORK"
    if ((rc != 0)); then
        log "FAILED (exit $rc); namespaces removed, testdata/captures/ left unchanged"
    fi
    exit "$rc"
}

lab_init() {
    if [[ $(id -u) -ne 0 ]]; then
        echo "$LAB_NAME: must be run as root (it creates network namespaces): sudo tools/$LAB_NAME" >&2
        exit 1
    fi
    exec 9>&2 # the script's stderr, for on_exit
    trap on_exit EXIT
    trap 'exit 130' INT TERM HUP
    ensure_packages
    teardown # leftovers of an interrupted earlier run
    WORK=$(mktemp -d "/tmp/$LAB_NAME.XXXXXX")
    mkdir -p "$WORK/captures"
}

# --------------------------------------------------------------- helpers
# Wait until FILE contains PATTERN while process PID is alive.
wait_for() {
    local file=$1 pattern=$2 pid=$3 i
    for ((i = 0; i < 200; i++)); do
        grep -q -- "$pattern" "$file" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || {
            cat "$file" >&2
            die "process $pid died before printing '$pattern'"
        }
        sleep 0.05
    done
    cat "$file" >&2
    die "timed out waiting for '$pattern' in $file"
}

# Run a client command in the device namespace. unshare --uts gives it its own
# dot-less hostname, so glibc's resolver never appends a search domain taken
# from the host's name (which would add extra DNS queries to the captures).
dev_run() {
    ip netns exec "$DEV_NS" unshare --uts sh -c 'echo pcd-device >/proc/sys/kernel/hostname && exec "$@"' sh "$@"
}

# dev_nc ARGS...: netcat-openbsd in the device namespace; stdin is what it sends.
dev_nc() {
    dev_run timeout 15 nc.openbsd "$@"
}

CAP_PIDS=()
# start_tcpdump FILE ARGS...: tcpdump in the device namespace, wait until it listens.
start_tcpdump() {
    local file=$1 pid
    shift
    # -Z root: do not drop to the tcpdump user (the output dir is root-only).
    # --immediate-mode: hand each packet to tcpdump at once; otherwise packets
    # still in libpcap's TPACKET_V3 ring block are lost when it is stopped.
    # Empty the log first: a log left by an earlier capture of the same name would otherwise
    # satisfy wait_for before tcpdump has truncated it.
    : >"$file.log"
    ip netns exec "$DEV_NS" tcpdump -Z root --immediate-mode -U -s 0 -w "$file" "$@" 2>"$file.log" &
    pid=$!
    BG_PIDS+=("$pid")
    CAP_PIDS+=("$pid")
    wait_for "$file.log" 'listening on' "$pid"
}
# start_dumpcap FILE IFACE: dumpcap (pcapng) in the device namespace.
start_dumpcap() {
    local file=$1 iface=$2 pid
    : >"$file.log"
    ip netns exec "$DEV_NS" dumpcap -i "$iface" -s 0 -w "$file" 2>"$file.log" &
    pid=$!
    BG_PIDS+=("$pid")
    CAP_PIDS+=("$pid")
    wait_for "$file.log" 'Capturing on' "$pid"
    sleep 0.2
}
stop_captures() {
    local pid
    sleep 0.5
    for pid in "${CAP_PIDS[@]}"; do
        kill -INT "$pid"
    done
    for pid in "${CAP_PIDS[@]}"; do
        wait "$pid" || die "capture process $pid exited with status $?"
    done
    CAP_PIDS=()
}

# -------------------------------------------------------------- network
setup_network() {
    local ns
    ip netns add "$DEV_NS"
    ip netns add "$COL_NS"
    for ns in "$DEV_NS" "$COL_NS"; do
        # Before the veth exists, so its per-interface settings inherit them:
        # no duplicate address detection delay, no router solicitations.
        ip netns exec "$ns" sysctl -qw \
            net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv6.conf.all.router_solicitations=0 net.ipv6.conf.default.router_solicitations=0
        ip -n "$ns" link set lo up
    done
    ip link add "$DEV_IF" address "$DEV_MAC" netns "$DEV_NS" type veth \
        peer name "$COL_IF" address "$COL_MAC" netns "$COL_NS"
    ip -n "$DEV_NS" addr add "$DEV4/24" dev "$DEV_IF"
    ip -n "$DEV_NS" addr add "$DEV6/64" dev "$DEV_IF" nodad
    ip -n "$COL_NS" addr add "$COL4/24" dev "$COL_IF"
    ip -n "$COL_NS" addr add "$COL6/64" dev "$COL_IF" nodad
    # Static neighbours: no ARP / neighbour discovery in the captures.
    ip -n "$DEV_NS" neigh replace "$COL4" lladdr "$COL_MAC" dev "$DEV_IF" nud permanent
    ip -n "$DEV_NS" neigh replace "$COL6" lladdr "$COL_MAC" dev "$DEV_IF" nud permanent
    ip -n "$COL_NS" neigh replace "$DEV4" lladdr "$DEV_MAC" dev "$COL_IF" nud permanent
    ip -n "$COL_NS" neigh replace "$DEV6" lladdr "$DEV_MAC" dev "$COL_IF" nud permanent
    ip -n "$DEV_NS" link set "$DEV_IF" up
    ip -n "$COL_NS" link set "$COL_IF" up
    LINK_UP=$SECONDS

    # `ip netns exec pcd-device` bind-mounts this over /etc/resolv.conf.
    mkdir -p "$NETNS_ETC"
    printf 'nameserver %s\n' "$COL4" >"$NETNS_ETC/resolv.conf"
}

# start_dnsmasq [OPTION...]: dnsmasq in the collector namespace, with the
# extra options (e.g. more --address=/NAME/ADDR) after the common ones.
start_dnsmasq() {
    local pid
    # DNS: no upstream, no /etc/hosts. --local=/test/ makes dnsmasq answer
    # NXDOMAIN for other names under .test (without it: REFUSED).
    ip netns exec "$COL_NS" dnsmasq --keep-in-foreground --conf-file=/dev/null \
        --no-resolv --no-hosts --bind-interfaces \
        --listen-address="$COL4" --listen-address="$COL6" \
        --local=/test/ \
        --address=/collector.test/"$COL4" --address=/collector.test/"$COL6" \
        "$@" \
        --pid-file= --log-queries --log-facility=- 2>"$WORK/dnsmasq.log" &
    pid=$!
    BG_PIDS+=("$pid")
    wait_for "$WORK/dnsmasq.log" 'started, version' "$pid"
}

COLLECTOR_PID=
# start_collector [OPTION...]: tools/captures/collector.py on $PORT in the
# collector namespace. stop_collector ends it (to start it in another mode).
# shellcheck disable=SC2120 # lab_up starts it plain, other scripts with options
start_collector() {
    ip netns exec "$COL_NS" "$PY" "$HELPERS/collector.py" "$PORT" "$@" >"$WORK/collector.log" 2>&1 &
    COLLECTOR_PID=$!
    BG_PIDS+=("$COLLECTOR_PID")
    wait_for "$WORK/collector.log" 'collector listening' "$COLLECTOR_PID"
}
stop_collector() {
    local pid rest=()
    kill "$COLLECTOR_PID"
    wait "$COLLECTOR_PID" 2>/dev/null || true
    for pid in "${BG_PIDS[@]}"; do
        [[ $pid == "$COLLECTOR_PID" ]] || rest+=("$pid")
    done
    BG_PIDS=("${rest[@]}")
    COLLECTOR_PID=
}

# dns_check SERVER NAME QTYPE RCODE [ADDRESS]: one query from the device
# namespace (tools/captures/dns_check.py), fails unless the answer fits.
dns_check() {
    ip netns exec "$DEV_NS" "$PY" "$HELPERS/dns_check.py" "$@"
}

# lab_up: network, dnsmasq (with DNSMASQ_OPTIONS), collector; checks that DNS
# answers, then waits until the link is quiet.
DNSMASQ_OPTIONS=()
lab_up() {
    log "setting up namespaces $DEV_NS and $COL_NS"
    setup_network
    start_dnsmasq "${DNSMASQ_OPTIONS[@]}"
    # shellcheck disable=SC2119 # the collector's default mode
    start_collector

    log "checking DNS answers"
    dns_check "$COL4" collector.test A 0 "$COL4" || die "dnsmasq: collector.test A"
    dns_check "$COL4" collector.test AAAA 0 "$COL6" || die "dnsmasq: collector.test AAAA"
    dns_check "$COL4" nosuch.test A 3 || die "dnsmasq: nosuch.test must be NXDOMAIN"
    dns_check "$COL6" nosuch.test AAAA 3 || die "dnsmasq (IPv6): nosuch.test must be NXDOMAIN"

    # IPv6 sends its MLD reports during the first ~1.5 s after link-up;
    # let them pass so they do not end up in the first capture.
    while ((SECONDS - LINK_UP < 3)); do sleep 0.2; done
}

# --------------------------------------------------------------- checks
# analyse FILE: one tshark pass over the capture. Prints three lines:
#  1. one token per packet: direction (c = from the device, s = from the
#     collector), then "dns-q-TYPE", "dns-r-TYPE-rcN-anN", or the TCP flags
#     plus payload length ("S", "SA", "PA5", "FA", "R", ...); any other
#     packet: its protocol name;
#  2. counters: key=value ...
#  3. the TCP payloads in order, each as direction:hex ("c:686f67650a"), or "-".
analyse() {
    tshark -r "$1" -T fields -E separator='|' -E occurrence=f \
        -e ip.src -e ipv6.src -e dns.flags.response -e dns.qry.type -e dns.flags.rcode \
        -e dns.count.answers -e tcp.flags -e tcp.len -e _ws.col.Protocol \
        -e tcp.srcport -e tcp.dstport -e tcp.payload >"$1.fields" 2>"$1.tshark-err" || {
        cat "$1.tshark-err" >&2
        return 1
    }
    awk -F'|' -v dev4="$DEV4" -v dev6="$DEV6" '
        function hex(s, i, v) {
            s = tolower(s); sub(/^0x/, "", s); v = 0
            for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
            return v
        }
        function flags(v, r) {
            r = ""
            if (int(v / 2) % 2) r = r "S"
            if (v % 2) r = r "F"
            if (int(v / 4) % 2) r = r "R"
            if (int(v / 8) % 2) r = r "P"
            if (int(v / 16) % 2) r = r "A"
            return r
        }
        BEGIN { rst = tcp = tcp4 = tcp6 = nx = 0; sport = "-"; payloads = "" }
        {
            src = ($1 != "") ? $1 : $2
            d = (src == dev4 || src == dev6) ? "c" : "s"
            if ($4 != "") {
                t = ($4 == "1") ? "A" : ($4 == "28") ? "AAAA" : $4
                if ($3 == "1" || $3 == "True") tok = "dns-r-" t "-rc" $5 "-an" $6
                else tok = "dns-q-" t
                if ($5 == "3") nx++
            } else if ($7 != "") {
                f = flags(hex($7))
                tok = f (($8 > 0) ? $8 : "")
                tcp++
                if ($1 != "") tcp4++; else tcp6++
                if (f ~ /R/) rst++
                if (f == "S" && sport == "-") sport = $10
                if ($12 != "") payloads = payloads (payloads != "" ? " " : "") d ":" $12
            } else {
                tok = $9
            }
            line = line (NR > 1 ? " " : "") d ":" tok
        }
        END {
            print line
            printf "rst=%d tcp=%d tcp4=%d tcp6=%d nxdomain=%d sport=%s\n", rst, tcp, tcp4, tcp6, nx, sport
            print (payloads != "" ? payloads : "-")
        }' "$1.fields"
}

# read_captures: analyse every capture in $WORK/captures into SEQ, STATS and
# PAYLOADS (keyed by file name).
declare -A SEQ STATS PAYLOADS
FAILS=0
read_captures() {
    local f n out
    log "verifying captures with tshark"
    for f in "$WORK"/captures/*.pcap "$WORK"/captures/*.pcapng; do
        [[ -e $f ]] || continue
        n=$(basename "$f")
        if out=$(analyse "$f"); then
            SEQ[$n]=$(sed -n 1p <<<"$out")
            STATS[$n]=$(sed -n 2p <<<"$out")
            PAYLOADS[$n]=$(sed -n 3p <<<"$out")
            log "  read: $n: ${SEQ[$n]}"
        else
            check "$n: readable by tshark" false
        fi
    done
}
check() { # DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        log "  ok: $what"
    else
        log "  FAIL: $what"
        FAILS=$((FAILS + 1))
    fi
}
# printable STRING: the string, or bash's $'...' quoting of it when it holds
# control characters (which must not reach the terminal raw).
printable() {
    if [[ $1 == *[[:cntrl:]]* ]]; then printf '%q' "$1"; else printf '%s' "$1"; fi
}
seq_is() { # NAME REGEX
    [[ ${SEQ[$1]} =~ $2 ]] && return 0
    log "    got:      ${SEQ[$1]}"
    log "    expected: $2"
    return 1
}
counter() { # NAME KEY
    local kv
    for kv in ${STATS[$1]}; do
        [[ $kv == "$2="* ]] && echo "${kv#*=}"
    done
}
payload_count() { # NAME DIRECTION:HEX: how many TCP segments carry exactly that payload
    local p n=0
    for p in ${PAYLOADS[$1]}; do
        [[ $p == "$2" ]] && n=$((n + 1))
    done
    echo "$n"
}
eq() {
    [[ $1 == "$2" ]] && return 0
    log "    got '$(printable "$1")', expected '$(printable "$2")'"
    return 1
}
# hex STRING: its bytes as lowercase hex, as tshark prints tcp.payload.
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
filetype() { capinfos -t "$1" 2>/dev/null | sed -n 's/^File type: *//p'; }
encap() { capinfos -E "$1" 2>/dev/null | sed -n 's/^File encapsulation: *//p'; }

# keep_failed: copy the captures of a failed verification where they can be
# inspected, and fail.
keep_failed() {
    local keep
    keep=$(mktemp -d "/tmp/$LAB_NAME-failed.XXXXXX")
    cp "$WORK"/captures/*.pcap* "$keep"/
    die "$FAILS check(s) failed; the failed captures are in $keep"
}

# install_captures: copy the captures of this run to testdata/captures/,
# replacing files of the same name; other files there are left alone.
install_captures() {
    local S=$WORK/captures owner f n=0
    mkdir -p "$OUT"
    owner=$(stat -c %u:%g "$ROOT")
    chown "$owner" "$OUT"
    for f in "$S"/*.pcap "$S"/*.pcapng; do
        [[ -e $f ]] || continue
        cp "$f" "$OUT"/
        chmod 0644 "$OUT/$(basename "$f")"
        chown "$owner" "$OUT/$(basename "$f")"
        n=$((n + 1))
    done
    log "wrote $n captures to testdata/captures/ in ${SECONDS}s"
}
