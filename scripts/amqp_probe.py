"""Tell whether a broker speaks AMQP 0-9-1: exit 0 if it does, 1 if nothing listens,
2 if the port accepts TCP but no Connection.Start arrives (a broker still booting or stuck).

Usage: python scripts/amqp_probe.py [HOST] [PORT]
"""

from __future__ import annotations

import socket
import sys

PROTOCOL_HEADER = b"AMQP\x00\x00\x09\x01"
CONNECTION_START = b"\x00\x0a\x00\x0a"  # class 10 (connection), method 10 (start)


def probe(host: str, port: int, timeout: float = 3.0) -> int:
    try:
        sock = socket.create_connection((host, port), timeout)
    except OSError:
        return 1
    with sock:
        try:
            sock.sendall(PROTOCOL_HEADER)
            received = b""
            while len(received) < 11:
                part = sock.recv(64)
                if not part:
                    break
                received += part
        except OSError:
            return 2
    is_method_frame = received[:1] == b"\x01"
    return 0 if is_method_frame and received[7:11] == CONNECTION_START else 2


if __name__ == "__main__":
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 5672
    sys.exit(probe(host, port))
