"""The check every outbound fetch passes before it connects: the host's addresses, each
one allowed (shared/addresses.py), none of them one of the deployment's own services."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from shared.addresses import IPAddress, ip_literal, refusal
from worker.pipeline.clients.fetch.resolver import Resolver, UnresolvableHost

# Service names are looked up again after this long: containers move.
_SERVICES_TTL_S = 300.0


class Blocked(Exception):
    """A destination fetches may not reach; the message says why."""


@dataclass(frozen=True)
class RefusedHost:
    """`host` or `host:port` (`[v6]:port`): a service fetches never reach."""

    host: str
    port: int | None

    @classmethod
    def parse(cls, entry: str) -> RefusedHost:
        parts = urlsplit(f"//{entry.strip()}")
        if not parts.hostname:
            raise ValueError(f"not a host or host:port: {entry!r}")
        return cls(_name(parts.hostname), parts.port)

    def covers(self, port: int) -> bool:
        return self.port is None or self.port == port

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"


def _name(host: str) -> str:
    return host.strip("[]").lower().rstrip(".")


def _canonical(address: IPAddress) -> IPAddress:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class AddressGuard:
    def __init__(
        self,
        resolver: Resolver,
        allow_private: bool = False,
        refused: Iterable[RefusedHost] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._resolver = resolver
        self._allow_private = allow_private
        self._refused = tuple(refused)
        self._clock = clock
        self._service_addresses: list[tuple[IPAddress, RefusedHost]] = []
        self._services_expire = float("-inf")
        self._services_lock = asyncio.Lock()

    async def addresses(self, host: str, port: int) -> list[IPAddress]:
        """Every address of `host`, each one a fetch may connect to on `port`.

        Raises Blocked when any is refused (a name with one private address among public
        ones is refused whole: the connection could land on any), UnresolvableHost when
        the name has none.
        """
        name = _name(host)
        literal = ip_literal(name)
        if literal is None:
            for service in self._refused:
                if service.host == name and service.covers(port):
                    raise Blocked(f"{service} is one of this deployment's services")
        found = [literal] if literal is not None else await self._resolver.resolve(name)
        if not found:
            raise UnresolvableHost(name)
        for address in found:
            reason = refusal(address, self._allow_private)
            if reason is None:
                known = await self._service_at(address, port)
                if known is not None and ip_literal(known.host) is not None:
                    reason = f"one of this deployment's services ({known})"
                elif known is not None:
                    reason = f"the address of {known}, one of this deployment's services"
            if reason is not None:
                raise Blocked(_why(name, literal, address, reason))
        return found

    async def _service_at(self, address: IPAddress, port: int) -> RefusedHost | None:
        canonical = _canonical(address)
        for known, service in await self._services():
            if known == canonical and service.covers(port):
                return service
        return None

    async def _services(self) -> list[tuple[IPAddress, RefusedHost]]:
        if self._clock() < self._services_expire:
            return self._service_addresses
        async with self._services_lock:
            if self._clock() >= self._services_expire:
                self._service_addresses = await self._resolve_services()
                self._services_expire = self._clock() + _SERVICES_TTL_S
        return self._service_addresses

    async def _resolve_services(self) -> list[tuple[IPAddress, RefusedHost]]:
        found: list[tuple[IPAddress, RefusedHost]] = []
        for service in self._refused:
            literal = ip_literal(service.host)
            if literal is not None:
                found.append((_canonical(literal), service))
                continue
            try:
                addresses = await self._resolver.resolve(service.host)
            except UnresolvableHost:
                continue  # a service not running now is refused by name still
            found += [(_canonical(address), service) for address in addresses]
        return found


def _why(name: str, literal: IPAddress | None, address: IPAddress, reason: str) -> str:
    if literal is None:
        return f"{name} resolves to {address}, {reason}"
    if str(literal) != name:
        return f"{name} is {address}, {reason}"
    return f"{address} is {reason}"
