"""How the CLI shows sessions and their progress in a terminal (rich)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn
from rich.progress import Progress as Bars
from rich.table import Table

from client.live import Progress

COUNTER_NAMES = (
    "duplicates",
    "failed",
    "not_found",
    "dead_links",
    "blocked",
    "needs_review",
)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def rate(rows_per_second: float | None) -> str:
    return "-" if rows_per_second is None else f"{rows_per_second:.1f} rows/s"


def counters_text(counters: Mapping[str, int]) -> str:
    done = f"{counters.get('done', 0)} of {counters.get('total', 0)} rows done"
    rest = ", ".join(f"{counters.get(name, 0)} {name.replace('_', ' ')}" for name in COUNTER_NAMES)
    return f"{done} ({rest})"


def summary(progress: Progress) -> str:
    retry = f" (retry {progress.retry_round})" if progress.retry_round else ""
    return f"{progress.session_id} {progress.status}{retry}: {counters_text(progress.counters)}"


class ProgressBars:
    """One bar per watched session, with the notifier's own rate and ETA: it sees every
    worker's progress, where a client-side estimate would only see its own updates."""

    def __init__(self, console: Console, show_ids: bool = False) -> None:
        self._show_ids = show_ids
        self._tasks: dict[str, TaskID] = {}
        self._bars = Bars(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("ETA {task.fields[eta]}"),
            console=console,
        )

    def __enter__(self) -> ProgressBars:
        self._bars.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._bars.stop()

    def show(self, progress: Progress) -> None:
        label = progress.status
        if self._show_ids:
            # Whole ids: they are time-ordered, so sessions of one day share their start.
            label = f"{progress.session_id} {label}"
        task = self._tasks.get(progress.session_id)
        if task is None:
            task = self._bars.add_task(label, total=None, rate="-", eta="-")
            self._tasks[progress.session_id] = task
        self._bars.update(
            task,
            description=label,
            total=progress.total or None,
            completed=progress.done,
            rate=rate(progress.rows_per_second),
            eta=duration(progress.eta_seconds),
        )


def created_line(session: Mapping[str, Any]) -> str:
    source = session.get("input") or {}
    websites = source.get("website_column")
    facts = source.get("fact_columns") or {}
    totals = source.get("summary_rows_skipped") or 0
    return (
        f"created {session['session_id']}: {source.get('rows', 0)} rows, "
        f"names from {source.get('name_column')!r}, "
        + (f"websites from {websites!r}" if websites else "no website column")
        + "".join(f", {role} from {column!r}" for role, column in facts.items())
        + (f", {totals} total row{'s' if totals > 1 else ''} left out" if totals else "")
    )


def sessions_table(sessions: Iterable[Mapping[str, Any]]) -> Table:
    table = Table(box=None, pad_edge=False)
    # Ids are what users copy into the next command: the file name shrinks, never they.
    table.add_column("session", no_wrap=True, min_width=32)
    table.add_column("status", no_wrap=True)
    table.add_column("created", no_wrap=True)
    table.add_column("done", no_wrap=True, justify="right")
    table.add_column("file", overflow="ellipsis")
    for session in sessions:
        source = session.get("input") or {}
        counters = session.get("counters") or {}
        table.add_row(
            str(session["session_id"]),
            str(session["status"]),
            str(session.get("created_at") or "")[:16].replace("T", " "),
            f"{counters.get('done', 0)}/{source.get('rows', 0)}",
            str(source.get("filename") or ""),
        )
    return table


def session_lines(session: Mapping[str, Any]) -> list[str]:
    source = session.get("input") or {}
    options = session.get("options") or {}
    chosen = [name for name, value in options.items() if value] or ["none"]
    reason = f" ({session['reason']})" if session.get("reason") else ""
    lines = [
        f"session   {session['session_id']}",
        f"status    {session['status']}{reason}",
        f"file      {source.get('filename', '')} ({source.get('format', '')}, "
        f"{source.get('rows', 0)} rows)",
        f"progress  {counters_text(session.get('counters') or {})}",
        f"options   {', '.join(chosen)}",
    ]
    for name in ("created_at", "started_at", "finished_at"):
        if session.get(name):
            lines.append(f"{name.removesuffix('_at'):<10}{session[name]}")
    return lines
