"""Fetches never reach inward: loopback, private, link-local and the deployment's own
services are refused in every spelling, after DNS, on redirects, through a proxy, and on
the address actually connected to."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pytest

from shared.addresses import IPAddress, ip_literal, refusal
from tests.pipeline.conftest import Farm, MakeSettings
from tests.pipeline.fakes.dns import FarmResolver
from tests.pipeline.fakes.inside import SECRET, Inside, inside_app
from tests.pipeline.fakes.server import bound_socket, serve_app
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.fetch.fetcher import FetchError
from worker.pipeline.clients.fetch.guard import AddressGuard, Blocked, RefusedHost
from worker.pipeline.clients.fetch.resolver import Resolver

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def inside() -> Iterator[Inside]:
    sock = bound_socket()
    found = Inside(sock.getsockname()[1], host="127.0.0.1")
    with serve_app(inside_app(found), sock=sock):
        yield found


@pytest.fixture
def direct(make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch) -> MakeSettings:
    """Settings for fetches without a proxy: the sockets open from this process."""
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return make_settings


@pytest.fixture(autouse=True)
def _quiet_inside(inside: Inside) -> Iterator[None]:
    inside.hits.clear()
    yield
    assert inside.hits == [], "a refused fetch reached the inside service"


async def fetch(
    settings: MakeSettings, url: str, resolver: Resolver | None = None, **overrides: object
) -> FetchError | str:
    """The page's text, or the FetchError the production fetcher raised."""
    overrides.setdefault("fetch_allow_private_networks", False)
    fetcher, client = web_fetcher(settings(**overrides), resolver=resolver or FarmResolver())
    async with client:
        try:
            return (await fetcher.fetch(url)).text
        except FetchError as error:
            return error


def refused(outcome: object) -> str:
    assert isinstance(outcome, FetchError), f"fetched instead of refused: {outcome!r}"
    assert outcome.kind == "blocked", outcome
    assert SECRET not in outcome.reason
    return outcome.detail


LITERALS = [
    ("http://127.0.0.1:{port}/", "127.0.0.1 is a loopback address"),
    ("http://[::1]:{port}/", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]:{port}/", "an IPv6 form of 127.0.0.1, a loopback address"),
    ("http://2130706433:{port}/", "2130706433 is 127.0.0.1, a loopback address"),
    ("http://0x7f.1:{port}/", "0x7f.1 is 127.0.0.1, a loopback address"),
    ("http://127.1:{port}/", "127.1 is 127.0.0.1, a loopback address"),
    ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"),
    ("http://10.0.0.1/", "10.0.0.1 is a private address"),
    ("http://192.168.1.1/", "a private address"),
    ("http://172.16.0.1/", "a private address"),
    ("http://100.64.0.1/", "100.64.0.1 is a shared (CGNAT) address"),
    ("http://[fe80::1]/", "a link-local address"),
    ("http://[fc00::1]/", "a private address"),
    ("http://0.0.0.0:{port}/", "0.0.0.0 is an unspecified address"),
    ("http://[::]:{port}/", "an unspecified address"),
    ("http://224.0.0.1/", "a multicast address"),
    ("http://[64:ff9b::7f00:1]:{port}/", "an IPv6 form of 127.0.0.1"),
    ("http://[2002:a00:1::]/", "an IPv6 form of 10.0.0.1, a private address"),
    ("http://[fd00:ec2::254]/", "a cloud metadata address"),
    ("https://100.100.100.200/", "a cloud metadata address"),
]


@pytest.mark.parametrize(("url", "why"), LITERALS)
async def test_ip_literals_in_every_form_are_refused_before_connecting(
    direct: MakeSettings, inside: Inside, url: str, why: str
) -> None:
    assert why in refused(await fetch(direct, url.format(port=inside.port)))


async def test_an_octal_address_is_an_invalid_url_never_fetched(
    direct: MakeSettings, inside: Inside
) -> None:
    outcome = await fetch(direct, f"http://0177.0.0.1:{inside.port}/")
    assert isinstance(outcome, FetchError)
    assert outcome.kind == "invalid_url"


NAMES = {
    "loopback.example": ["127.0.0.1"],
    "private.example": ["10.1.2.3"],
    "metadata.example": ["169.254.169.254"],
    "cgnat.example": ["100.64.0.1"],
    "v6-loopback.example": ["::1"],
    "mapped.example": ["::ffff:192.168.0.1"],
    # One inward address among public ones is enough: the connection could land on it.
    "mixed.example": ["93.184.215.14", "10.0.0.1"],
}


