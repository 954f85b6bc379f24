"""What every schemathesis run against the gateway's served OpenAPI document shares.

The key goes with every request, except where a case carries a download `token`: then
the token alone is sent, so that the token path is fuzzed too. Uploads are generated from
the document's form (random files, which are mostly refused); a share of the forms that
fit the document get a real spreadsheet instead, so that sessions exist for the
operations that read one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import strategies as st
from schemathesis.engine import Status, events, from_schema
from schemathesis.engine.recorder import ScenarioRecorder
from schemathesis.transport.serialization import Binary

from tests.gateway import corpus

CREATE = ("POST", "/api/sessions")
REFUSING_VALID_FORMS = (
    ("POST", "/api/criteria"),
    ("PUT", "/api/criteria/{name}"),
    ("POST", "/api/sessions/{session_id}/qualify"),
)
SPREADSHEETS = (
    b"Company,Website\nCapcom,capcom.com\nSega,sega.com\n",
    corpus.RUSSIAN_CP1251,
    corpus.UTF8_BOM,
    corpus.xlsx({"Companies": [["Company", "Website"], ["Krafton", "krafton.com"]]}),
)
_TEXT_FIELDS = ("context_text", "sheet", "criteria", "products")
# The life of a session, each step with the answer that shows the sequence got that far.
LIFECYCLE = (
    ("POST /api/sessions", 201),
    ("POST /api/sessions/{session_id}/start", 202),
    ("GET /api/sessions/{session_id}", 200),
    ("POST /api/sessions/{session_id}/cancel", 202),
    ("GET /api/sessions/{session_id}/results", 200),
    ("GET /api/sessions/{session_id}/logs/{log_type}", 200),
    ("GET /api/sessions/{session_id}/download_archive", 200),
    ("DELETE /api/sessions/{session_id}", 204),
)
# Calls that never lead on to a session's next step: the tenant's own settings and lists,
# the single-company call (whose rate limit answers by the clock) and the probes.
BRANCHES = (
    r"^/(healthz|readyz|api/(capabilities|criteria|field_sets|webhook$|enrich|usage"
    r"|sessions/\{session_id\}/qualify))"
)
PHASES = ("examples", "coverage", "fuzzing", "stateful")
_OPTIONS = (
    "run_llm_deep_search_pipeline",
    "write_to_hubspot",
    "use_hubspot_integration",
    "use_cache",
)
# Text fields whose random values are next to never valid (a JSON field list, a saved
# set's id, a reachable URL): the real-spreadsheet variant leaves them out, so that some
# uploads make sessions however many such fields the form grows.
_STRUCTURED_FIELDS = ("custom_fields", "field_set", "webhook_url")


def config(*, seed: int, max_examples: int, phases: list[str]) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": seed,
            "workers": 1,
            "generation": {"max-examples": max_examples, "deterministic": True},
            "phases": {
                **{name: {"enabled": name in phases} for name in PHASES},
                "stateful": {"enabled": "stateful" in phases, "max-steps": 12},
            },
            "operations": [
                {
                    # A form that fits the document can still hold a file that is not a
                    # spreadsheet, or an option this deployment lacks, or criteria never
                    # uploaded: refused, rightly.
                    "include-method": method,
                    "include-path": path,
                    "checks": {"positive_data_acceptance": {"enabled": False}},
                }
                for method, path in (CREATE, *REFUSING_VALID_FORMS)
            ]
            + [
                {
                    # Sequences follow one session through its life; these calls only ever
                    # branch off it, and would spend the steps that reach its end.
                    "include-path-regex": BRANCHES,
                    "phases": {"stateful": {"enabled": False}},
                }
            ],
        }
    )


@dataclass
class Outcome:
    """What a run found: failed checks and errors, and the statuses each operation got."""

    problems: list[str] = field(default_factory=list)
    statuses: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))

    def record(self, recorder: ScenarioRecorder) -> None:
        for case_id, interaction in recorder.interactions.items():
            node = recorder.cases.get(case_id)
            if node is not None and interaction.response is not None:
                label = node.value.operation.label
                self.statuses[label][interaction.response.status_code] += 1
        for checks in recorder.checks.values():
            for check in checks:
                info = check.failure_info
                if check.status is Status.FAILURE and info is not None:
                    self.problems.append(
                        f"{check.name} on {recorder.label}: {info.failure.title}\n"
                        f"{info.failure.message}\n{info.code_sample}"
                    )


def run(schema: schemathesis.BaseSchema) -> Outcome:
    outcome = Outcome()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
            outcome.record(event.recorder)
        elif isinstance(event, events.NonFatalError):
            outcome.problems.append(f"error on {event.label}: {event.value!r}")
        elif isinstance(event, events.FatalError):
            outcome.problems.append(f"engine failed: {event.exception!r}")
    return outcome


def _fits_the_form(body: object) -> bool:
    """Whether this form matches the document, whatever its file holds."""
    if not isinstance(body, dict) or not isinstance(body.get("file"), Binary):
        return False
    texts_ok = all(isinstance(body.get(name, ""), str) for name in _TEXT_FIELDS)
    return texts_ok and all(isinstance(body.get(name, False), bool) for name in _OPTIONS)


def prepare(schema: schemathesis.BaseSchema, key: str) -> None:
    """Send `key` as the API key, and put real spreadsheets into some uploads."""

    @schema.auth()
    class ApiKey:
        def get(self, case: schemathesis.Case[Any], ctx: schemathesis.AuthContext) -> str:
            return key

        def set(
            self, case: schemathesis.Case[Any], data: str, ctx: schemathesis.AuthContext
        ) -> None:
            if isinstance(case.query, dict) and "token" in case.query:
                return  # the download token stands in for the key
            headers = dict(case.headers or {})
            headers["Authorization"] = f"Bearer {data}"
            case.headers = headers  # type: ignore[assignment]

    @schema.hook
    def flatmap_body(context: schemathesis.HookContext, body: Any) -> Any:
        operation = context.operation
        creates = operation is not None and (operation.method.upper(), operation.path) == CREATE
        if not creates or not _fits_the_form(body):
            return st.just(body)
        plain = {name: value for name, value in body.items() if name not in _STRUCTURED_FIELDS}
        files = st.sampled_from(SPREADSHEETS).map(lambda data: {**plain, "file": Binary(data)})
        # Random sheet, criteria and product names are next to never valid either: forms
        # with the options alone make sessions however the draws fall.
        options = {name: value for name, value in body.items() if name in _OPTIONS}
        bare = st.sampled_from(SPREADSHEETS).map(lambda data: {**options, "file": Binary(data)})
        # An option may ask for a provider the deployment lacks (HubSpot, a model): the file
        # alone always makes a session, so the sequences that need one get one.
        alone = st.sampled_from(SPREADSHEETS).map(lambda data: {"file": Binary(data)})
        return st.one_of(st.just(body), files, bare, alone)
