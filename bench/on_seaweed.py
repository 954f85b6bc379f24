"""Running a storage benchmark against a private SeaweedFS that lives only as long as the
run, in a temporary folder of its own."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from tests.services import SeaweedFS


def run_on_seaweed(prefix: str, measure: Callable[[str], Coroutine[Any, Any, None]]) -> None:
    """Start SeaweedFS in a folder named from `prefix`, run `measure` on its endpoint, and
    stop it even when the measuring fails."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        seaweed = SeaweedFS(Path(folder) / "s3")
        seaweed.start()
        try:
            asyncio.run(measure(seaweed.endpoint))
        finally:
            seaweed.stop()
