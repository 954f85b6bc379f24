"""A Python client of the Dossier API and the `dossier` command (docs/cli.md).

from client import DossierClient

with DossierClient.from_env() as dossier:
    session = dossier.create_session("companies.csv", context="Game publishers")
    dossier.start(session["session_id"])
    for progress in dossier.watch(session["session_id"]):
        print(progress.status, progress.done, progress.total)
    frame = dossier.results_frame(session["session_id"])
"""

from client.api import DossierClient
from client.config import ClientConfig, resolve_config
from client.errors import ApiError, ConfigError, DossierError, Unreachable
from client.live import Progress

__all__ = [
    "ApiError",
    "ClientConfig",
    "ConfigError",
    "DossierClient",
    "DossierError",
    "Progress",
    "Unreachable",
    "resolve_config",
]
