"""Accuracy of the enrichment on a labelled local web, through the real services.

Generates the labelled web (`--set dev`, bench/accuracy_web: 270+ companies in 25 classes,
the web the pipeline was tuned on; `--set heldout`, bench/accuracy_web/heldout: 120+
companies written apart from it, with other templates, languages and wordings; or
`--set unseen`, bench/accuracy_web/unseen: 120+ companies on site builders' markup in
Italian, Portuguese, Polish, Turkish, Ukrainian, Kazakh, Japanese, Chinese and English,
uploaded with an industry column too; or `--set fresh`, bench/accuracy_web/fresh: 160+
companies on other builders' and CMSs' markup in Greek, Hebrew, Arabic, Thai, Hindi,
Korean, Japanese, Chinese, Russian, Bulgarian, Serbian, Dutch, Swedish, Czech, Spanish
and English, written apart from
the pipeline's matching code for first-contact figures; or `--set blind`,
bench/accuracy_web/blind: 170+ companies on yet other CMSs' markup in Finnish, Hungarian,
Romanian, Vietnamese, Indonesian, Danish, Norwegian, Croatian, Slovak, Lithuanian,
Georgian, Armenian, Mongolian, Macedonian, Belarusian, Persian, Bengali, Tamil and English,
also written apart from the matching code; or `--set sixth`, bench/accuracy_web/sixth:
170+ companies on Framer, Ghost, HubSpot, Elementor, Drupal, Google Sites, Hugo, Jekyll,
AMP, framesets, RDFa and microdata in Swahili, Spanish, Czech, Estonian, Latvian, Slovene,
Albanian, Malay, Azerbaijani, Uzbek (Latin and Cyrillic), Amharic, Khmer, Greek, Serbian
(Cyrillic and Latin), Nepali and English, written apart from it too; or `--set seventh`,
bench/accuracy_web/seventh: 200+ companies on Squarespace, Wix, Webflow, Shopify, Tilda,
1C-Bitrix, Jimdo, Next.js, Nuxt, Carrd, script-only JSON-LD and pages whose text is only in
a meta tag, a hero heading or `<noscript>`, in Vietnamese, Turkish, Polish, Portuguese,
Indonesian, Filipino, Ukrainian, Kazakh, Arabic, Hebrew, Persian, Bengali, Sinhala, Tamil,
Burmese, Lao, Mongolian and English, with redirect chains, link shorteners and LinkedIn
addresses unlike the name, also written apart), serves it
over HTTPS through a CONNECT proxy with a test CA (`HTTPS_PROXY`, `SSL_CERT_FILE`), with
LinkedIn behind its sign-in wall and a Serper- or SearXNG-compatible search engine
answering from the same web. Starts a private SeaweedFS, the gateway, the notifier and
the workers (two by default, as `make up`) as processes against the local RabbitMQ
(loopback only), uploads the companies three ways (name + website + country CSV,
name + country CSV, mixed XLSX), waits for each session, downloads its JSON results and
prints, per input: website precision and recall,
LinkedIn accuracy, description grounding, wrong-company rows, precision per confidence
band, and the failures by class with example rows. Stops everything it started, also
after `--limit` seconds.

    .venv/bin/python bench/accuracy.py [--set dev|heldout|unseen|fresh|blind|sixth|seventh]
        [--input with_website|name_only|mixed_xlsx] [--search serper|searxng]
        [--workers 2] [--examples 3] [--save DIR] [--limit 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy_web.blind import inputs as blind_inputs
from bench.accuracy_web.blind.catalogue import build_blind
from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.dns import DEAD_HOSTS_ENV
from bench.accuracy_web.fresh import inputs as fresh_inputs
from bench.accuracy_web.fresh.catalogue import build_fresh
from bench.accuracy_web.heldout.catalogue import build_heldout
from bench.accuracy_web.inputs import INPUTS, upload
from bench.accuracy_web.model import Web
from bench.accuracy_web.report import bands, by_class, headline, summary
from bench.accuracy_web.scoring import Score, score
from bench.accuracy_web.search import API_KEY, SearchIndex, search_app
from bench.accuracy_web.server import all_hosts, web_app
from bench.accuracy_web.seventh import inputs as seventh_inputs
from bench.accuracy_web.seventh.catalogue import build_seventh
from bench.accuracy_web.sixth import inputs as sixth_inputs
from bench.accuracy_web.sixth.catalogue import build_sixth
from bench.accuracy_web.unseen import inputs as unseen_inputs
from bench.accuracy_web.unseen.catalogue import build_unseen
from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.pipeline.fakes.https_web import https_web
from tests.pipeline.fakes.server import serve_app
from tests.processes import gateway_notifier_worker, service, wait_http_ok
from tests.services import AMQP_URL, SeaweedFS, free_port, require_rabbitmq, service_settings


@dataclass(frozen=True)
class Outside:
    """Where the services find the labelled web and the search engine."""

    env: dict[str, str]


@contextlib.contextmanager
def outside(web: Web, folder: Path, flavour: str, salt: str = "") -> Iterator[Outside]:
    refused = [host for host, site in web.sites.items() if site.dead == "refused"]
    index = SearchIndex(web.docs, salt)
    with (
        https_web(web_app(web), all_hosts(web), folder, refused) as sites,
        serve_app(search_app(index)) as search_port,
    ):
        search = f"http://127.0.0.1:{search_port}"
        yield Outside(
            {
                "DOSSIER_SEARCH_PROVIDER": flavour,
                "DOSSIER_SEARCH_URL": f"{search}/search" if flavour == "serper" else search,
                "DOSSIER_SEARCH_API_KEY": API_KEY,
                "HTTPS_PROXY": sites.proxy_url,
                "HTTP_PROXY": sites.proxy_url,
                "NO_PROXY": "127.0.0.1,localhost",
                "SSL_CERT_FILE": str(sites.ca_file),
                # The web's names are resolved by the benchmark's resolver, to 127.0.0.1.
                "DOSSIER_WORKER_PIPELINE": "bench.accuracy_web.dns:build_bench_pipeline",
                "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
                DEAD_HOSTS_ENV: ",".join(web.dead_hosts()),
            }
        )


@contextlib.contextmanager
def more_workers(env: dict[str, str], count: int, logs: Path) -> Iterator[None]:
    """Workers beside the first, as `make up` runs several."""
    with contextlib.ExitStack() as stack:
        for n in range(count):
            port = free_port()
            worker_env = {**env, "DOSSIER_WORKER_HEALTH_PORT": str(port)}
            worker = stack.enter_context(service("worker", worker_env, logs, f"worker-{n + 2}"))
            wait_http_ok(f"http://127.0.0.1:{port}/readyz", 90, worker)
        yield


BUILDERS = {
    "dev": build_web,
    "heldout": build_heldout,
    "unseen": build_unseen,
    "fresh": build_fresh,
    "blind": build_blind,
    "sixth": build_sixth,
    "seventh": build_seventh,
}
UPLOADS = {
    "dev": upload,
    "heldout": upload,
    "unseen": unseen_inputs.upload,
    "fresh": fresh_inputs.upload,
    "blind": blind_inputs.upload,
    "sixth": sixth_inputs.upload,
    "seventh": seventh_inputs.upload,
}


async def run_input(
    api: httpx.AsyncClient, kind: str, web: Web, set_name: str
) -> list[dict[str, Any]]:
    name, body, content_type = UPLOADS[set_name](kind, web.companies)
    created = await api.post("/api/sessions", files={"file": (name, body, content_type)})
    created.raise_for_status()
    session_id = created.json()["session_id"]
    (await api.post(f"/api/sessions/{session_id}/start")).raise_for_status()
    while True:
        state = (await api.get(f"/api/sessions/{session_id}")).json()
        if state["status"] in ("completed", "failed", "cancelled") and state["finalized"]:
            break
        await asyncio.sleep(1)  # the session's state is what is waited on
    if state["status"] != "completed":
        raise RuntimeError(f"session {session_id} ended {state['status']}")
    results = await api.get(f"/api/sessions/{session_id}/results", params={"format": "json"})
    results.raise_for_status()
    rows: list[dict[str, Any]] = results.json()
    return rows


async def run(args: argparse.Namespace) -> dict[str, Score]:
    require_rabbitmq()
    web = BUILDERS[args.set]()
    labels = {company.key: company for company in web.companies}
    kinds = [args.input] if args.input else list(INPUTS)
    tenant, key = f"acc{uuid.uuid4().hex[:8]}", new_key()
    topology = Topology(f"accuracy-{uuid.uuid4().hex[:8]}")
    scores: dict[str, Score] = {}
    with tempfile.TemporaryDirectory(prefix="dossier-accuracy-") as tmp:
        folder = Path(tmp)
        store = SeaweedFS(folder / "s3")
        store.start()
        try:
            salt = "" if args.set == "dev" else args.set
            with outside(web, folder, args.search, salt) as world:
                env = {
                    **service_settings(AMQP_URL, topology.prefix, store.endpoint, "accuracy"),
                    "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
                    # Every input is enriched afresh: the tenant's domain cache would answer
                    # the later inputs from the first one's rows.
                    "DOSSIER_CACHE_DAYS": "0",
                    **world.env,
                }
                logs = args.save / "logs" if args.save else folder / "logs"
                with (
                    gateway_notifier_worker(env, logs, {}, 90) as services,
                    more_workers(services.env, args.workers - 1, logs),
                ):
                    headers = {"Authorization": f"Bearer {key}"}
                    async with httpx.AsyncClient(
                        base_url=services.gateway_url, headers=headers, timeout=120
                    ) as api:
                        for kind in kinds:
                            began = time.monotonic()
                            rows = await run_input(api, kind, web, args.set)
                            took = time.monotonic() - began
                            if args.save:
                                args.save.mkdir(parents=True, exist_ok=True)
                                (args.save / f"{kind}.json").write_bytes(orjson.dumps(rows))
                            scores[kind] = score(rows, labels)
                            print(f"[{args.set} {kind}: {len(rows)} rows in {took:.0f} s]")
                            _print(kind, scores[kind], args.examples)
        finally:
            store.stop()
            await delete_topology(AMQP_URL, topology)
    return scores


def _print(kind: str, result: Score, examples: int) -> None:
    for block in (headline(kind, result), bands(result), by_class(result, examples)):
        for line in block:
            print(line)
        print()
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", choices=INPUTS, help="run one input only")
    parser.add_argument(
        "--set",
        choices=tuple(BUILDERS),
        default="dev",
        help="dev: the web the pipeline was tuned on; heldout: one written apart from it "
        "(since used for tuning); unseen: a third, in other builders and languages; "
        "fresh: a fourth, written apart from the pipeline's matching code; "
        "blind: a fifth, also written apart from it; sixth: a sixth, also written apart; "
        "seventh: a seventh, also written apart",
    )
    parser.add_argument("--search", choices=("serper", "searxng"), default="serper")
    parser.add_argument(
        "--examples", type=int, default=3, help="example rows per class and failure kind"
    )
    parser.add_argument("--workers", type=int, default=2, help="worker processes, as make up")
    parser.add_argument(
        "--save", type=Path, help="write each input's JSON results and the services' logs here"
    )
    parser.add_argument("--limit", type=float, default=1500, help="stop after this many seconds")
    args = parser.parse_args()
    began = time.monotonic()
    try:
        scores = asyncio.run(asyncio.wait_for(run(args), args.limit))
    except TimeoutError:
        print(f"stopped: not finished within {args.limit:.0f} s")
        return 1
    for line in summary(scores):
        print(line)
    print(f"set: {args.set}; search: {args.search}; {time.monotonic() - began:.0f} s in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
