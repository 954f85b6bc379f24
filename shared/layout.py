"""Where every object of a session lives in the bucket, and who writes it.

tenants/<tenant>/criteria/<name>.json     gateway (`CriteriaFile`, replaced whole)
tenants/<tenant>/criteria/<name>.source   gateway (the uploaded file, as sent)
tenants/<tenant>/field_sets/<id>.json     gateway (`FieldSet`, replaced whole)
tenants/<tenant>/webhook.json             gateway (`WebhookConfig`: default URL and secret)
tenants/<tenant>/session_marks/<id>.json   gateway, after each change to a session a person
                                          makes (start, columns, cancel, review decision,
                                          retry, delete): new bytes each time
                                          (`SessionMark`, gateway/settled_states.py), so one
                                          listing tells readers which kept states changed;
                                          a deleted session's mark goes once its folder
                                          is no longer listed
tenants/<tenant>/settled_states.json      any gateway, derived: settled sessions' states as read
                                          from their objects, each with the mark listed
                                          before the read and when it was read
                                          (`StoredSettled`, gateway/settled_copy.py), so a
                                          process that just started reads one object, not
                                          each settled session; written whole, any version
                                          is correct (entries are checked as kept ones are)
tenants/<tenant>/created_states/<writer>.json
                                          one gateway process (`<writer>`), derived: the
                                          sessions it created in the last five minutes, as
                                          created (`StoredSettled`,
                                          gateway/created_states.py), so another gateway
                                          lists them without reading each; rewritten whole
                                          by that process only, removed by any reader once
                                          ten minutes old
tenants/<tenant>/cache/blocks/<stamp>.jsonl  chunk workers, once per chunk: the chunk's
                                          `CacheEntry` lines (shared/cache_blocks.py)
tenants/<tenant>/cache/index/<stamp>.idx   the same worker, right after its block: the
                                          block's key hashes and where each line is
tenants/<tenant>/cache/summaries/<stamp>.sum  any chunk worker, derived: the key hashes of
                                          the indexes up to <stamp>, read by a worker
                                          new to the tenant instead of each of them

tenants/<tenant>/sessions/<id>/
    manifest.json            gateway, last step of a successful upload; replaced (after
                             rows.jsonl) when the columns or sheet change before the start
    criteria.json            gateway, just before the manifest: the criteria files chosen
                             and the products kept, as they were then (`SessionCriteria`),
                             so later edits never change a run
    input/<filename>         gateway (the upload, streamed)
    context.txt              gateway
    rows.jsonl               gateway (parsed input rows, rows format 3: a header with the
                             columns, then each row's cells; sessions stored before hold
                             `InputRow` objects; `shared/rows_format.py` reads both);
                             written again by `PUT .../columns`, only before the start
                             marker exists
    markers/start.json       gateway (conditional write: one start owns it)
    markers/cancel.json      gateway
    plan.json                planning worker (conditional write: one planner owns it)
    running_sums.json        any gateway, derived: the sums of the run's chunk summaries
                             0..n-1 (`RunningSums`, shared/running_sums.py), so a process
                             that just started lists only the summaries after them
    chunks/inputs/<g>.jsonl  planning worker (`PlannedRow`): the inputs of chunks
                             g*k .. g*k+k-1, one after the other, k the plan's
                             `chunks_per_input`; the plan gives each chunk's byte length,
                             and a chunk reads only its own range
    chunks/input/<n>.jsonl   planning worker of a session planned before groups (its
                             plan without `input_sizes`): one object per chunk, still read
                             as it is
    chunks/results/<n>.jsonl chunk worker (`ResultRow`), written once per chunk
    chunks/logs/<n>.jsonl    chunk worker (structlog JSON lines)
    chunks/done/<n>.json     chunk worker, after results and logs (`ChunkSummary`)
    chunks/hubspot/<n>.json  chunk worker, after each HubSpot batch create (`HubSpotCreated`)
    reviews/<row>.json       gateway, once per row: a person's decision on a row left for
                             review (`ReviewDecision`), applied wherever rows are shown
    final/claims/<k>/<g>.json   finalizer (conditional write: one worker finalizes round
                             k, `FinalizeClaim`; renewed while it works; once its lease
                             has run out, another worker takes over by writing claim g+1)
    final/status.json        finalizer, last (`FinalStatus`)
    webhook/claim.json       finalizer (conditional write: one worker delivers the webhook
                             of the session's own run, `WebhookClaim`)
    webhook/deliveries.json  that worker, after each attempt (`DeliveryLog`)
    final/results.{csv,xlsx,json}, final/logs/<type>.log   finalizer
    retries/<k>/request.json gateway (conditional write: one retry owns round k, `RetryRequest`)
    retries/<k>/plan.json, retries/<k>/chunks/...   retry round k, laid out like the
                             session's own chunks, but each chunk's input (the rows it
                             runs again) in one object of its own, chunks/input/<n>.jsonl;
                             a round's chunk n replaces chunk n
    retries/<k>/running_sums.json   any gateway, derived: the session's sums with the
                             round's first n planned chunks at their round-k version
                             (`RunningSums`, shared/round_summaries.py)
    retries/<k>/webhook/claim.json, retries/<k>/webhook/deliveries.json   the webhook of
                             round k's end, claimed and logged like the session's own
"""

