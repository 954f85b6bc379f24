"""The baseline: a plain asyncio script that fetches each homepage once, 64 at a time,
and reads its title, description (meta, OpenGraph or JSON-LD) and LinkedIn link.

    python -m bench.web.homepage_script WEBSITES_FILE  # prints one JSON line of figures
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import httpx
from selectolax.lexbor import LexborHTMLParser

IN_FLIGHT = 64


def facts(html: str) -> dict[str, str]:
    tree = LexborHTMLParser(html)
    title = tree.css_first("title")
    found = {"title": title.text(strip=True) if title else ""}
    for selector in ("meta[name=description]", "meta[property='og:description']"):
        node = tree.css_first(selector)
        if node and node.attributes.get("content"):
            found["description"] = node.attributes["content"] or ""
            break
    for node in tree.css("script[type='application/ld+json']"):
        if "description" not in found:
            data = json.loads(node.text() or "{}")
            if isinstance(data, dict) and data.get("description"):
                found["description"] = str(data["description"])
    for node in tree.css("a[href]"):
        href = node.attributes.get("href") or ""
        if "linkedin.com/company/" in href:
            found["linkedin"] = href
            break
    return found


async def main(websites: list[str]) -> dict[str, object]:
    gate = asyncio.Semaphore(IN_FLIGHT)
    found: dict[str, int] = {"title": 0, "description": 0, "linkedin": 0, "failed": 0}
    limits = httpx.Limits(max_connections=IN_FLIGHT * 2)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=10, limits=limits, trust_env=True
    ) as client:

        async def one(website: str) -> None:
            async with gate:
                try:
                    response = await client.get(f"https://{website}/")
                    response.raise_for_status()
                except httpx.HTTPError:
                    found["failed"] += 1
                    return
                for field in facts(response.text):
                    found[field] += 1

        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one(site) for site in websites))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"rows": len(websites), "wall_s": wall, "cpu_s": cpu, "found": found}


if __name__ == "__main__":
    with open(sys.argv[1]) as file:
        sites = [line.strip() for line in file if line.strip()]
    print(json.dumps(asyncio.run(main(sites))))
