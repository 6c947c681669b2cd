#!/usr/bin/python3
"""A tiny authoritative DNS server whose answers can be held back by type.

Used by tools/make-variant-captures for dns-parallel-1.pcap and
dns-parallel-2.pcap, in place of dnsmasq: glibc's resolver sends its A and
AAAA queries together on one socket, and this server decides in which order
the two answers go out, so that two good runs really differ in the order of
the DNS packets on the wire.

usage: delay_dns.py ADDRESS PORT [--delay-a MS] [--delay-aaaa MS]

Answers collector.test A with 192.0.2.1 and AAAA with 2001:db8:1::1 (TTL 0,
as dnsmasq's --address does), every other name with NXDOMAIN, and other
query types of collector.test with no records (NOERROR). An answer to an A
(AAAA) query is sent --delay-a (--delay-aaaa) milliseconds after the query
arrived; the default is 0, at once. Each answer repeats the query's ID, RD
bit and question, sets QR, AA and RA, and has one answer record (a pointer
to the question's name) or none, no authority, no additional records and no
EDNS. Anything that is not a query with one well-formed question is
ignored. One line per query and per answer goes to stdout, with the time
since start.
"""
import heapq
import ipaddress
import select
import socket
import struct
import sys
import time

from dns_question import parse_question

NAME = "collector.test"
RECORDS = {1: ipaddress.ip_address("192.0.2.1").packed, 28: ipaddress.ip_address("2001:db8:1::1").packed}
TYPE_NAMES = {1: "A", 28: "AAAA"}
NXDOMAIN = 3


def answer(msg):
    """(qtype, the answer) for a query, or None."""
    if len(msg) < 12:
        return None
    qid, flags, qdcount = struct.unpack("!HHH", msg[:6])
    if flags & 0x8000 or (flags >> 11) & 0xF or qdcount != 1:
        return None
    q = parse_question(msg)
    if q is None:
        return None
    name, qtype, end = q
    rcode, records = 0, b""
    if name != NAME:
        rcode = NXDOMAIN
    elif qtype in RECORDS:
        rdata = RECORDS[qtype]
        records = struct.pack("!HHHIH", 0xC00C, qtype, 1, 0, len(rdata)) + rdata
    # QR, AA, the query's RD, RA, rcode.
    flags = 0x8000 | 0x0400 | (flags & 0x0100) | 0x0080 | rcode
    head = struct.pack("!HHHHHH", qid, flags, 1, 1 if records else 0, 0, 0)
    return qtype, head + msg[12:end] + records


def main():
    args = sys.argv[1:]
    delays = {1: 0.0, 28: 0.0}
    rest = []
    while args:
        a = args.pop(0)
        if a in ("--delay-a", "--delay-aaaa") and args:
            delays[1 if a == "--delay-a" else 28] = float(args.pop(0)) / 1000
        else:
            rest.append(a)
    if len(rest) != 2:
        sys.exit(__doc__.split("\n\n")[2])
    address, port = rest[0], int(rest[1])
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    start = time.monotonic()
    pending = []  # (due, sequence number, reply, peer, type name)
    seq = 0
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.bind((address, port))
        print(
            f"delay_dns listening on {address}#{port} (A after {delays[1] * 1000:g} ms, "
            f"AAAA after {delays[28] * 1000:g} ms)",
            flush=True,
        )
        while True:
            now = time.monotonic()
            while pending and pending[0][0] <= now:
                _, _, reply, peer, tname = heapq.heappop(pending)
                s.sendto(reply, peer)
                print(f"{now - start:9.4f} answer {tname} to {peer[0]}#{peer[1]}", flush=True)
            timeout = max(0.0, pending[0][0] - now) if pending else None
            ready, _, _ = select.select([s], [], [], timeout)
            if not ready:
                continue
            msg, peer = s.recvfrom(4096)
            now = time.monotonic()
            r = answer(msg)
            if r is None:
                continue
            qtype, reply = r
            tname = TYPE_NAMES.get(qtype, str(qtype))
            print(f"{now - start:9.4f} query {tname} from {peer[0]}#{peer[1]}", flush=True)
            seq += 1
            heapq.heappush(pending, (now + delays.get(qtype, 0.0), seq, reply, peer, tname))


if __name__ == "__main__":
    main()
