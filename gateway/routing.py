"""Which methods a path allows, and the dashboard's files behind the API's paths.

The dashboard is mounted at `/`, so it matches every path. Left alone it would answer a
wrong method on an API path (`GET .../start`, `OPTIONS /api/sessions`) as a missing file
or with its own `Allow: GET, HEAD`, instead of the API's 405 with the path's methods.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Scope


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """Every method some route serves at this path (one route serves one method)."""
    methods: set[str] = set()
    path = scope.get("path", "")
    for route in iter_route_contexts(routes):
        pattern = getattr(route, "path_regex", None)
        if route.methods and pattern is not None and pattern.match(path):
            methods |= route.methods
    return sorted(methods)


class Dashboard(Mount):
    """Static files for every path that no API route serves, with any method."""

    def __init__(self, files: ASGIApp, api: Sequence[BaseRoute]) -> None:
        super().__init__("/", app=files, name="dashboard")
        self._api = list(api)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and allowed_methods(self._api, scope):
            return Match.NONE, {}
        return super().matches(scope)
