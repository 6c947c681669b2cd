"""The question of a DNS query, shared by the lab's small DNS servers (servfail_dns.py, delay_dns.py)."""
import struct


def parse_question(msg):
    """(name, qtype, offset past the question) of the first question, or None."""
    i, labels = 12, []
    while i < len(msg):
        n = msg[i]
        if n == 0:
            end = i + 1 + 4
            if end > len(msg):
                return None
            qtype, _qclass = struct.unpack("!HH", msg[i + 1 : end])
            return ".".join(labels).lower(), qtype, end
        if n & 0xC0:
            return None  # no compression in a question
        labels.append(msg[i + 1 : i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    return None
