"""Dependencies the routes receive, as `Annotated` aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Security
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from gateway.criteria.library import CriteriaLibrary
from gateway.download_tokens import DownloadTokens
from gateway.enrich.limits import TenantRateLimit
from gateway.errors import ServiceUnavailable, SessionNotFound, Unauthorized
from gateway.metrics import GatewayMetrics
from gateway.results_source import HeldPlans
from gateway.settings import GatewaySettings
from gateway.settled_states import SettledStates
from shared.auth import ApiKeys
from shared.broker.enrich_protocol import Enricher
from shared.broker.protocol import Broker, Publisher
from shared.budget.memory import MemoryBudget
from shared.criteria.reading import NAME, check_name
from shared.errors import InvalidInput, NotFound
from shared.ids import is_session_id
from shared.layout import SessionKeys
from shared.status import SessionState, SessionStateReader
from shared.storage.protocol import ObjectStore


@dataclass
class Services:
    """What the lifespan opened; the routes only ever see these through dependencies."""

    settings: GatewaySettings
    store: ObjectStore
    broker: Broker
    api_keys: ApiKeys
    states: SessionStateReader
    # Settled sessions' states (finished, or created and not started), kept between lists.
    settled: SettledStates
    download_tokens: DownloadTokens
    metrics: GatewayMetrics
    # Single-company requests: the request/reply client (None: not served) and the limits.
    enricher: Enricher | None = None
    enrich_limits: TenantRateLimit = field(
        default_factory=lambda: TenantRateLimit(MemoryBudget(), 60.0, 20)
    )
    # Plans of sessions whose result pages were read.
    plans: HeldPlans = field(default_factory=HeldPlans)


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def _store(services: ServicesDep) -> ObjectStore:
    return services.store


def _metrics(services: ServicesDep) -> GatewayMetrics:
    return services.metrics


def _plans(services: ServicesDep) -> HeldPlans:
    return services.plans


def _publisher(services: ServicesDep) -> Publisher:
    if not services.broker.ready:
        raise ServiceUnavailable("broker_unavailable", "the message broker is not reachable")
    return services.broker


# Declared as a security scheme so that /docs can send the key; a missing or malformed
# header is answered below, with the API's own error body.
_bearer = HTTPBearer(
    scheme_name="ApiKey",
    description="An API key, sent as `Authorization: Bearer <key>`",
    auto_error=False,
)
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)]


def _tenant(services: ServicesDep, credentials: BearerDep) -> str:
    anonymous = services.api_keys.anonymous_tenant(services.settings.environment)
    if anonymous is not None:
        return anonymous
    if credentials is None:
        raise Unauthorized("send an API key as `Authorization: Bearer <key>`")
    tenant = services.api_keys.tenant_for(credentials.credentials)
    if tenant is None:
        raise Unauthorized("unknown API key")
    return tenant


SessionId = Annotated[str, Path(description="The session's id: 32 lowercase hex digits")]


def _session_keys(session_id: SessionId, tenant: TenantDep) -> SessionKeys:
    if not is_session_id(session_id):
        raise SessionNotFound(session_id[:64])
    return SessionKeys(tenant, session_id)


CriteriaName = Annotated[
    str,
    Path(
        description="The criteria file's name: 1-64 letters, digits, `.`, `_` or `-`, "
        "starting with a letter or digit",
        # Documented, and checked by `check_name` so that a bad name has its own code.
        json_schema_extra={"pattern": NAME.pattern},
    ),
]


def _criteria_name(name: CriteriaName) -> str:
    return check_name(name)


def _criteria_library(services: ServicesDep, tenant: TenantDep) -> CriteriaLibrary:
    return CriteriaLibrary(services.store, tenant)


def _download_keys(
    session_id: SessionId,
    request: Request,
    services: ServicesDep,
    credentials: BearerDep,
    token: Annotated[
        str | None,
        Query(
            description="A token from `POST /api/sessions/{session_id}/download_token`, in "
            "place of the `Authorization` header (for links that cannot send one); a header, "
            "when sent, is used instead",
            max_length=512,
        ),
    ] = None,
) -> SessionKeys:
    if token is None or "authorization" in request.headers:
        return _session_keys(session_id, _tenant(services, credentials))
    tenant = services.download_tokens.tenant_for(token, session_id)
    if tenant is None:
        raise Unauthorized("the download token is invalid, expired or for another session")
    return SessionKeys(tenant, session_id)


async def _read_state(keys: SessionKeys, services: Services) -> SessionState:
    try:
        return await services.states.read(keys.tenant, keys.session_id)
    except NotFound as exc:
        raise SessionNotFound(keys.session_id) from exc


async def _session_state(keys: SessionKeysDep, services: ServicesDep) -> SessionState:
    return await _read_state(keys, services)


async def _settled_state(keys: SessionKeysDep, services: ServicesDep) -> SessionState:
    """For reads only: a settled session's kept state, checked against its mark."""
    state = await services.settled.one(keys.tenant, keys.session_id)
    if state is None:
        raise SessionNotFound(keys.session_id)
    return state


async def _download_state(keys: DownloadKeysDep, services: ServicesDep) -> SessionState:
    """Results, logs and archives only read: a settled session's kept state, checked
    against its mark (one request instead of the session's folder, markers and status)."""
    state = await services.settled.one(keys.tenant, keys.session_id)
    if state is None:
        raise SessionNotFound(keys.session_id)
    return state


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for child in dependant.dependencies:
        names |= _query_names(child)
    return names


def reject_unknown_query(request: Request) -> None:
    """Refuse query parameters the endpoint does not define instead of ignoring them."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise InvalidInput(
            "unknown_parameter",
            f"unknown query parameter(s): {', '.join(unknown)[:200]} (allowed: {allowed})",
        )


ServicesDep = Annotated[Services, Depends(_services)]
StoreDep = Annotated[ObjectStore, Depends(_store)]
MetricsDep = Annotated[GatewayMetrics, Depends(_metrics)]
PlansDep = Annotated[HeldPlans, Depends(_plans)]
PublisherDep = Annotated[Publisher, Depends(_publisher)]
TenantDep = Annotated[str, Depends(_tenant)]
SessionKeysDep = Annotated[SessionKeys, Depends(_session_keys)]
CriteriaLibraryDep = Annotated[CriteriaLibrary, Depends(_criteria_library)]
CriteriaNameDep = Annotated[str, Depends(_criteria_name)]
SessionStateDep = Annotated[SessionState, Depends(_session_state)]
# `GET /api/sessions/{id}`: what a person sees, never what a change is decided on.
SettledStateDep = Annotated[SessionState, Depends(_settled_state)]
# The download endpoints also accept a download token in place of the API key.
DownloadKeysDep = Annotated[SessionKeys, Depends(_download_keys)]
DownloadStateDep = Annotated[SessionState, Depends(_download_state)]