@pytest.mark.parametrize("name", NAMES)
async def test_names_resolving_inward_are_refused(
    direct: MakeSettings, inside: Inside, name: str
) -> None:
    resolver = FarmResolver(NAMES)
    why = refused(await fetch(direct, f"http://{name}:{inside.port}/", resolver))
    assert why.startswith(f"{name} resolves to {ipaddress.ip_address(NAMES[name][-1])}")


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/",
        "http://0.0.0.0:{port}/",
        "http://224.0.0.1/",
        "http://[fd00:ec2::254]/",
        "http://metadata.example/",
    ],
)
async def test_allowing_private_networks_still_refuses_metadata_link_local_and_unspecified(
    direct: MakeSettings, inside: Inside, url: str
) -> None:
    outcome = await fetch(
        direct,
        url.format(port=inside.port),
        FarmResolver(NAMES),
        fetch_allow_private_networks=True,
    )
    refused(outcome)


async def test_a_public_name_reaches_its_site_with_its_host_header_and_tls_name(
    direct: MakeSettings, farm: Farm
) -> None:
    """The farm stands in for the internet: its names resolve to 127.0.0.1, which only
    allowing private networks lets through; the same fetch without it is refused."""
    route = farm.proxy.routes["acme-rockets.com"]
    for url in (
        f"https://acme-rockets.com:{route.https_port}/",
        f"http://acme-rockets.com:{route.http_port}/",
    ):
        text = await fetch(direct, url, fetch_allow_private_networks=True)
        assert isinstance(text, str), text
        assert "Acme Rockets designs and flies reusable rockets" in text
        why = refused(await fetch(direct, url))
        assert why == "acme-rockets.com resolves to 127.0.0.1, a loopback address"


async def test_the_next_checked_address_is_tried_when_one_does_not_answer(
    direct: MakeSettings, farm: Farm
) -> None:
    route = farm.proxy.routes["acme-rockets.com"]
    resolver = FarmResolver({"acme-rockets.com": ["127.0.0.3", "127.0.0.1"]})  # .3: no server
    url = f"http://acme-rockets.com:{route.http_port}/"
    text = await fetch(direct, url, resolver, fetch_allow_private_networks=True)
    assert isinstance(text, str), text
    assert "Acme Rockets" in text


async def test_a_redirect_to_an_inward_address_is_refused(
    direct: MakeSettings, inside: Inside, farm: Farm
) -> None:
    route = farm.proxy.routes["leaky-redirect.com"]
    url = f"http://leaky-redirect.com:{route.http_port}/"
    why = refused(await fetch(direct, url, fetch_allow_private_networks=True))
    assert why.startswith(f"http://leaky-redirect.com:{route.http_port}/ redirects to ")
    assert why.endswith("169.254.169.254 is a link-local address")


@dataclass
class Rebinding:
    """Answers each name from a script: first answer, then the next, keeping the last."""

    script: Sequence[str]
    asked: list[str] = field(default_factory=list)

    async def resolve(self, host: str) -> list[IPAddress]:
        self.asked.append(host)
        answer = self.script[min(len(self.asked), len(self.script)) - 1]
        return [ipaddress.ip_address(answer)]


@pytest.fixture
def twins() -> Iterator[tuple[Inside, Inside]]:
    """Two servers on one port: 127.0.0.2 plays a public site, 127.0.0.1 the inside."""
    for _ in range(20):
        outside_sock = bound_socket("127.0.0.2")
        port = outside_sock.getsockname()[1]
        try:
            inside_sock = bound_socket("127.0.0.1", port)
        except OSError:
            outside_sock.close()
            continue
        outside, inside = Inside(port, host="127.0.0.2"), Inside(port, host="127.0.0.1")
        with (
            serve_app(inside_app(outside), sock=outside_sock),
            serve_app(inside_app(inside), sock=inside_sock),
        ):
            yield outside, inside
        return
    pytest.fail("no port free on both 127.0.0.1 and 127.0.0.2")


async def test_dns_rebinding_connects_to_the_address_that_was_checked(
    direct: MakeSettings, twins: tuple[Inside, Inside]
) -> None:
    outside, inside = twins
    resolver = Rebinding(["127.0.0.2", "127.0.0.1"])
    text = await fetch(
        direct,
        f"http://rebind.example:{outside.port}/page",
        resolver,
        fetch_allow_private_networks=True,
        fetch_robots="off",
        fetch_refused_hosts="127.0.0.1",  # the inside, as private ranges are in production
    )
    assert text == f"{SECRET} from 127.0.0.2"
    assert outside.hits == ["/page"]
    assert inside.hits == []
    assert resolver.asked == ["rebind.example"]  # one look-up, for the one connection


async def test_a_name_that_turns_inward_is_refused_at_its_next_look_up() -> None:
    guard = AddressGuard(Rebinding(["93.184.215.14", "10.0.0.1"]))
    assert [str(a) for a in await guard.addresses("rebind.example", 443)] == ["93.184.215.14"]
    with pytest.raises(Blocked, match=r"resolves to 10\.0\.0\.1, a private address"):
        await guard.addresses("rebind.example", 443)


