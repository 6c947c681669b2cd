#!/usr/bin/python3
"""Tiny TCP "collector" used by tools/make-captures, tools/make-hostile-captures,
tools/make-hint-captures and tools/make-failure-captures.

usage: collector.py [PORT] [--reject-control | --reset | --sink | --stall | --silent | --udp]

Listens on PORT (IPv4 and IPv6, one dual-stack socket), and for every
connection: reads one line, answers "201\n", then closes the connection,
so the server is the side that sends FIN first.

With --reject-control, a line that holds a control character (a byte below
0x20 other than tab and CR, or DEL, before its newline) is answered with
REJECT_REPLY instead: an error that is itself hostile to whoever displays it
(HTML markup and the blink escape sequence). Lines without control
characters still get "201\n".

It waits CLOSE_DELAY seconds between the answer and the close, so that the
client has acknowledged "201" before the FIN arrives whatever the client is
(the kernel for nc, a slow user-space Scapy loop for raw_client.py): the
packet order is then the same for both.

The other modes are failures for tools/make-hint-captures:

--reset   reads one line like the default mode, then aborts the connection
          instead of answering: SO_LINGER {on, 0 s} and close, so the
          kernel sends a RST (RST-ACK) where the answer would be.
--sink    bulk receiver: reads everything until the client's EOF (its FIN),
          then answers the number of bytes read as decimal digits and a
          newline ("200000\n"), waits CLOSE_DELAY and closes.
--stall   a receiver that never reads: the listening socket gets
          SO_RCVBUF = STALL_RCVBUF before listen() (accepted connections
          inherit it, and the window in the SYN-ACK already fits it), and
          each accepted connection is held open, unread, for STALL_HOLD
          seconds, then closed. A client that keeps sending fills the
          small buffer, the window goes to zero, and the client sends
          zero-window probes.

Two more for tools/make-failure-captures:

--silent  reads one line like the default mode (the kernel acknowledges
          it), then never writes: it goes on reading and discarding until
          the client's EOF (its FIN) and only then closes, so the server's
          FIN answers the client's. A connection whose client neither
          sends nor closes is closed after SILENT_HOLD seconds.
--udp     no TCP at all: one dual-stack UDP socket on PORT. Every
          datagram that holds a line (a newline) is answered with one
          datagram "201\n" to its sender; other datagrams get no answer.
"""
import socket
import struct
import sys
import threading
import time

CLOSE_DELAY = 0.1
REJECT_REPLY = b"<b>500</b>\x1b[5m\n"
STALL_RCVBUF = 8192  # the kernel doubles it
STALL_HOLD = 60
SILENT_HOLD = 60
NEW_MODES = {
    "--reset": " (resetting after the line)",
    "--sink": " (sink: reading until EOF, answering the byte count)",
    "--stall": " (stalling: never reading)",
    "--silent": " (silent: reading, never answering, closing after the client)",
    "--udp": " (UDP: answering every line with 201)",
}


def has_control(line):
    return any((b < 0x20 and b not in b"\t\r\n") or b == 0x7F for b in line)


def read_line(conn):
    """The first line the client sends (without its newline), or None if it closes first."""
    data = b""
    while b"\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return None
        data += chunk
    return data.split(b"\n", 1)[0]


def handle(conn, reject_control):
    with conn:
        conn.settimeout(5)
        try:
            line = read_line(conn)
            if line is None:
                return
            conn.sendall(REJECT_REPLY if reject_control and has_control(line) else b"201\n")
            time.sleep(CLOSE_DELAY)
        except OSError:
            return


def handle_reset(conn):
    with conn:
        conn.settimeout(5)
        try:
            if read_line(conn) is None:
                return
            # Linger on with a zero timeout: close() aborts with a RST.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            return


def handle_sink(conn):
    with conn:
        conn.settimeout(30)
        count = 0
        try:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                count += len(chunk)
            conn.sendall(b"%d\n" % count)
            time.sleep(CLOSE_DELAY)
        except OSError:
            return


def handle_stall(conn):
    with conn:
        time.sleep(STALL_HOLD)


def handle_silent(conn):
    with conn:
        conn.settimeout(SILENT_HOLD)
        try:
            if read_line(conn) is None:
                return
            # Never answer: read (and drop) until the client's EOF, then close.
            while conn.recv(4096):
                pass
        except OSError:
            return


def serve_udp(port):
    srv = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    srv.bind(("::", port))
    print(f"collector listening on [::]:{port}{NEW_MODES['--udp']}", flush=True)
    while True:
        data, addr = srv.recvfrom(65535)
        if b"\n" in data:
            srv.sendto(b"201\n", addr)


def main():
    args = sys.argv[1:]
    new_mode = next((a for a in args if a in NEW_MODES), None)
    if new_mode:
        args = [a for a in args if a != new_mode]
        if "--reject-control" in args or any(a in NEW_MODES for a in args):
            sys.exit("collector.py: one mode at most")
    reject_control = "--reject-control" in args
    args = [a for a in args if a != "--reject-control"]
    port = int(args[0]) if args else 8514
    if new_mode == "--udp":
        serve_udp(port)
        return
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    if new_mode == "--stall":
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, STALL_RCVBUF)
    srv.bind(("::", port))
    srv.listen(16)
    mode = " (rejecting control characters)" if reject_control else ""
    if new_mode:
        mode = NEW_MODES[new_mode]
    print(f"collector listening on [::]:{port}{mode}", flush=True)
    while True:
        conn, _ = srv.accept()
        if new_mode == "--reset":
            target, targs = handle_reset, (conn,)
        elif new_mode == "--sink":
            target, targs = handle_sink, (conn,)
        elif new_mode == "--stall":
            target, targs = handle_stall, (conn,)
        elif new_mode == "--silent":
            target, targs = handle_silent, (conn,)
        else:
            target, targs = handle, (conn, reject_control)
        threading.Thread(target=target, args=targs, daemon=True).start()


if __name__ == "__main__":
    main()
