#!/usr/bin/python3
"""Tiny TCP "collector" used by tools/make-captures.

Listens on PORT (IPv4 and IPv6, one dual-stack socket), and for every
connection: reads one line, answers "201\n", then closes the connection,
so the server is the side that sends FIN first.

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


def handle(conn):
    with conn:
        conn.settimeout(5)
        data = b""
        try:
            while b"\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            conn.sendall(b"201\n")
            time.sleep(CLOSE_DELAY)
        except OSError:
            return


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8514
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    srv.bind(("::", port))
    srv.listen(16)
    print(f"collector listening on [::]:{port}", flush=True)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
