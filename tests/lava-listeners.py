#!/usr/bin/env python3
"""tests/lava-listeners.py PGID...: the TCP sockets listening in those
process groups (every process whose group is one of PGID), one
"ADDRESS:PORT" a line, from /proc (IPv4 and IPv6)."""
import os
import socket
import struct
import sys


def inodes(groups):
    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.getpgid(int(pid)) not in groups:
                continue
            for fd in os.listdir("/proc/%s/fd" % pid):
                link = os.readlink("/proc/%s/fd/%s" % (pid, fd))
                if link.startswith("socket:["):
                    found.add(link[8:-1])
        except OSError:
            continue                # gone meanwhile, or not ours to read
    return found


def address(hexaddr, family):
    raw = bytes.fromhex(hexaddr)
    if family == socket.AF_INET:
        raw = struct.pack("<I", struct.unpack(">I", raw)[0])
    else:                           # four host-order 32-bit words
        raw = b"".join(struct.pack("<I", w) for w in struct.unpack(">4I", raw))
    return socket.inet_ntop(family, raw)


def main():
    groups = {int(g) for g in sys.argv[1:]}
    ours = inodes(groups)
    for name, family in (("tcp", socket.AF_INET), ("tcp6", socket.AF_INET6)):
        with open("/proc/net/" + name) as f:
            next(f)
            for line in f:
                fields = line.split()
                local, st, inode = fields[1], fields[3], fields[9]
                if st == "0A" and inode in ours:        # TCP_LISTEN
                    host, port = local.split(":")
                    print("%s:%d" % (address(host, family), int(port, 16)))


if __name__ == "__main__":
    main()