async def test_the_deployments_own_services_are_refused_even_on_a_lab_install(
    direct: MakeSettings, inside: Inside, farm: Farm
) -> None:
    """As if `inside` were the object store: its host and port are refused by name, by
    address and through a redirect, while private networks are allowed."""
    lab = {
        "fetch_allow_private_networks": True,
        "fetch_refused_hosts": f"localhost:{inside.port},storage.internal",
    }
    resolver = FarmResolver({"localhost": ["127.0.0.1"], "storage.internal": ["10.9.9.9"]})
    service = "the address of localhost:{port}, one of this deployment's services"
    why = refused(await fetch(direct, f"http://127.0.0.1:{inside.port}/bucket", resolver, **lab))
    assert why == f"127.0.0.1 is {service.format(port=inside.port)}"
    why = refused(await fetch(direct, f"http://localhost:{inside.port}/", resolver, **lab))
    assert why == f"localhost:{inside.port} is one of this deployment's services"
    why = refused(await fetch(direct, "http://storage.internal:9000/", resolver, **lab))
    assert why == "storage.internal is one of this deployment's services"
    route = farm.proxy.routes["acme-rockets.com"]
    # Another port of the same address is not the service.
    text = await fetch(direct, f"http://acme-rockets.com:{route.http_port}/", resolver, **lab)
    assert isinstance(text, str), text


async def test_through_a_proxy_inward_destinations_are_refused_before_the_proxy_is_asked(
    make_settings: MakeSettings, web_env: Farm
) -> None:
    resolver = FarmResolver(NAMES)
    for url in (
        "https://acme-rockets.com/",  # the farm's names resolve to 127.0.0.1 here
        "https://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://metadata.example/",
        "http://2130706433/",
    ):
        refused(await fetch(make_settings, url, resolver))
    assert web_env.proxy.tunnels == []
    assert web_env.proxy.forwards == []
    outcome = await fetch(make_settings, "https://nowhere.invalid/", resolver)
    assert isinstance(outcome, FetchError)
    assert outcome.kind == "dns"
    assert web_env.proxy.tunnels == []
    # Allowed, the same name goes through the proxy, which makes the connection.
    text = await fetch(
        make_settings, "https://acme-rockets.com/", fetch_allow_private_networks=True
    )
    assert isinstance(text, str)
    assert "acme-rockets.com" in web_env.proxy.tunnels


@pytest.mark.parametrize(
    ("address", "allow_private", "why"),
    [
        ("8.8.8.8", False, None),
        ("2606:4700::1111", False, None),
        ("64:ff9b::808:808", False, None),  # NAT64 of a public address
        ("2002:808:808::1", False, None),  # 6to4 of a public address
        ("127.0.0.1", True, None),
        ("10.0.0.1", True, None),
        ("::ffff:10.0.0.1", True, None),
        ("fc00::1", True, None),
        ("169.254.169.254", True, "a link-local address"),
        ("0.0.0.0", True, "an unspecified address"),
        ("255.255.255.255", True, "a reserved address"),
        ("240.0.0.1", False, "a reserved address"),
        ("198.18.0.1", False, "a special-purpose address"),
        ("192.0.2.1", False, "a special-purpose address"),
        ("2001:db8::1", False, "a special-purpose address"),
        ("2001::1", False, "a special-purpose address"),  # Teredo
        ("::7f00:1", False, "an IPv6 form of 127.0.0.1, a loopback address"),
        ("::808:808", True, "an IPv4-compatible address"),
        ("::ffff:169.254.169.254", True, "an IPv6 form of 169.254.169.254, a link-local"),
        ("ff02::1", True, "a multicast address"),
        ("4000::1", False, "a reserved address"),
        ("fe80::1%eth0", True, "a link-local address"),
    ],
)
def test_address_rules(address: str, allow_private: bool, why: str | None) -> None:
    found = refusal(ipaddress.ip_address(address), allow_private)
    assert found == why or (why is not None and found is not None and found.startswith(why))


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "::1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.0.0.1.", "10.0.0.1"),
        ("fe80::1%25eth0", "fe80::1%eth0"),
        ("acme-rockets.com", None),
        ("cafe.be", None),
        ("1.2.3.4 junk", None),
    ],
)
def test_ip_literals_are_read_as_resolvers_read_them(host: str, address: str | None) -> None:
    found = ip_literal(host)
    assert (str(found) if found else None) == address


def test_refused_hosts_read_host_and_port() -> None:
    assert RefusedHost.parse("seaweedfs:8333") == RefusedHost("seaweedfs", 8333)
    assert RefusedHost.parse("RabbitMQ") == RefusedHost("rabbitmq", None)
    assert RefusedHost.parse("[::1]:15672") == RefusedHost("::1", 15672)
    assert str(RefusedHost("::1", 15672)) == "[::1]:15672"
    with pytest.raises(ValueError, match="not a host"):
        RefusedHost.parse(":80")
