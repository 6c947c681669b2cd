#!/usr/bin/python3
"""A user-space 802.1Q tagging relay between two interfaces (AF_PACKET).

Used by tools/make-variant-captures for good-nc-vlan.pcap: the lab's kernel
has no 8021q module, so `ip link add ... type vlan` fails. Two of these
relays make a tagged segment between the device and the collector:

    device --- relay A ===(tagged veth)=== relay B --- collector

usage: vlan_relay.py --vid VID UNTAGGED_IF TAGGED_IF

Every Ethernet frame that arrives on UNTAGGED_IF is sent on TAGGED_IF with
an 802.1Q header (TPID 0x8100, priority 0, DEI 0, VLAN id VID) inserted
after the two MAC addresses. Every frame that arrives on TAGGED_IF with VLAN
id VID is sent on UNTAGGED_IF without its tag; other frames that arrive
there (untagged, or another VLAN id) are dropped and counted. The frames
are otherwise passed on byte for byte: the relay is a wire, not a bridge,
and sends nothing of its own.

The kernel takes a received frame's 802.1Q header off before an AF_PACKET
socket sees the frame and reports it in the PACKET_AUXDATA control message
instead (as it does for a capture: libpcap puts it back); a tag still in
the frame is read as well. Frames the relay itself sends (PACKET_OUTGOING)
are not read back.

It prints "vlan_relay listening" when both sockets are ready, and on
SIGTERM or SIGINT how many frames it relayed each way and how many it
dropped.
"""
import select
import signal
import socket
import struct
import sys

ETH_P_ALL = 0x0003
TPID = 0x8100
SOL_PACKET = 263
PACKET_AUXDATA = 8
PACKET_OUTGOING = 4
TP_STATUS_VLAN_VALID = 1 << 4
TP_STATUS_VLAN_TPID_VALID = 1 << 6
AUXDATA = struct.Struct("IIIHHHH")  # struct tpacket_auxdata


def open_socket(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
    s.bind((ifname, ETH_P_ALL))
    return s


def receive(s):
    """(frame, vlan (tpid, tci) or None) of the next frame that arrived, or None for our own."""
    frame, ancdata, _flags, addr = s.recvmsg(65536, socket.CMSG_SPACE(AUXDATA.size))
    if addr[2] == PACKET_OUTGOING:
        return None
    vlan = None
    for level, kind, data in ancdata:
        if level == SOL_PACKET and kind == PACKET_AUXDATA and len(data) >= AUXDATA.size:
            status, _len, _snaplen, _mac, _net, tci, tpid = AUXDATA.unpack(data[: AUXDATA.size])
            if status & TP_STATUS_VLAN_VALID:
                vlan = (tpid if status & TP_STATUS_VLAN_TPID_VALID else TPID, tci)
    if vlan is None and len(frame) >= 18 and struct.unpack("!H", frame[12:14])[0] == TPID:
        vlan = (TPID, struct.unpack("!H", frame[14:16])[0])
        frame = frame[:12] + frame[16:]
    return frame, vlan


def main():
    args = sys.argv[1:]
    if len(args) != 4 or args[0] != "--vid" or not args[1].isdigit() or not 1 <= int(args[1]) <= 4094:
        sys.exit("usage: vlan_relay.py --vid VID UNTAGGED_IF TAGGED_IF")
    vid, untagged_if, tagged_if = int(args[1]), args[2], args[3]
    untagged, tagged = open_socket(untagged_if), open_socket(tagged_if)
    tag = struct.pack("!HH", TPID, vid)
    counts = {"tagged": 0, "untagged": 0, "dropped": 0}

    def stop(_signum, _frame):
        print(
            f"vlan_relay {untagged_if}->{tagged_if}: {counts['tagged']} tagged, "
            f"{tagged_if}->{untagged_if}: {counts['untagged']} untagged, {counts['dropped']} dropped",
            flush=True,
        )
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"vlan_relay listening: {untagged_if} <-> {tagged_if} (VLAN {vid})", flush=True)
    while True:
        ready, _, _ = select.select([untagged, tagged], [], [])
        for s in ready:
            got = receive(s)
            if got is None:
                continue
            frame, vlan = got
            if s is untagged:
                if vlan is not None:  # not ours to pass on
                    counts["dropped"] += 1
                    continue
                tagged.send(frame[:12] + tag + frame[12:])
                counts["tagged"] += 1
            else:
                if vlan is None or vlan[0] != TPID or vlan[1] & 0x0FFF != vid:
                    counts["dropped"] += 1
                    continue
                untagged.send(frame)
                counts["untagged"] += 1


if __name__ == "__main__":
    main()
