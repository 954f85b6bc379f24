"""Which network addresses a fetch may connect to: globally routable ones only.

Private, loopback, CGNAT and documentation ranges can be let through for tests and lab
installs (`allow_private`); link-local (cloud metadata), multicast, reserved and
unspecified addresses never are. IPv6 forms that carry an IPv4 address (mapped,
compatible, 6to4, NAT64) are judged by that address.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Mapping
from urllib.parse import unquote

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges a lab install may reach when it allows private networks.
_PRIVATE_V4 = {
    "a loopback address": ("127.0.0.0/8",),
    "a private address": ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
    "a shared (CGNAT) address": ("100.64.0.0/10",),
    "a special-purpose address": (
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
    ),
}
# Never reachable: the unspecified address connects to this very host, link-local holds
# cloud metadata services, multicast and reserved ranges are no website.
_NEVER_V4 = {
    "an unspecified address": ("0.0.0.0/8",),
    "a link-local address": ("169.254.0.0/16",),
    "a multicast address": ("224.0.0.0/4",),
    "a reserved address": ("240.0.0.0/4",),
}
_PRIVATE_V6 = {
    "a loopback address": ("::1/128",),
    "a private address": ("fc00::/7",),
    "a special-purpose address": (
        "100::/64",
        "2001::/23",
        "2001:db8::/32",
        "3fff::/20",
        "64:ff9b:1::/48",
    ),
}
_NEVER_V6 = {
    "an unspecified address": ("::/128",),
    "a link-local address": ("fe80::/10", "fec0::/10"),
    "a multicast address": ("ff00::/8",),
}
# Metadata services outside the link-local range (AWS over IPv6, Alibaba Cloud).
_METADATA = {ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}

_GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_V4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_LEGACY_V4 = re.compile(r"^[0-9a-fA-FxX.]+$")

_Table = dict[str, tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]]


def _table(ranges: Mapping[str, tuple[str, ...]]) -> _Table:
    return {name: tuple(ipaddress.ip_network(n) for n in nets) for name, nets in ranges.items()}


_TABLES: dict[tuple[int, bool], _Table] = {
    (4, True): _table(_NEVER_V4),
    (4, False): _table(_PRIVATE_V4),
    (6, True): _table(_NEVER_V6),
    (6, False): _table(_PRIVATE_V6),
}


def _find(address: IPAddress, never: bool) -> str | None:
    for name, networks in _TABLES[(address.version, never)].items():
        if any(address in network for network in networks):
            return name
    return None


def refusal(address: IPAddress, allow_private: bool = False) -> str | None:
    """Why a fetch may not connect to `address`, or None when it may."""
    if address in _METADATA:
        return "a cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_v4(address)
        if embedded is not None:
            inner = refusal(embedded, allow_private)
            if inner:
                return f"an IPv6 form of {embedded}, {inner}"
            # Deprecated and routed nowhere: only a trick would use one.
            return "an IPv4-compatible address" if address in _V4_COMPATIBLE else None
        if address.scope_id:
            return "a link-local address"
    never = _find(address, never=True)
    if never:
        return never
    private = _find(address, never=False)
    if private:
        return None if allow_private else private
    if isinstance(address, ipaddress.IPv6Address) and address not in _GLOBAL_UNICAST_V6:
        return "a reserved address"
    return None


def _embedded_v4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or (address in _V4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def ip_literal(host: str) -> IPAddress | None:
    """The address a URL's host names without DNS, in any form a resolver would accept:
    `[::1]`, `127.0.0.1`, `2130706433`, `0x7f.1`, `127.1`, `0177.0.0.1`."""
    text = unquote(host.strip("[]")).rstrip(".")
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if not _LEGACY_V4.match(text):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except OSError:
        return None