from __future__ import annotations

from dataclasses import dataclass

LOG_TYPES: tuple[str, ...] = ("pipeline", "errors", "hubspot")
EXPORT_FORMATS: tuple[str, ...] = ("csv", "xlsx", "json")


def tenant_sessions_prefix(tenant: str) -> str:
    return f"tenants/{tenant}/sessions/"


def session_marks_prefix(tenant: str) -> str:
    return f"tenants/{tenant}/session_marks/"


def session_mark_key(tenant: str, session_id: str) -> str:
    return f"{session_marks_prefix(tenant)}{session_id}.json"


def settled_states_key(tenant: str) -> str:
    return f"tenants/{tenant}/settled_states.json"


def created_states_prefix(tenant: str) -> str:
    return f"tenants/{tenant}/created_states/"


def created_states_key(tenant: str, writer: str) -> str:
    """One gateway process's sessions created in the last minutes (`writer`: the process)."""
    return f"{created_states_prefix(tenant)}{writer}.json"


def tenant_criteria_prefix(tenant: str) -> str:
    return f"tenants/{tenant}/criteria/"


def tenant_cache_prefix(tenant: str) -> str:
    return f"tenants/{tenant}/cache/"


def cache_domain_key(tenant: str, domain: str) -> str:
    """The name a cache entry is known by (hashed into the index, kept in the entry)."""
    return f"{tenant_cache_prefix(tenant)}domains/{domain}.json"


def cache_name_key(tenant: str, country: str, name_digest: str) -> str:
    return f"{tenant_cache_prefix(tenant)}names/{country or '-'}/{name_digest}.json"


def cache_index_prefix(tenant: str) -> str:
    return f"{tenant_cache_prefix(tenant)}index/"


def cache_index_key(tenant: str, stamp: str) -> str:
    return f"{cache_index_prefix(tenant)}{stamp}.idx"


def cache_summary_prefix(tenant: str) -> str:
    return f"{tenant_cache_prefix(tenant)}summaries/"


def cache_summary_key(tenant: str, stamp: str) -> str:
    return f"{cache_summary_prefix(tenant)}{stamp}.sum"


def cache_block_key(tenant: str, stamp: str) -> str:
    return f"{tenant_cache_prefix(tenant)}blocks/{stamp}.jsonl"


def criteria_key(tenant: str, name: str) -> str:
    return f"{tenant_criteria_prefix(tenant)}{name}.json"


def criteria_source_key(tenant: str, name: str) -> str:
    return f"{tenant_criteria_prefix(tenant)}{name}.source"


def field_set_key(tenant: str, set_id: str) -> str:
    return f"tenants/{tenant}/field_sets/{set_id}.json"


def webhook_config_key(tenant: str) -> str:
    return f"tenants/{tenant}/webhook.json"


def field_sets_prefix(tenant: str) -> str:
    return f"tenants/{tenant}/field_sets/"


def round_name(round_: int) -> str:
    return f"{round_:04d}"


def chunk_name(chunk: int) -> str:
    return f"{chunk:06d}"


def chunk_from_key(key: str) -> int:
    """`.../chunks/done/000012.json` -> 12."""
    return int(key.rsplit("/", 1)[-1].split(".", 1)[0])


