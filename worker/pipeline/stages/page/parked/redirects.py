"""Signals of where a page sends its visitor: an HTTP redirect, a meta refresh or a script
that moves on to a marketplace or lander, and frames that show one in place."""

from __future__ import annotations

from urllib.parse import urlsplit

from shared.company_keys import registered_domain
from worker.pipeline.stages.page.parked import hosts
from worker.pipeline.stages.page.parked.signals import Landing, Signal


def landed_on_marketplace(page: Landing) -> Signal | None:
    """Redirected from the company's domain to a marketplace or parking service, or a
    marketplace's listing page given as the website."""
    if not page.redirects:
        found = hosts.marketplace(page.url)
        if found and hosts.looks_like_listing(page.url):
            return Signal("marketplace_listing", 0.7, f"is a listing at {found}", True)
        return None
    for hop in (*page.redirects[1:], page.url):
        found = hosts.marketplace(hop)
        if found and found != page.origin and hosts.brand(found) != hosts.brand(page.origin):
            return Signal("marketplace_redirect", 1.0, f"redirects to {found}", True)
    if page.origin != page.domain:
        return _redirect_about_origin(page)
    if not hosts.looks_like_lander(page.url):
        return None
    return Signal("lander_redirect", 0.6, f"redirects to a parking lander ({page.url})", True)


def _redirect_about_origin(page: Landing) -> Signal | None:
    """Redirected to another site's page whose address is the given domain's name
    (`/d/old-name.com`): a broker's listing the host list does not know. A company that
    moved sends visitors to its new home, not to a page about the old domain; a link's
    `?ref=old-name.com` names it too, so only the path counts."""
    path = urlsplit(page.url).path.lower()
    if not page.origin or page.origin not in path:
        return None
    detail = f"redirects to a page about {page.origin} at {page.domain}"
    if hosts.sells_domains(page.domain) or hosts.looks_like_listing(page.url):
        return Signal("listing_redirect", 1.0, detail, True)
    return Signal("redirect_about_domain", 0.7, detail, True)


def script_redirect(page: Landing) -> Signal | None:
    """A meta refresh or script that moves the visitor to a marketplace or lander: a known
    one, or another site's page that names this domain, at a selling address or on a host
    that sells domains (a broker the host list does not know). A company that moved sends
    visitors to its new home, not to a page about its old domain."""
    found_weaker: Signal | None = None
    for target in page.facts.shape.redirect_targets:
        found = hosts.marketplace(target)
        if found and hosts.brand(found) != hosts.brand(page.domain):
            return Signal("marketplace_refresh", 1.0, f"sends visitors to {found}", True)
        if hosts.looks_like_lander(target):
            return Signal("lander_refresh", 0.7, f"sends visitors to a lander ({target})", True)
        if found_weaker is not None or _same_site(target, page.domain):
            continue
        host = registered_domain(target)
        if not host or host == page.domain:
            continue
        about = hosts.names_domain(target, page.domain_names)
        market = hosts.sells_domains(host)
        if about and (market or hosts.looks_like_listing(target)):
            detail = f"sends visitors to a sale page of the domain at {host}"
            return Signal("listing_refresh", 1.0, detail, True)
        if about or (market and hosts.looks_like_listing(target)):
            detail = f"sends visitors to a page about the domain at {host} ({target})"
            found_weaker = Signal("domain_page_refresh", 0.4, detail, True)
    return found_weaker


def _same_site(url: str, domain: str) -> bool:
    # Most refreshes stay on the site (a language's home): no public-suffix look-up for them.
    host = urlsplit(url).hostname or ""
    return host == domain or host.endswith(f".{domain}")


def marketplace_frame(page: Landing) -> Signal | None:
    """The page shows a marketplace's listing in a frame: a masked for-sale lander."""
    for frame in page.facts.shape.frames:
        found = hosts.marketplace(frame)
        if found and found != page.domain and hosts.looks_like_listing(frame):
            return Signal("marketplace_frame", 1.0, f"shows a listing at {found} in a frame", True)
    return None


def frame_about_domain(page: Landing) -> Signal | None:
    """The page frames another site's page about this very domain (its full name in the
    address): a broker's listing under a name the detector does not know. A company's site
    framed from a builder is addressed by its own name, not by the domain's."""
    for frame in page.facts.shape.frames:
        host = registered_domain(frame)
        if host and host != page.domain and hosts.names_domain(frame, page.domain_names):
            return Signal(
                "frame_about_domain", 0.7, f"frames a page about the domain ({frame})", True
            )
    return None
