"""Print a session's live events from the notifier, one JSON line each.

    .venv/bin/python scripts/watch.py SESSION_ID     # until the session finishes
    .venv/bin/python scripts/watch.py --tenant       # every session of the key's tenant

The key comes from DOSSIER_API_KEY or .run/dev-api-key; the notifier URL from
DOSSIER_NOTIFIER_URL (default ws://127.0.0.1:8001/ws).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import websockets

from shared.lifecycle import TERMINAL

FINAL = {status.value for status in TERMINAL}
REPO = Path(__file__).resolve().parent.parent


def api_key() -> str:
    key = os.environ.get("DOSSIER_API_KEY")
    if key:
        return key
    run_dir = Path(os.environ.get("DOSSIER_RUN_DIR", REPO / ".run"))
    try:
        return (run_dir / "dev-api-key").read_text().strip()
    except FileNotFoundError:
        sys.exit("no API key: set DOSSIER_API_KEY or run `make up`")


def is_final(message: dict[str, Any]) -> bool:
    if message.get("type") == "snapshot":
        return message["state"]["status"] in FINAL and bool(message["state"].get("finalized"))
    event = message.get("event") or {}
    return event.get("kind") == "session.status" and event.get("status") in FINAL


async def watch(url: str, key: str, session_id: str | None) -> None:
    subscribe = {"type": "subscribe", "scope": "tenant"}
    if session_id:
        subscribe = {"type": "subscribe", "session_id": session_id}
    async with websockets.connect(url) as ws:
        await ws.send(json.dumps({"type": "auth", "token": key}))
        await ws.send(json.dumps(subscribe))
        async for raw in ws:
            print(raw, flush=True)
            message = json.loads(raw)
            if message.get("type") == "error" or (session_id and is_final(message)):
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("session_id", nargs="?")
    target.add_argument("--tenant", action="store_true", help="all sessions of the tenant")
    args = parser.parse_args()
    url = os.environ.get("DOSSIER_NOTIFIER_URL", "ws://127.0.0.1:8001/ws")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(watch(url, api_key(), None if args.tenant else args.session_id))


if __name__ == "__main__":
    main()
