#!/usr/bin/python3
"""Ask a DNS server one question over UDP and check the answer's rcode.

Used by tools/make-captures to make sure dnsmasq answers before any capture
starts, and that an unknown name gets NXDOMAIN (rcode 3), not REFUSED (5) or
SERVFAIL (2). tools/make-hostile-captures also uses it, while tcpdump runs,
as the client that looks up names the system resolver refuses.

usage: dns_check.py SERVER NAME QTYPE RCODE [ADDRESS]
"""
import socket
import sys

from scapy.layers.dns import DNS, DNSQR

RCODES = {0: "NOERROR", 2: "SERVFAIL", 3: "NXDOMAIN", 5: "REFUSED"}


def main():
    server, name, qtype, want_rcode = sys.argv[1:5]
    want_addr = sys.argv[5] if len(sys.argv) > 5 else None
    # For messages: the name may hold control characters (tools/make-hostile-captures).
    shown = name.encode("unicode_escape").decode("ascii")
    family = socket.AF_INET6 if ":" in server else socket.AF_INET
    query = DNS(id=0x4242, rd=1, qd=DNSQR(qname=name, qtype=qtype))
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.settimeout(2)
        for _ in range(3):
            s.sendto(bytes(query), (server, 53))
            try:
                data, _ = s.recvfrom(4096)
                break
            except socket.timeout:
                continue
        else:
            print(f"dns_check: no answer from {server} for {shown} {qtype}", file=sys.stderr)
            return 1
    reply = DNS(data)
    addrs = [str(reply.an[i].rdata) for i in range(reply.ancount)] if reply.ancount else []
    got = f"{RCODES.get(reply.rcode, reply.rcode)} {addrs}"
    ok = reply.rcode == int(want_rcode) and (want_addr is None or want_addr in addrs)
    print(f"dns_check: {shown} {qtype} @{server}: {got}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
