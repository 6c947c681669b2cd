#!/usr/bin/python3
"""Tiny TCP "collector" used by tools/make-captures and tools/make-hostile-captures.

usage: collector.py [PORT] [--reject-control]

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
"""
import socket
import sys
import threading
import time

CLOSE_DELAY = 0.1
REJECT_REPLY = b"<b>500</b>\x1b[5m\n"


def has_control(line):
    return any((b < 0x20 and b not in b"\t\r\n") or b == 0x7F for b in line)


def handle(conn, reject_control):
    with conn:
        conn.settimeout(5)
        data = b""
        try:
            while b"\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            line = data.split(b"\n", 1)[0]
            conn.sendall(REJECT_REPLY if reject_control and has_control(line) else b"201\n")
            time.sleep(CLOSE_DELAY)
        except OSError:
            return


def main():
    args = sys.argv[1:]
    reject_control = "--reject-control" in args
    args = [a for a in args if a != "--reject-control"]
    port = int(args[0]) if args else 8514
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    srv.bind(("::", port))
    srv.listen(16)
    mode = " (rejecting control characters)" if reject_control else ""
    print(f"collector listening on [::]:{port}{mode}", flush=True)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=handle, args=(conn, reject_control), daemon=True).start()


if __name__ == "__main__":
    main()
