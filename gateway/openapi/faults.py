"""The errors each route can answer with, for its `responses=`: the exception handlers
answer them, so FastAPI cannot infer them. Bodies are `ApiError` (`{code, message}`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.errors import ApiError


@dataclass(frozen=True)
class Fault:
    """One error a route can answer with: its status, what it means, an example body."""

    status: int
    meaning: str
    example: ApiError


def _fault(status: int, meaning: str, code: str, message: str) -> Fault:
    return Fault(status, meaning, ApiError(code=code, message=message))


UNAUTHORIZED = _fault(
    401,
    "`unauthorized`: no `Authorization: Bearer` header, or an unknown API key",
    "unauthorized",
    "unknown API key",
)
UNAUTHORIZED_DOWNLOAD = _fault(
    401,
    "`unauthorized`: neither a known API key nor a valid download token for this session",
    "unauthorized",
    "the download token is invalid, expired or for another session",
)
SESSION_NOT_FOUND = _fault(
    404,
    "`session_not_found`: an unknown or malformed id, or another tenant's session",
    "session_not_found",
    "no such session",
)
UNKNOWN_LOG_TYPE = _fault(
    404,
    "`unknown_log_type`: a log type other than `pipeline`, `errors` and `hubspot`",
    "unknown_log_type",
    "unknown log type 'debug'; valid types: pipeline, errors, hubspot",
)
SESSION_RUNNING = _fault(
    409,
    "`session_running`: the session is running already",
    "session_running",
    "the session is running and cannot be started again",
)
SESSION_FINISHED = _fault(
    409,
    "`session_finished`: the session is completed, failed or cancelled",
    "session_finished",
    "the session is completed and cannot be started again",
)
SESSION_ACTIVE = _fault(
    409,
    "`session_active`: the session is queued or running; cancel it first",
    "session_active",
    "the session is running; cancel it first",
)
UPLOAD_TOO_LARGE = _fault(
    413,
    "`file_too_large`, `too_many_rows` or `archive_too_large` (an XLSX that expands far "
    "beyond its size): the upload is over a limit of `/api/capabilities`",
    "file_too_large",
    "the file is larger than the limit of 104857600 bytes",
)
NOT_A_FORM = _fault(
    415,
    "`invalid_form`: the body is not `multipart/form-data`",
    "invalid_form",
    "send the upload as multipart/form-data with a `file` part",
)
UNSUPPORTED_FORMAT = _fault(
    415,
    "`unsupported_format`: the file is neither CSV, XLSX nor XLS (told from its content)",
    "unsupported_format",
    "the file is not a CSV, XLSX or XLS spreadsheet; export it from your spreadsheet "
    "program as CSV or XLSX",
)
UPLOAD_REFUSED = _fault(
    422,
    "`missing_file`, `too_many_files`, `invalid_filename`, `invalid_form`, "
    "`unknown_form_field`, `empty_file`, `no_rows`, `no_company_column`, `corrupt_file`, "
    "`password_protected`, "
    "`sheet_not_found`, `field_too_large`, `context_too_long`, `invalid_option`, "
    "`option_unavailable`, `invalid_criteria_name`, `criteria_not_found`, "
    "`product_not_found`, `field_set_not_found`, a refused field list "
    "(`invalid_fields`, `too_many_fields`, `duplicate_field_name`, ...) or a refused webhook "
    "URL (`invalid_webhook_url`): the form or the file is refused; the message says why",
    "no_company_column",
    "no column holds company names (every name cell is empty or a number)",
)
CRITERIA_REFUSED = _fault(
    422,
    "`invalid_criteria` (the message names the row and column), `invalid_criteria_name`, "
    "`missing_file`, `too_many_files`, `invalid_filename`, `invalid_form`, "
    "`unknown_form_field`, `empty_file`, `corrupt_file`, `password_protected` or "
    "`field_too_large`: the form or the file is "
    "refused; the message says why",
    "invalid_criteria",
    "row 7, column 'Criteria Type': unknown type 'Sometimes': use General, Qualification, "
    "Mandatory or NTH (Nice to Have)",
)
CRITERIA_TOO_LARGE = _fault(
    413,
    "`file_too_large` or `archive_too_large`: the file is over `max_criteria_bytes` of "
    "`/api/capabilities`, or an XLSX expands far beyond its size",
    "file_too_large",
    "the file is larger than the limit of 2097152 bytes",
)
INVALID_CRITERIA_NAME = _fault(
    422,
    "`invalid_criteria_name`: a name is 1-64 letters, digits, `.`, `_` or `-`, starting "
    "with a letter or digit",
    "invalid_criteria_name",
    "a criteria name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
)
CRITERIA_NOT_FOUND = _fault(
    404,
    "`criteria_not_found`: the caller has no criteria file of this name",
    "criteria_not_found",
    "no criteria file named 'cdn'",
)
CRITERIA_EXISTS = _fault(
    409,
    "`criteria_exists`: a criteria file of this name exists; replace it with PUT",
    "criteria_exists",
    "a criteria file named 'cdn' exists; replace it with PUT or choose another name",
)
QUALIFY_REFUSED = _fault(
    422,
    "`invalid_request` (a body that is not JSON `{criteria, products}`), "
    "`invalid_criteria_name`, `criteria_not_found`, `product_not_found`, "
    "`option_unavailable` (no LLM configured) or `no_rows`: the message says why",
    "criteria_not_found",
    "no criteria file named cdn; GET /api/criteria lists yours",
)
BODY_TOO_LARGE = _fault(
    413,
    "`body_too_large`: the JSON body is larger than 64 KB",
    "body_too_large",
    "the request body is larger than 65536 bytes",
)
FIELD_SET_NOT_FOUND = _fault(
    404,
    "`field_set_not_found`: no field set with this id for the caller",
    "field_set_not_found",
    "no field set with id '0123456789abcdef0123456789abcdef'",
)
FIELDS_REFUSED = _fault(
    422,
    "`invalid_request`, `invalid_fields`, `invalid_field`, `too_many_fields`, "
    "`duplicate_field_name`, `unknown_field_type`, `field_description_too_long`, "
    "`enum_without_options` or `invalid_field_set`: the field list is refused; the message "
    "says why",
    "duplicate_field_name",
    "the field name 'employees' is used twice",
)
WEBHOOK_REFUSED = _fault(
    422,
    "`invalid_request` or `invalid_webhook_url`: not an http(s) URL, or one that points to "
    "loopback, a private network or another address page fetches may not reach",
    "invalid_webhook_url",
    "the webhook URL points to a loopback address",
)
RATE_LIMITED = _fault(
    429,
    "`rate_limited`: too many requests from the caller; retry after `Retry-After` seconds",
    "rate_limited",
    "too many single-company requests; retry in 3 s",
)
ENRICH_FAILED = _fault(
    502,
    "`enrich_failed`: the worker could not enrich the company",
    "enrich_failed",
    "the worker could not enrich the company (RuntimeError)",
)
ENRICH_TIMEOUT = _fault(
    504,
    "`enrich_timeout`: no worker answered within the timeout (`DOSSIER_ENRICH_TIMEOUT_S`)",
    "enrich_timeout",
    "no answer within 60 s",
)
ENRICH_REFUSED = _fault(
    422,
    "`invalid_request`, `option_unavailable` or a refused field list (`too_many_fields`, "
    "`duplicate_field_name`, ...): the request is refused; the message says why",
    "option_unavailable",
    "custom fields need a language model, and this server has none configured",
)
SESSION_NOT_COMPLETED = _fault(
    409,
    "`session_not_completed`: only a completed session's results can be qualified",
    "session_not_completed",
    "the session is running; only a completed session can be qualified",
)
ROW_NOT_FOUND = _fault(
    404,
    "`row_not_found`: the session has no result for this row (yet)",
    "row_not_found",
    "the session has no result for row 12 (yet)",
)
ROW_NOT_IN_REVIEW = _fault(
    409,
    "`row_not_in_review`: the row is not `needs_review`, or was decided already",
    "row_not_in_review",
    "row 12 is ok, not needs_review",
)
REVIEW_WHILE_RUNNING = _fault(
    409,
    "`session_running`: the session is queued or running; review once it has ended",
    "session_running",
    "the session is running; review once it has ended",
)
REVIEW_REFUSED = _fault(
    422,
    '`invalid_request`: a body other than `{"decision": "accept"}` or `"reject"`',
    "invalid_request",
    "decision: Input should be 'accept' or 'reject'",
)
SESSION_STARTED = _fault(
    409,
    "`session_started`: the session was started; its columns can no longer change. "
    "`columns_fixed`: a session made by qualify from another session's results",
    "session_started",
    "the session is running; columns can only change before it starts",
)
COLUMNS_REFUSED = _fault(
    422,
    "`column_not_found`, `same_column`, `sheet_not_found` (the message lists the columns or "
    "sheets), `no_rows`, `no_company_column` or `invalid_request` (a body that does not fit): "
    "nothing changed",
    "column_not_found",
    "the file has no column 'Firm'; columns: Company, Website",
)
RESULTS_QUERY_REFUSED = _fault(
    422,
    "`unknown_row_status`, `unknown_confidence_band`, `unknown_sort_column` (the message "
    "lists the values allowed) or `invalid_request`",
    "unknown_sort_column",
    "cannot sort by 'Description' (sortable: row, Company_Name, Official_Website, ...)",
)
SESSION_NOT_RETRYABLE = _fault(
    409,
    "`session_running` (queued or running, a retry included), `session_not_started`, "
    "`session_cancelled` or `nothing_to_retry` (no row has the statuses asked for, nor a "
    "failed step of those asked for, nor an accepted website still in review when "
    "`reviewed` is asked for): nothing changed",
    "session_running",
    "the session is running; only a finished session can be retried",
)
RETRY_REFUSED = _fault(
    422,
    "`invalid_statuses` (a status rows cannot be retried from), `invalid_steps` (no such "
    "optional step), `invalid_reviewed` (reviewed rows other than `accepted`) or "
    "`invalid_request` (a body that is not JSON `{statuses, steps, reviewed}`): nothing "
    "changed",
    "invalid_statuses",
    "rows cannot be retried from 'duplicate'; use any of failed, not_found, dead_url, "
    "needs_review, blocked_url, ok",
)
INVALID_QUERY = _fault(
    422,
    "`invalid_request`: a query parameter with a bad value",
    "invalid_request",
    "query.limit: Input should be a valid integer, unable to parse string as an integer",
)
UNKNOWN_PARAMETER = _fault(
    422,
    "`unknown_parameter`: a query parameter this endpoint does not define",
    "unknown_parameter",
    "unknown query parameter(s): page (allowed: cursor, limit, status)",
)
BROKER_UNAVAILABLE = _fault(
    503,
    "`broker_unavailable`: the message broker is unreachable; retry later",
    "broker_unavailable",
    "the message broker is not reachable",
)
STORAGE_UNAVAILABLE = _fault(
    503,
    "`storage_unavailable`: the object storage is unreachable; retry later",
    "storage_unavailable",
    "object storage is unreachable; try again in a few seconds",
)
SHUTTING_DOWN = _fault(
    503,
    "`shutting_down`: the gateway stopped before the upload ended; nothing was kept, send it again",
    "shutting_down",
    "the server is restarting; send the request again",
)

# What every route reading one session can answer, besides its own faults.
ON_SESSION = (UNAUTHORIZED, SESSION_NOT_FOUND, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE)
ON_DOWNLOAD = (
    UNAUTHORIZED_DOWNLOAD,
    SESSION_NOT_FOUND,
    INVALID_QUERY,
    UNKNOWN_PARAMETER,
    STORAGE_UNAVAILABLE,
)

_HEADERS: dict[int, dict[str, Any]] = {
    429: {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
    401: {"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}},
    503: {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
}


def errors(*faults: Fault) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status it can fail with, documented with the
    `{code, message}` model, every fault's meaning and an example of each code."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in sorted({fault.status for fault in faults}):
        same = [fault for fault in faults if fault.status == status]
        examples = {f.example.code: {"value": f.example.model_dump()} for f in same}
        meanings = [fault.meaning for fault in same]
        response: dict[str, Any] = {
            "model": ApiError,
            "description": "\n".join(f"- {m}" for m in meanings) if len(same) > 1 else meanings[0],
            "content": {"application/json": {"examples": examples}},
        }
        if status in _HEADERS:
            response["headers"] = _HEADERS[status]
        responses[status] = response
    return responses
