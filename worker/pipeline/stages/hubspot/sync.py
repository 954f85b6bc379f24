"""HubSpot for one chunk: look companies up by exact domain, then write results back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

import structlog

from shared.company_keys import registered_domain
from shared.rows import PlannedRow, ResultRow, RowStatus, StepStatus
from worker.pipeline.clients.hubspot.companies_api import (
    BATCH,
    BatchOutcome,
    HubSpotClient,
    HubSpotError,
    exact_host,
)
from worker.pipeline.clients.hubspot.company_records import Company
from worker.pipeline.protocol import CreatedLedger, MemoryLedger
from worker.pipeline.stages.hubspot.created import CreatedCompanies
from worker.pipeline.stages.hubspot.links import RecordLinks
from worker.pipeline.stages.hubspot.properties import WrittenProperties

# Rows named in one refusal's log line; `count` says how many there were.
_ROWS_LOGGED = 20


@dataclass
class _Write:
    domain: str
    company: Company | None
    properties: dict[str, str]
    rows: list[int] = field(default_factory=list)


class HubSpotSync:
    def __init__(
        self,
        client: HubSpotClient,
        links: RecordLinks,
        freshness_days: int,
        write_properties: tuple[str, ...],
        created: CreatedCompanies,
        log: structlog.typing.FilteringBoundLogger,
        today: Callable[[], date] = lambda: datetime.now(UTC).date(),
        late_window_s: float = 0.2,
        ledger: CreatedLedger | None = None,
        qualification_property: str = "",
    ) -> None:
        self._client = client
        self._ledger = ledger or MemoryLedger()
        # Created by an earlier delivery of this chunk, whatever HubSpot's search says yet.
        self._created_here: dict[str, str] = {}
        # One clock for freshness checks and the written date, so both agree across midnight.
        self._today = today
        self._created = created
        self._links = links
        self._freshness = freshness_days
        self._properties = WrittenProperties(write_properties, qualification_property)
        self._log = log
        self._found: dict[str, list[Company]] = {}
        self._domains: dict[int, str] = {}
        self.lookup_error: str | None = None
        # Websites found by search during the chunk, looked up together in small batches.
        self._late: dict[str, asyncio.Future[str | None]] = {}
        self._late_queue: list[str] = []
        self._late_flush: asyncio.Task[None] | None = None
        self._late_window = late_window_s
        # Hosts already searched for, found or not.
        self._known: set[str] = set()

    async def lookup(
        self, rows: Sequence[PlannedRow], unsearched: Sequence[PlannedRow] = ()
    ) -> None:
        """Searches the given domains of `rows`; those of `unsearched` (rows answered from
        the domain cache, or only qualified) are only noted, for the write-back to search."""
        self._created_here = await self._ledger.read()
        if self._created_here:
            self._log.info("hubspot.ledger.read", created=len(self._created_here))
        given = {row.row: exact_host(row.domain) for row in rows if row.domain}
        self._domains = {r.row: exact_host(r.domain) for r in unsearched if r.domain} | given
        try:
            self._found = await self._client.find_by_domains(list(given.values()))
        except HubSpotError as error:
            self.lookup_error = str(error)
            self._log.error("hubspot.lookup.failed", reason=str(error), domains=len(given))
            return
        self._known.update(given.values())
        self._log.info("hubspot.lookup.done", domains=len(given), found=len(self._found))

    def company(self, domain: str | None) -> Company | None:
        """The record with exactly this domain; several -> the most recently modified."""
        host = exact_host(domain) if domain else ""
        matches = self._found.get(host)
        if not matches:
            created = (self._created_here.get(host) or self._created.get(host)) if host else None
            return Company(created, {"domain": host}) if created else None
        return max(matches, key=lambda c: c.properties.get("hs_lastmodifieddate", ""))

    async def company_for_row(self, given: str, website: str) -> tuple[Company | None, str | None]:
        """The record of a row whose input gave the domain `given` (empty: none) and whose
        website, as checked, is on `website`. When they differ (the given site redirects to
        the company's current one, or was dead and the current one was found), a record
        under the current domain comes first, else one under the given domain: a CRM that
        still files the company under its old domain has it all the same. Answers the
        record, or the reason the look-up failed."""
        given, website = exact_host(given), exact_host(website)
        if not website or website == given:
            return self.company(given) if given else None, None
        company, error = await self.company_for_found_website(website)
        if company is not None or not given:
            return company, error
        # Looked up with the chunk: an answer even when the current domain's failed.
        company = self.company(given)
        return company, error if company is None else None

    async def company_for_found_website(self, domain: str) -> tuple[Company | None, str | None]:
        """The record for a website found by search (unknown when the chunk was looked up).

        Rows ask one by one as their searches finish; the look-ups are gathered for a short
        moment and sent as one search, so a chunk of name-only rows costs a few requests.
        Answers the record, or the reason the look-up failed.
        """
        host = exact_host(domain)
        if not host:
            return None, None
        if host not in self._known and host not in self._late:
            self._late[host] = asyncio.get_running_loop().create_future()
            self._late_queue.append(host)
            if self._late_flush is None or self._late_flush.done():
                self._late_flush = asyncio.create_task(self._flush_late())
        future = self._late.get(host)
        # Shielded: a cancelled row must not cancel the answer other rows wait for.
        error = await asyncio.shield(future) if future is not None else None
        return self.company(host), error

    async def _flush_late(self) -> None:
        # Rows that ask while a search is in flight are served by the next round.
        while self._late_queue:
            await asyncio.sleep(self._late_window)
            hosts, self._late_queue = self._late_queue, []
            error: str | None = "the look-up was interrupted"
            try:
                self._found.update(await self._client.find_by_domains(hosts))
                self._known.update(hosts)
                error = None
                self._log.info("hubspot.lookup.done", domains=len(hosts), found_by_search=True)
            except HubSpotError as exc:
                error = str(exc)
                self._log.error("hubspot.lookup.failed", reason=error, domains=len(hosts))
            finally:
                for host in hosts:
                    # A failed look-up is tried again by the write-back.
                    future = self._late.pop(host) if error else self._late[host]
                    if not future.done():
                        future.set_result(error)

    def fresh_description(self, company: Company | None) -> str | None:
        if company is None:
            return None
        return company.fresh_description(self._today(), self._freshness)

    async def record_url(self, company: Company) -> str:
        return await self._links.url(company.id)

    async def write(self, results: list[ResultRow]) -> list[ResultRow]:
        """The rows with their write-back recorded in `HubSpot_Status` (`created`,
        `updated`, `failed: <reason>`) and the record in `HubSpot_Company_ID`."""
        writes = {} if self.lookup_error else await self._plan(results)
        if self.lookup_error:
            # Writing blind could create companies that exist: nothing is written.
            failed = StepStatus.failed(f"not written, the look-up failed ({self.lookup_error})")
            return [_status(r, failed) if writable(r) else r for r in results]
        updates = [w for w in writes.values() if w.company is not None and w.properties]
        creates = [w for w in writes.values() if w.company is None]
        outcomes: dict[int, str] = {}  # row -> "id:<id>", or why it was not written
        for write in writes.values():
            if write.company is not None and not write.properties:
                outcomes.update(dict.fromkeys(write.rows, f"id:{write.company.id}"))
        written: dict[int, StepStatus] = {}
        steps: list[tuple[Literal["create", "update"], StepStatus, list[_Write]]] = [
            ("update", StepStatus.UPDATED, updates),
            ("create", StepStatus.CREATED, creates),
        ]
        for action, status, batch in steps:
            answers = await self._send(action, batch)
            outcomes.update(answers)
            written.update((row, status) for row, answer in answers.items() if answer[:3] == "id:")
        rows: list[ResultRow] = []
        for result in results:
            value = outcomes.get(result.row)
            if value is None:
                rows.append(result)
            elif value.startswith("id:"):
                update: dict[str, str] = {"hubspot_company_id": await self._links.url(value[3:])}
                if result.row in written:
                    update["hubspot_status"] = written[result.row]
                rows.append(result.model_copy(update=update))
            else:
                rows.append(_status(result, StepStatus.failed(value)))
        return rows

    def _hosts_of(self, result: ResultRow) -> list[str]:
        """The row's domains, the one a record is created with first: its official
        website's (where a redirect led, or the site found for a dead one), then the one
        its input gave."""
        official = exact_host(registered_domain(result.official_website) or "")
        given = self._domains.get(result.row, "")
        return [host for host in dict.fromkeys((official, given)) if host]

    def _company_of(self, hosts: list[str]) -> Company | None:
        return next((c for c in map(self.company, hosts) if c is not None), None)

    async def _plan(self, results: list[ResultRow]) -> dict[str, _Write]:
        hosts_of = {r.row: hosts for r in results if writable(r) and (hosts := self._hosts_of(r))}
        # Search again, just before writing, for the domains of every company that would be
        # created: one unknown at look-up time (found by search, or where a redirect led),
        # or one another worker or a person may have added since the chunk began. The
        # write-back would otherwise duplicate it. A domain whose look-up failed is
        # searched again too: a record under it comes before one under the given domain.
        missing = sorted(
            {
                host
                for hosts in hosts_of.values()
                for host in hosts
                if self._company_of(hosts) is None or host not in self._known
            }
        )
        if missing:
            try:
                self._found.update(await self._client.find_by_domains(missing))
                self._known.update(missing)
            except HubSpotError as error:
                self.lookup_error = str(error)
                return {}
        # One write per record: rows naming it under its old and its current domain alike.
        writes: dict[str, _Write] = {}
        for result in results:
            if result.row not in hosts_of:
                continue
            hosts = hosts_of[result.row]
            company = self._company_of(hosts)
            key = f"id:{company.id}" if company is not None else f"domain:{hosts[0]}"
            write = writes.get(key)
            if write is None:
                props = self._properties.of(result, company, self._today())
                if company is None:
                    props |= {"name": result.company_name, "domain": hosts[0]}
                write = writes[key] = _Write(hosts[0], company, props)
            write.rows.append(result.row)
        return writes

    async def _send(
        self, action: Literal["create", "update"], writes: list[_Write]
    ) -> dict[int, str]:
        answers: dict[int, str] = {}
        # One batch at a time, so what a batch created is recorded before the next is sent.
        for start in range(0, len(writes), BATCH):
            part = writes[start : start + BATCH]
            inputs: list[dict[str, Any]] = []
            for write in part:
                item: dict[str, Any] = {
                    "properties": write.properties,
                    "objectWriteTraceId": str(write.rows[0]),
                }
                if write.company is not None:
                    item["id"] = write.company.id
                inputs.append(item)
            outcome: BatchOutcome = await self._client.batch(action, inputs)
            found = _match(part, outcome)
            if action == "create":
                await self._remember(part, found)
            self._log.info(
                "hubspot.batch.done",
                action=action,
                inputs=len(inputs),
                results=len(outcome.results),
                errors=len(outcome.errors),
            )
            self._log_refused(action, found)
            answers.update(found)
        return answers

    def _log_refused(self, action: str, found: dict[int, str]) -> None:
        """Each reason HubSpot refused rows for, with those rows: the session's errors log
        is where a user looks for why records were not written (a property missing in the
        account, a value HubSpot does not accept)."""
        refused: dict[str, list[int]] = {}
        for row, answer in found.items():
            if not answer.startswith("id:"):
                refused.setdefault(answer, []).append(row)
        for reason, rows in refused.items():
            shown = sorted(rows)
            self._log.warning(
                "hubspot.write.failed",
                action=action,
                count=len(shown),
                rows=shown[:_ROWS_LOGGED],
                reason=reason,
            )

    async def _remember(self, writes: list[_Write], answers: dict[int, str]) -> None:
        """Record the companies just created, before anything else can fail: a chunk redone
        after a crash finds them here, as HubSpot's search may not show them yet."""
        created = {
            write.domain: answer[3:]
            for write in writes
            if (answer := answers.get(write.rows[0], "")).startswith("id:")
        }
        if not created:
            return
        for domain, company_id in created.items():
            self._created.add(domain, company_id)
        self._created_here |= created
        try:
            await self._ledger.record(created)
        except Exception as error:
            # The rows still get their ids, and the worker remembers them; only a crash
            # before the chunk is stored could now create them twice.
            self._log.error("hubspot.ledger.not_recorded", created=len(created), error=repr(error))


def _match(writes: list[_Write], outcome: BatchOutcome) -> dict[int, str]:
    by_key: dict[str, _Write] = {}
    for write in writes:
        by_key[f"trace:{write.rows[0]}"] = write
        by_key[f"domain:{write.domain}"] = write
        if write.company is not None:
            by_key[f"id:{write.company.id}"] = write
    answers: dict[int, str] = {}
    for result in outcome.results:
        properties = result.get("properties") or {}
        keys = [
            f"trace:{result.get('objectWriteTraceId')}",
            f"id:{result.get('id')}",
            f"domain:{exact_host(str(properties.get('domain', '')))}",
        ]
        matched = next((by_key[k] for k in keys if k in by_key), None)
        if matched is not None:
            answers.update({row: f"id:{result.get('id')}" for row in matched.rows})
    unmatched: list[str] = []
    for error in outcome.errors:
        targets = [by_key.get(f"trace:{i}") or by_key.get(f"id:{i}") for i in error.ids]
        hits = [w for w in targets if w is not None]
        if not hits:
            unmatched.append(error.message)
        for write in hits:
            answers.update(dict.fromkeys(write.rows, error.message))
    for write in writes:
        for row in write.rows:
            answers.setdefault(row, unmatched[0] if unmatched else "HubSpot returned no result")
    return answers


def writable(result: ResultRow) -> bool:
    """A row whose findings may go to HubSpot: an `ok` row, or a `needs_review` row whose
    website passed the acceptance line (only its LinkedIn page waits for a person). What
    waits for review sits in `Review_Candidates`, never in the fields written, so a held
    candidate never reaches HubSpot; a row whose website is held writes nothing."""
    if result.row_status is RowStatus.OK:
        return True
    return result.row_status is RowStatus.NEEDS_REVIEW and bool(result.official_website)


def _status(result: ResultRow, status: str) -> ResultRow:
    return result.model_copy(update={"hubspot_status": status})
