"""The HTTP API as Python methods: one `DossierClient` per base URL and key.

Resources come back as the JSON objects docs/api.md describes (plain dicts: fields a
later gateway adds simply appear); every error answer raises `ApiError`.
"""

from __future__ import annotations

import contextlib
import json
import mimetypes
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Literal, get_args

import httpx

from client.config import ClientConfig, resolve_config
from client.errors import ApiError, DossierError, Unreachable, error_from_response, raise_for_error
from client.live import Progress, watch_session, watch_tenant

if TYPE_CHECKING:
    import pandas as pd

Json = dict[str, Any]
ResultFormat = Literal["csv", "xlsx", "json"]
LogType = Literal["pipeline", "errors", "hubspot"]
RESULT_FORMATS: tuple[ResultFormat, ...] = get_args(ResultFormat)
# The largest page the gateway serves; results are read in as few requests as it allows.
MAX_PAGE = 1000
DOWNLOAD_BLOCK = 1024 * 1024


def result_format(name: str) -> ResultFormat:
    for fmt in RESULT_FORMATS:
        if fmt == name.lower():
            return fmt
    raise ValueError(f"results are {', '.join(RESULT_FORMATS)}, not {name!r}")


def format_of(path: Path, default: ResultFormat = "xlsx") -> ResultFormat:
    """The results format a file name asks for by its extension."""
    suffix = path.suffix.lstrip(".")
    if not suffix:
        return default
    try:
        return result_format(suffix)
    except ValueError as error:
        raise ValueError(f"{path.name}: {error}") from None


