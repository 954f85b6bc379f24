"""Host names to addresses. Fetches resolve names themselves so that the addresses they
check are the ones they connect to; tests hand in their own resolver."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Protocol

from shared.addresses import IPAddress


class UnresolvableHost(Exception):
    """The name has no address."""


class Resolver(Protocol):
    async def resolve(self, host: str) -> list[IPAddress]:
        """Every address of `host`, in the resolver's order; raises UnresolvableHost."""
        ...


class SystemResolver:
    """The operating system's resolver (/etc/hosts, DNS), as any client would use it."""

    async def resolve(self, host: str) -> list[IPAddress]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise UnresolvableHost(host) from error
        found: list[IPAddress] = []
        for *_, sockaddr in infos:
            address = ipaddress.ip_address(sockaddr[0])
            if address not in found:
                found.append(address)
        if not found:
            raise UnresolvableHost(host)
        return found