@dataclass(frozen=True)
class SessionKeys:
    tenant: str
    session_id: str
    # 0: the session's own run; k > 0: retry round k, whose plan and chunk objects live
    # under `retries/<k>/`. Session-wide objects (manifest, markers, final) are shared.
    round: int = 0

    @property
    def prefix(self) -> str:
        return f"{tenant_sessions_prefix(self.tenant)}{self.session_id}/"

    @property
    def retries_prefix(self) -> str:
        return self.prefix + "retries/"

    def in_round(self, round_: int) -> SessionKeys:
        return SessionKeys(self.tenant, self.session_id, round_)

    @property
    def session(self) -> SessionKeys:
        """The session's own keys, whatever round these are for."""
        return self.in_round(0)

    def retry_request(self, round_: int) -> str:
        return f"{self.retries_prefix}{round_name(round_)}/request.json"

    @property
    def _run_prefix(self) -> str:
        if self.round == 0:
            return self.prefix
        return f"{self.retries_prefix}{round_name(self.round)}/"

    @property
    def run_prefix(self) -> str:
        """The folder of this round's plan, chunks and stored sums (round 0: the session's)."""
        return self._run_prefix

    @property
    def manifest(self) -> str:
        return self.prefix + "manifest.json"

    def input_file(self, filename: str) -> str:
        return self.prefix + "input/" + filename

    @property
    def context(self) -> str:
        return self.prefix + "context.txt"

    @property
    def criteria(self) -> str:
        return self.prefix + "criteria.json"

    @property
    def rows(self) -> str:
        return self.prefix + "rows.jsonl"

    @property
    def start_marker(self) -> str:
        return self.prefix + "markers/start.json"

    @property
    def cancel_marker(self) -> str:
        return self.prefix + "markers/cancel.json"

    @property
    def plan(self) -> str:
        return self._run_prefix + "plan.json"

    def chunk_input(self, chunk: int) -> str:
        """One chunk's input alone: a retry round's, or a session's planned before groups."""
        return f"{self._run_prefix}chunks/input/{chunk_name(chunk)}.jsonl"

    def chunk_input_group(self, group: int) -> str:
        """The inputs of a group of consecutive chunks (the plan's `chunks_per_input`)."""
        return f"{self._run_prefix}chunks/inputs/{chunk_name(group)}.jsonl"

    @property
    def chunk_results_prefix(self) -> str:
        return self._run_prefix + "chunks/results/"

    def chunk_results(self, chunk: int) -> str:
        return f"{self.chunk_results_prefix}{chunk_name(chunk)}.jsonl"

    @property
    def chunk_exports_prefix(self) -> str:
        return self._run_prefix + "chunks/exports/"

    def chunk_exports(self, chunk: int) -> str:
        """The chunk's rows rendered for the final files (worker/chunk_exports.py)."""
        return f"{self.chunk_exports_prefix}{chunk_name(chunk)}.bin"

    def chunk_logs(self, chunk: int) -> str:
        return f"{self._run_prefix}chunks/logs/{chunk_name(chunk)}.jsonl"

    @property
    def chunk_done_prefix(self) -> str:
        return self._run_prefix + "chunks/done/"

    def chunk_done(self, chunk: int) -> str:
        return f"{self.chunk_done_prefix}{chunk_name(chunk)}.json"

    def chunk_hubspot_created(self, chunk: int) -> str:
        return f"{self._run_prefix}chunks/hubspot/{chunk_name(chunk)}.json"

    @property
    def webhook_claim(self) -> str:
        """Each round's end is announced once: the claim is the round's own."""
        return self._run_prefix + "webhook/claim.json"

    @property
    def webhook_deliveries(self) -> str:
        return self._run_prefix + "webhook/deliveries.json"

    @property
    def reviews_prefix(self) -> str:
        return self.prefix + "reviews/"

    def review(self, row: int) -> str:
        return f"{self.reviews_prefix}{row:09d}.json"

    @property
    def finalize_claims_prefix(self) -> str:
        """Claims to finalize this round; the latest (highest `g`) is the one in force."""
        return f"{self.prefix}final/claims/{self.round:04d}/"

    def finalize_claim(self, generation: int) -> str:
        return f"{self.finalize_claims_prefix}{generation:06d}.json"

    @property
    def final_status(self) -> str:
        return self.prefix + "final/status.json"

    def final_results(self, fmt: str) -> str:
        return f"{self.prefix}final/results.{fmt}"

    def final_log(self, log_type: str) -> str:
        return f"{self.prefix}final/logs/{log_type}.log"