class DossierClient:
    """A synchronous client of the gateway (and, for `watch`, of the notifier)."""

    def __init__(self, config: ClientConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self._http = httpx.Client(
            base_url=config.api_url,
            headers={"Authorization": f"Bearer {config.api_key}"},
            timeout=config.timeout,
            transport=transport,
        )
        self._notifier_url = config.notifier_url

    @classmethod
    def from_env(cls, **overrides: Any) -> DossierClient:
        """A client configured as `resolve_config` finds (arguments win)."""
        return cls(resolve_config(**overrides))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> DossierClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Sessions

    def create_session(
        self,
        path: str | os.PathLike[str],
        *,
        context: str | None = None,
        deep_search: bool = False,
        hubspot_read: bool = False,
        hubspot_write: bool = False,
        sheet: str | None = None,
        custom_fields: list[Json] | None = None,
        field_set: str | None = None,
        webhook_url: str | None = None,
    ) -> Json:
        """Upload a CSV/XLSX/XLS file; the new session (status `created`). `custom_fields`
        are `{name, description, type, options}` objects; `field_set` a saved set's id."""
        path = Path(path)
        form = {
            "run_llm_deep_search_pipeline": _flag(deep_search),
            "use_hubspot_integration": _flag(hubspot_read),
            "write_to_hubspot": _flag(hubspot_write),
        }
        if context:
            form["context_text"] = context
        if sheet:
            form["sheet"] = sheet
        if custom_fields:
            form["custom_fields"] = json.dumps(custom_fields)
        if field_set:
            form["field_set"] = field_set
        if webhook_url:
            form["webhook_url"] = webhook_url
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            source = path.open("rb")
        except OSError as error:
            raise DossierError(f"cannot read {path}: {error.strerror or error}") from None
        with source:
            files = {"file": (path.name, source, content_type)}
            return self._json("POST", "/api/sessions", data=form, files=files)

    def start(self, session_id: str) -> Json:
        return self._json("POST", f"/api/sessions/{session_id}/start")

    def status(self, session_id: str) -> Json:
        return self._json("GET", f"/api/sessions/{session_id}")

    def preview(self, session_id: str) -> Json:
        return self._json("GET", f"/api/sessions/{session_id}/preview")

    def cancel(self, session_id: str) -> Json:
        return self._json("POST", f"/api/sessions/{session_id}/cancel")

    def retry(
        self,
        session_id: str,
        statuses: Sequence[str] = (),
        steps: Sequence[str] = (),
        reviewed: Sequence[str] = (),
    ) -> Json:
        """Run the rows of `statuses` again, those whose optional `steps` failed, and the
        `reviewed` rows (`accepted`: run with the website a person accepted); the server's
        default statuses when all are empty, none when only steps or reviewed are named."""
        body: dict[str, list[str]] = {}
        if statuses:
            body["statuses"] = list(statuses)
        if steps:
            body["steps"] = list(steps)
        if reviewed:
            body["reviewed"] = list(reviewed)
        return self._json("POST", f"/api/sessions/{session_id}/retry", json=body or None)

    def delete(self, session_id: str) -> None:
        self._request("DELETE", f"/api/sessions/{session_id}")

    def list_sessions(
        self, *, status: str | None = None, limit: int = 50, cursor: str | None = None
    ) -> Json:
        """One page, newest first: `{"items": [...], "next_cursor": ...}`."""
        params: dict[str, str | int] = {"limit": limit}
        if status:
            params["status"] = status
        if cursor:
            params["cursor"] = cursor
        return self._json("GET", "/api/sessions", params=params)

    def iter_sessions(self, *, status: str | None = None) -> Iterator[Json]:
        """Every session of the tenant, newest first, page after page."""
        cursor: str | None = None
        while True:
            page = self.list_sessions(status=status, limit=200, cursor=cursor)
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    # Results

    def results(self, session_id: str, *, offset: int = 0, limit: int = 100) -> Json:
        """One JSON page of result rows; `partial` while the session runs."""
        params = {"offset": offset, "limit": limit}
        return self._json("GET", f"/api/sessions/{session_id}/results", params=params)

    def iter_result_pages(self, session_id: str) -> Iterator[Json]:
        """Every page of results, in as few requests as the gateway allows."""
        offset: int | None = 0
        while offset is not None:
            page = self.results(session_id, offset=offset, limit=MAX_PAGE)
            yield page
            offset = page.get("next_offset")

    def iter_results(self, session_id: str) -> Iterator[Json]:
        """Every result row finished so far, in input order."""
        for page in self.iter_result_pages(session_id):
            yield from page["rows"]

    def results_frame(self, session_id: str) -> pd.DataFrame:
        """The result rows as a DataFrame: the output columns in their documented order,
        indexed by `row` (the row's 0-based position among the uploaded rows)."""
        # pandas takes a while to import; only this method needs it.
        from client.frame import results_frame

        columns: list[str] = []
        rows: list[Json] = []
        for page in self.iter_result_pages(session_id):
            columns = page["columns"]
            rows.extend(page["rows"])
        return results_frame(columns, rows)

    def download_results(
        self,
        session_id: str,
        path: str | os.PathLike[str],
        fmt: ResultFormat | None = None,
    ) -> Path:
        """Stream the results file to `path`; the format defaults to the path's extension."""
        path = Path(path)
        fmt = fmt or format_of(path)
        url = f"/api/sessions/{session_id}/results"
        return self._download(url, path, params={"format": fmt})

    def stream_results(self, session_id: str, fmt: ResultFormat) -> Iterator[bytes]:
        """The results file as it streams from the gateway (to pipe it elsewhere)."""
        url = f"/api/sessions/{session_id}/results"
        with self._stream("GET", url, params={"format": fmt}) as response:
            yield from response.iter_bytes(DOWNLOAD_BLOCK)

    def download_archive(self, session_id: str, path: str | os.PathLike[str]) -> Path:
        """Stream the zip of input, context, results, logs and metadata to `path`."""
        return self._download(f"/api/sessions/{session_id}/download_archive", Path(path))

    def iter_logs(self, session_id: str, log_type: LogType = "pipeline") -> Iterator[bytes]:
        """The session's log as it streams from the gateway."""
        with self._stream("GET", f"/api/sessions/{session_id}/logs/{log_type}") as response:
            yield from response.iter_bytes()

    def logs(self, session_id: str, log_type: LogType = "pipeline") -> str:
        return b"".join(self.iter_logs(session_id, log_type)).decode("utf-8", "replace")

    # One company, field sets, webhooks

    def enrich(
        self,
        name: str,
        *,
        website: str | None = None,
        country: str | None = None,
        context: str | None = None,
        fields: list[Json] | None = None,
    ) -> Json:
        """One company enriched now: the result columns of a session row."""
        body: Json = {"name": name}
        body |= {k: v for k, v in (("website", website), ("country", country)) if v}
        if context:
            body["context"] = context
        if fields:
            body["fields"] = fields
        return self._json("POST", "/api/enrich", json=body)

    def field_sets(self) -> list[Json]:
        return list(self._json("GET", "/api/field_sets")["items"])

    def create_field_set(self, name: str, fields: list[Json]) -> Json:
        return self._json("POST", "/api/field_sets", json={"name": name, "fields": fields})

    def delete_field_set(self, set_id: str) -> None:
        self._request("DELETE", f"/api/field_sets/{set_id}")

    def webhook(self) -> Json:
        return self._json("GET", "/api/webhook")

    def set_webhook(self, url: str | None) -> Json:
        return self._json("PUT", "/api/webhook", json={"url": url})

    def webhook_deliveries(self, session_id: str) -> Json:
        return self._json("GET", f"/api/sessions/{session_id}/webhook_deliveries")

    # Deployment and live progress

    def capabilities(self) -> Json:
        return self._json("GET", "/api/capabilities")

    def notifier_url(self) -> str:
        if self._notifier_url is None:
            self._notifier_url = str(self.capabilities()["notifier_url"])
        return self._notifier_url

    def watch(self, session_id: str, since_round: int = 0) -> Iterator[Progress]:
        """The session's progress from the notifier, until it has finished (its retry
        round `since_round` or a later one, when given)."""
        return watch_session(self.notifier_url(), self.config.api_key, session_id, since_round)

    def watch_tenant(self) -> Iterator[Progress]:
        """The progress of every session of the key's tenant, for as long as it is read."""
        return watch_tenant(self.notifier_url(), self.config.api_key)

    # Transport

    def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TransportError as error:
            raise self._unreachable(error) from None
        raise_for_error(response)
        return response

    def _json(self, method: str, url: str, **kwargs: Any) -> Json:
        body = self._request(method, url, **kwargs).json()
        if not isinstance(body, dict):
            raise ApiError("unexpected_answer", f"{method} {url} did not answer a JSON object")
        return body

    @contextlib.contextmanager
    def _stream(self, method: str, url: str, **kwargs: Any) -> Iterator[httpx.Response]:
        try:
            with self._http.stream(method, url, **kwargs) as response:
                if response.is_error:
                    response.read()
                    raise error_from_response(response)
                yield response
        except httpx.TransportError as error:
            raise self._unreachable(error) from None

    def _download(self, url: str, path: Path, params: dict[str, str] | None = None) -> Path:
        """Write to a temporary file beside `path` and rename it when complete, so an
        interrupted download never leaves a truncated file under the wanted name."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._stream("GET", url, params=params) as response:
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as sink:
                    _copy(response.iter_bytes(DOWNLOAD_BLOCK), sink)
                Path(temporary).replace(path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        return path

    def _unreachable(self, error: httpx.TransportError) -> Unreachable:
        reason = str(error) or type(error).__name__
        return Unreachable(f"cannot reach the Dossier API at {self.config.api_url}: {reason}")


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _copy(blocks: Iterator[bytes], sink: IO[bytes]) -> None:
    for block in blocks:
        sink.write(block)
