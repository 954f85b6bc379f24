"""The session resource: list, create, read, preview, start, cancel, delete."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

import structlog
from fastapi import APIRouter, Query, Request, Response, status
from fastapi.types import DecoratedCallable

from gateway.deps import (
    MetricsDep,
    PublisherDep,
    ServicesDep,
    SessionKeysDep,
    SessionStateDep,
    SettledStateDep,
    StoreDep,
    TenantDep,
)
from gateway.errors import ServiceUnavailable, SessionConflict
from gateway.ingest.create import create_session
from gateway.openapi.faults import (
    BROKER_UNAVAILABLE,
    INVALID_QUERY,
    NOT_A_FORM,
    ON_SESSION,
    SESSION_ACTIVE,
    SESSION_FINISHED,
    SESSION_RUNNING,
    SHUTTING_DOWN,
    STORAGE_UNAVAILABLE,
    UNAUTHORIZED,
    UNKNOWN_PARAMETER,
    UNSUPPORTED_FORMAT,
    UPLOAD_REFUSED,
    UPLOAD_TOO_LARGE,
    Fault,
    errors,
)
from gateway.openapi.upload_form import CREATE_FORM
from gateway.resources.sessions import PREVIEW_ROWS, Preview, SessionPage
from shared.errors import NotFound
from shared.ids import is_session_id
from shared.layout import SessionKeys, tenant_sessions_prefix
from shared.lifecycle import SessionStatus, can_cancel, can_delete, can_start
from shared.messages import CancelSession, EndSession, SessionStatusChanged, StartSession
from shared.models import CancelRequest, StartRequest
from shared.rows import InputRow
from shared.rows_format import RowsReader
from shared.session_view import SessionView, session_view
from shared.status import SessionState
from shared.storage.protocol import ObjectStore
from shared.usage import estimate_usage

router = APIRouter(prefix="/api/sessions", tags=["sessions"])
log = structlog.get_logger()


@router.get(
    "",
    summary="The caller's sessions, newest first",
    responses=errors(UNAUTHORIZED, INVALID_QUERY, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE),
)
async def list_sessions(
    services: ServicesDep,
    tenant: TenantDep,
    status_filter: Annotated[SessionStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(pattern=r"^[0-9a-f]{32}$")] = None,
) -> SessionPage:
    """Cursor paging: pass `next_cursor` from one page as `cursor` to get the next."""
    listed = await services.store.list_children(tenant_sessions_prefix(tenant))
    # Listed before any state is read: a change stored during a read shows next time.
    marks = await services.settled.marks(tenant, listed)
    ids = [
        sid for sid in reversed(listed) if is_session_id(sid) and (cursor is None or sid < cursor)
    ]
    items: list[SessionView] = []
    position = 0
    while position < len(ids) and len(items) < limit:
        # Only the sessions that can be on the page are read: without a status filter,
        # exactly the page.
        window = ids[position : position + limit]
        position += len(window)
        states = await services.settled.read(tenant, window, marks)
        for sid, state in zip(window, states, strict=True):
            if state is None or (status_filter is not None and state.status != status_filter):
                continue
            items.append(session_view(state))
            if len(items) == limit:
                position = ids.index(sid) + 1
                break
    more = position < len(ids)
    return SessionPage(items=items, next_cursor=items[-1].session_id if more and items else None)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Create a session from a spreadsheet",
    openapi_extra=CREATE_FORM,
    responses=errors(
        UNAUTHORIZED,
        UPLOAD_TOO_LARGE,
        NOT_A_FORM,
        UNSUPPORTED_FORMAT,
        UPLOAD_REFUSED,
        UNKNOWN_PARAMETER,
        STORAGE_UNAVAILABLE,
        SHUTTING_DOWN,
    ),
)
async def create(request: Request, services: ServicesDep, tenant: TenantDep) -> SessionView:
    length = request.headers.get("content-length")
    manifest = await create_session(
        services.store,
        services.settings,
        tenant,
        request.stream(),
        request.headers.get("content-type", ""),
        int(length) if length and length.isdigit() else None,
    )
    services.metrics.session_created(manifest.input.size_bytes, manifest.input.rows)
    state = SessionState.created(manifest)
    services.settled.created(state)
    return session_view(state)


@router.get("/{session_id}", summary="One session", responses=errors(*ON_SESSION))
async def get_session(state: SettledStateDep) -> SessionView:
    return session_view(state)


@router.get(
    "/{session_id}/preview",
    summary="Detected columns and the first parsed rows",
    responses=errors(*ON_SESSION),
)
async def preview(
    state: SessionStateDep, keys: SessionKeysDep, store: StoreDep, services: ServicesDep
) -> Preview:
    rows: list[InputRow] = []
    buffer = b""
    reader = RowsReader()
    stream = store.iter_bytes(keys.rows)
    try:
        async for chunk in stream:
            buffer += chunk
            while b"\n" in buffer and len(rows) < PREVIEW_ROWS:
                line, buffer = buffer.split(b"\n", 1)
                rows.extend(reader.rows([line]))
            if len(rows) >= PREVIEW_ROWS:
                break
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    summary = state.manifest.input
    return Preview(
        session_id=keys.session_id,
        columns=summary.columns,
        name_column=summary.name_column,
        website_column=summary.website_column,
        input=summary,
        rows=rows,
        estimate=estimate_usage(state.manifest, **services.settings.capabilities().model_dump()),
    )


def _accepted(
    path: str, summary: str, *faults: Fault
) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """A request that is recorded now and carried out by the workers: 202 with the session."""
    return router.post(
        path,
        status_code=status.HTTP_202_ACCEPTED,
        summary=summary,
        responses=errors(*ON_SESSION, *faults),
    )


def _view_after(state: SessionState, status: SessionStatus, **times: datetime) -> SessionView:
    """The session as readers will see it once the request just recorded takes effect."""
    return session_view(state.model_copy(update={"status": status, **times}))


async def _announce_queued(broker: PublisherDep, keys: SessionKeys) -> None:
    """Tell live clients before any worker can say `running`; storage stays the truth, so a
    lost event is only logged."""
    event = SessionStatusChanged(
        tenant=keys.tenant, session_id=keys.session_id, status=SessionStatus.QUEUED
    )
    try:
        await broker.publish_event(event)
    except Exception as exc:
        log.warning("session.queued_event_lost", session_id=keys.session_id, error=str(exc))


@_accepted(
    "/{session_id}/start",
    "Queue the session for processing",
    SESSION_RUNNING,
    SESSION_FINISHED,
    BROKER_UNAVAILABLE,
)
async def start(
    state: SessionStateDep,
    keys: SessionKeysDep,
    store: StoreDep,
    broker: PublisherDep,
    metrics: MetricsDep,
    services: ServicesDep,
) -> SessionView:
    if state.status == SessionStatus.QUEUED:
        return session_view(state)  # already queued: starting twice must not run twice
    if not can_start(state.status):
        raise SessionConflict(
            "session_finished" if state.status.is_final else "session_running",
            f"the session is {state.status.value} and cannot be started again",
        )
    requested = StartRequest(requested_at=datetime.now(UTC))
    if not await store.put_model_if_absent(keys.start_marker, requested):
        return await _started_by_another(state, keys, store)
    await _announce_queued(broker, keys)
    try:
        await broker.publish_start(StartSession(tenant=keys.tenant, session_id=keys.session_id))
    except BaseException as exc:
        # Without the command no worker would ever pick the session up: undo the marker.
        await asyncio.shield(store.delete(keys.start_marker))
        if isinstance(exc, Exception):
            raise ServiceUnavailable("broker_unavailable", "the start was not accepted") from exc
        raise
    metrics.session_started()
    await services.settled.changed(keys, "start")
    return _view_after(state, SessionStatus.QUEUED, started_at=requested.requested_at)


async def _started_by_another(
    state: SessionState, keys: SessionKeys, store: ObjectStore
) -> SessionView:
    """A concurrent start owns the marker and publishes the one start command."""
    try:
        theirs = await store.get_model(keys.start_marker, StartRequest)
    except NotFound:
        # The owner could not publish and took its marker back.
        raise ServiceUnavailable("broker_unavailable", "the start was not accepted") from None
    return _view_after(state, SessionStatus.QUEUED, started_at=theirs.requested_at)


@_accepted(
    "/{session_id}/cancel",
    "Stop the session; finished rows are kept",
    SESSION_FINISHED,
    BROKER_UNAVAILABLE,
)
async def cancel(
    state: SessionStateDep, keys: SessionKeysDep, store: StoreDep, services: ServicesDep
) -> SessionView:
    if not can_cancel(state.status):
        raise SessionConflict(
            "session_finished", f"the session is already {state.status.value}; nothing changed"
        )
    if state.status is SessionStatus.CREATED:
        requested = await _cancel_unstarted(keys, store, services)
    else:
        requested = CancelRequest(requested_at=datetime.now(UTC))
        await store.put_model(keys.cancel_marker, requested)
    try:
        if not services.broker.ready:
            raise ConnectionError("the message broker is not reachable")
        message = CancelSession(tenant=keys.tenant, session_id=keys.session_id)
        await services.broker.publish_cancel(message)
    except Exception as exc:
        # Accepted all the same: workers check the marker before every chunk and poll it
        # while running one, so the cancel takes effect without the message too.
        log.warning("session.cancel_message_lost", session_id=keys.session_id, error=str(exc))
    services.metrics.session_cancelled()
    await services.settled.changed(keys, "cancel")
    return _view_after(state, SessionStatus.CANCELLED, cancel_requested_at=requested.requested_at)


async def _cancel_unstarted(
    keys: SessionKeys, store: ObjectStore, services: ServicesDep
) -> CancelRequest:
    """No worker would ever plan a session never started: the `EndSession` command makes
    one end it (files, final status, webhook). The cancel is accepted only once that
    command is published; without it nothing is left changed and the answer is 503."""
    refused = ServiceUnavailable("broker_unavailable", "the cancel was not accepted")
    if not services.broker.ready:
        raise refused
    requested = CancelRequest(requested_at=datetime.now(UTC))
    # Of cancels racing on one session, the one whose marker is stored publishes.
    if not await store.put_model_if_absent(keys.cancel_marker, requested):
        try:
            return await store.get_model(keys.cancel_marker, CancelRequest)
        except NotFound:
            raise refused from None  # the owner could not publish and took its marker back
    try:
        ending = EndSession(tenant=keys.tenant, session_id=keys.session_id)
        await services.broker.publish_start(ending)
    except BaseException as exc:
        # Without the command the session would stay cancelled yet never end.
        await asyncio.shield(store.delete(keys.cancel_marker))
        if isinstance(exc, Exception):
            raise refused from exc
        raise
    return requested


@router.delete(
    "/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete the session and all its objects",
    responses=errors(*ON_SESSION, SESSION_ACTIVE),
)
async def delete(
    state: SessionStateDep, keys: SessionKeysDep, store: StoreDep, services: ServicesDep
) -> Response:
    if not can_delete(state.status):
        raise SessionConflict(
            "session_active", f"the session is {state.status.value}; cancel it first"
        )
    # The manifest goes first: from then on the session no longer exists for readers.
    await store.delete(SessionKeys(keys.tenant, keys.session_id).manifest)
    await services.settled.changed(keys, "delete")
    await store.delete_prefix(keys.prefix)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
