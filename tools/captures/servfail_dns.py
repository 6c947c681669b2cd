#!/usr/bin/python3
"""A DNS server that answers every query with SERVFAIL (rcode 2).

Used by tools/make-hint-captures as the upstream server of dnsmasq for
servfail.pcap: dnsmasq forwards the device's query for collector.test here
and passes the SERVFAIL on to the device, as a resolver does when the
servers behind it fail.

usage: servfail_dns.py ADDRESS PORT

Each answer repeats the query's ID, opcode, RD bit and question, sets QR
and RA, and has no answer, authority or additional records. Anything that
is not a query with one well-formed question is ignored.
"""
import socket
import struct
import sys

from dns_question import parse_question

SERVFAIL = 2


def answer(msg):
    if len(msg) < 12:
        return None
    qid, flags, qdcount = struct.unpack("!HHH", msg[:6])
    if flags & 0x8000 or qdcount != 1:
        return None
    question = parse_question(msg)
    if question is None:
        return None
    end = question[2]
    # QR, the query's opcode and RD, RA, rcode SERVFAIL.
    flags = 0x8000 | (flags & 0x7900) | 0x0080 | SERVFAIL
    return struct.pack("!HHHHHH", qid, flags, 1, 0, 0, 0) + msg[12:end]


def main():
    address, port = sys.argv[1], int(sys.argv[2])
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.bind((address, port))
        print(f"servfail_dns listening on {address}#{port}", flush=True)
        while True:
            msg, peer = s.recvfrom(4096)
            reply = answer(msg)
            if reply is not None:
                s.sendto(reply, peer)


if __name__ == "__main__":
    main()
