#!/usr/bin/python3
"""Scapy raw-socket TCP client used by tools/make-captures and
tools/make-failure-captures.

Does the same exchange as `printf 'hoge\\n' | nc -4 collector.test 8514`,
but builds every TCP segment itself with Scapy and sends it through a raw
IP socket (scapy's L3RawSocket), so the kernel of this host knows nothing
about the connection.

  1. resolve the name with socket.getaddrinfo (a real DNS A query through
     the system resolver),
  2. SYN from a random ephemeral port, wait for the SYN-ACK,
  3. ACK, then PSH/ACK "hoge\\n",
  4. ACK the server's data, and when the server's FIN arrives answer with
     FIN/ACK (the same order as nc: server closes first, the client's ACK
     of the data is a separate segment, its FIN also acks the server's FIN),
  5. wait for the server's last ACK.

Without help the local kernel answers the SYN-ACK with a RST (it never
opened that connection) and the exchange fails: the client then still
sends its ACK and data, which the server answers with RST. With an
iptables rule that drops those kernel RSTs it completes.

With --bad-handshake-ack (tools/make-failure-captures), the third packet
of the handshake is wrong: its acknowledgment number is the SYN-ACK's
sequence number itself instead of that number + 1 (it acknowledges
nothing the server sent, one less than it should), and every later
segment carries the same wrong number. The client carries on as usual and
sends "hoge\n" right after that ACK, then listens for BAD_ACK_WAIT
seconds (a fixed time: arrivals do not extend it), answers nothing it
receives (neither the server's RSTs nor a retransmitted SYN-ACK), and gives
up: exit status 2 if the server sent a RST, 1 if not. It never sends a FIN.

Exit status: 0 = got "201" and closed cleanly, 2 = connection reset,
1 = anything else (timeout, resolution failure).
"""
import argparse
import random
import select
import socket
import sys
import time

from scapy.config import conf
from scapy.layers.inet import IP, TCP
from scapy.supersocket import L3RawSocket

conf.verb = 0

BAD_ACK_WAIT = 1.5  # --bad-handshake-ack: how long to listen after the data


def log(msg):
    print(f"raw_client: {msg}", file=sys.stderr, flush=True)


class Conn:
    def __init__(self, sock, src, dst, sport, dport):
        self.sock = sock
        self.src, self.dst = src, dst
        self.sport, self.dport = sport, dport
        self.seq = random.randint(0, 2**32 - 1)  # our next sequence number
        self.ack = 0  # next sequence number expected from the server
        self.ip_id = random.randint(0, 0xFFFF)

    def send(self, flags, payload=b"", options=None):
        self.ip_id = (self.ip_id + 1) & 0xFFFF
        pkt = IP(src=self.src, dst=self.dst, id=self.ip_id, flags="DF") / TCP(
            sport=self.sport,
            dport=self.dport,
            flags=flags,
            seq=self.seq,
            ack=self.ack if "A" in flags else 0,
            window=64240,
            options=options or [],
        )
        if payload:
            pkt = pkt / payload
        self.sock.send(pkt)
        self.seq = (self.seq + len(payload) + (1 if ("S" in flags or "F" in flags) else 0)) & 0xFFFFFFFF

    def recv(self, timeout):
        """Next TCP segment of this connection from the server, or None."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.sock.ins], [], [], left)
            if not r:
                return None
            pkt = self.sock.recv()
            if pkt is None or IP not in pkt or TCP not in pkt:
                continue
            ip, tcp = pkt[IP], pkt[TCP]
            if ip.src == self.dst and ip.dst == self.src and tcp.sport == self.dport and tcp.dport == self.sport:
                return tcp


def bad_handshake_ack(c, synack, message):
    """--bad-handshake-ack: the handshake's ACK acknowledges synack.seq, not synack.seq + 1."""
    c.ack = synack.seq
    c.send("A")
    c.send("PA", payload=message)
    log(f"sent the handshake ACK and the data with ack={c.ack} (the SYN-ACK's seq, not seq + 1)")
    reset = False
    deadline = time.monotonic() + BAD_ACK_WAIT
    while True:
        seg = c.recv(deadline - time.monotonic())
        if seg is None:
            break
        log(f"server sent {seg.flags} seq={seg.seq} ack={seg.ack} len={len(bytes(seg.payload))}")
        if seg.flags.R:
            reset = True
    log("giving up")
    return 2 if reset else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("--iface", required=True, help="interface to receive on")
    ap.add_argument("--src", required=True, help="local IPv4 address")
    ap.add_argument("--message", default="hoge\n")
    ap.add_argument("--timeout", type=float, default=3.0)
    ap.add_argument(
        "--bad-handshake-ack",
        action="store_true",
        help="acknowledge the SYN-ACK with its own sequence number (not + 1), then send the data anyway",
    )
    args = ap.parse_args()

    # Real DNS query (A record) through the system resolver.
    infos = socket.getaddrinfo(args.host, args.port, socket.AF_INET, socket.SOCK_STREAM)
    dst = infos[0][4][0]
    log(f"{args.host} -> {dst}")

    sock = L3RawSocket(iface=args.iface)
    sport = random.randint(32768, 60999)
    c = Conn(sock, args.src, dst, sport, args.port)

    # Handshake.
    c.send("S", options=[("MSS", 1460)])
    synack = c.recv(args.timeout)
    if synack is None:
        log("no SYN-ACK")
        return 1
    if synack.flags.R:
        log("connection refused (RST)")
        return 2
    if not (synack.flags.S and synack.flags.A):
        log(f"unexpected reply {synack.flags}")
        return 1
    if args.bad_handshake_ack:
        return bad_handshake_ack(c, synack, args.message.encode())
    c.ack = (synack.seq + 1) & 0xFFFFFFFF
    c.send("A")
    c.send("PA", payload=args.message.encode())

    # Read until the server has closed (FIN) or reset.
    data = b""
    reset = False
    got_fin = False
    while not got_fin:
        seg = c.recv(args.timeout)
        if seg is None:
            log("timeout waiting for the server")
            break
        if seg.flags.R:
            log(f"server sent RST (seq={seg.seq})")
            reset = True
            break
        payload = bytes(seg.payload)
        if payload and seg.seq == c.ack:
            data += payload
            c.ack = (c.ack + len(payload)) & 0xFFFFFFFF
            if not seg.flags.F:
                # nc's kernel acks the data at once, as a separate segment.
                c.send("A")
        if seg.flags.F and seg.seq + len(payload) == c.ack:
            c.ack = (c.ack + 1) & 0xFFFFFFFF
            got_fin = True
            if payload:
                c.send("A")

    if reset:
        # The connection is gone; wait briefly for more RSTs so they show up in the capture.
        while c.recv(0.3) is not None:
            pass
        return 2
    if not got_fin:
        return 1

    # Our own close: FIN that also acks the server's FIN.
    c.send("FA")
    last = c.recv(args.timeout)
    if last is None or not last.flags.A or last.ack != c.seq:
        log("no final ACK from the server")
        return 1
    sys.stdout.write(data.decode(errors="replace"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
