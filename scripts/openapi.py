"""Print the gateway's OpenAPI document, or refresh the copy in docs/openapi.json.

    .venv/bin/python scripts/openapi.py           # print it
    .venv/bin/python scripts/openapi.py --write   # replace docs/openapi.json

The document depends on the code only, so the app is built on the in-memory twins.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gateway.app import create_app
from gateway.openapi import document
from gateway.settings import GatewaySettings
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.storage.memory import MemoryStore

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def main(argv: list[str]) -> int:
    settings = GatewaySettings(environment="development")
    app = create_app(settings, MemoryStore(), MemoryBroker(MemoryBus()))
    text = document(app)
    if "--write" in argv:
        COMMITTED.write_text(text)
        print(f"wrote {COMMITTED}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
