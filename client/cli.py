"""The `dossier` command: upload, run, watch and download sessions from a terminal.

Data (session ids, tables, JSON, files sent to `-o -`) goes to standard output;
progress bars and messages go to standard error, so the output can be piped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from client import exit_codes
from client.api import DossierClient, LogType, ResultFormat, format_of
from client.config import resolve_config
from client.display import (
    ProgressBars,
    created_line,
    session_lines,
    sessions_table,
    summary,
)
from client.errors import DossierError
from client.exit_codes import fail, reported
from client.fields import fields_from
from client.integrations import FieldOption, FieldsFile, register
from client.live import Progress, messages, progress_of
from shared.lifecycle import SessionStatus

app = typer.Typer(
    name="dossier",
    help="Enrich company lists with Dossier: upload, run, watch and download sessions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def note(message: str) -> None:
    """A message for the person at the terminal, never wrapped (scripts grep for it)."""
    typer.echo(message, err=True)


def stdout() -> Console:
    # Piped tables keep whole lines; a terminal's width applies only to a terminal.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 10_000)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def open_client(ctx: typer.Context) -> DossierClient:
    return DossierClient(resolve_config(**ctx.obj))


@app.callback()
def settings(
    ctx: typer.Context,
    api_url: Annotated[
        str | None, typer.Option(help="Gateway URL (else DOSSIER_API_URL, the config file)")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="Config file (else DOSSIER_CONFIG, ~/.config/dossier/config.toml)"),
    ] = None,
) -> None:
    ctx.obj = {"api_url": api_url, "config_path": config}


def output_format(output: Path | None, fmt: ResultFormat | None) -> ResultFormat:
    if output is None or str(output) == "-":
        return fmt or "xlsx"
    try:
        named = format_of(output, fmt or "xlsx")
    except ValueError as error:
        if fmt is not None:  # a name of its own (`results.txt`): the format says what it holds
            return fmt
        raise typer.BadParameter(str(error), param_hint="--output") from None
    if fmt is not None and named != fmt:
        # A workbook saved as `.csv` (or the reverse) opens as garbage in a spreadsheet.
        raise typer.BadParameter(
            f"{output.name} names a {named} file, not {fmt}; "
            "drop --format or give the file the matching extension",
            param_hint="--output",
        )
    return named


def follow(client: DossierClient, session_id: str, since_round: int = 0) -> Progress:
    """Show the session's progress until it ends (a retry round of at least `since_round`);
    its last state."""
    last: Progress | None = None
    with ProgressBars(stderr()) as bars:
        for progress in client.watch(session_id, since_round):
            bars.show(progress)
            last = progress
    if last is None:
        raise DossierError(f"no progress of {session_id} arrived")
    note(summary(last))
    return last


def end_of(progress: Progress) -> None:
    if progress.status != "completed":
        raise fail(exit_codes.SESSION_FAILED, f"session {progress.session_id} {progress.status}")


@app.command()
@reported
def run(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV, XLSX or XLS")],
    context: Annotated[
        str | None, typer.Option("--context", "-c", help="What the research is for")
    ] = None,
    context_file: Annotated[
        Path | None, typer.Option(exists=True, dir_okay=False, help="Read the context from a file")
    ] = None,
    deep_search: Annotated[
        bool, typer.Option("--deep-search", help="Answer the context's questions")
    ] = False,
    hubspot_read: Annotated[
        bool, typer.Option("--hubspot-read", help="Reuse fresh HubSpot descriptions")
    ] = False,
    hubspot_write: Annotated[
        bool, typer.Option("--hubspot-write", help="Write the results to HubSpot")
    ] = False,
    sheet: Annotated[str | None, typer.Option(help="Workbook sheet to read")] = None,
    watch: Annotated[
        bool, typer.Option("--watch", "-w", help="Show progress, then download the results")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Results file (implies --watch; default xlsx)"),
    ] = None,
    field: FieldOption = None,
    fields: FieldsFile = None,
    field_set: Annotated[str | None, typer.Option(help="A saved field set's id")] = None,
    webhook: Annotated[str | None, typer.Option(help="URL called when the session ends")] = None,
) -> None:
    """Upload a file, start it and print its id; --watch follows it and downloads results."""
    if context and context_file:
        raise typer.BadParameter("give --context or --context-file, not both")
    if output is not None and str(output) == "-":
        # Standard output carries the session id; a file there would be mixed into it.
        raise typer.BadParameter(
            "run prints the session id on standard output and saves the results to a file; "
            "to write the results there, run `dossier results ID -o -` afterwards",
            param_hint="--output",
        )
    fmt = output_format(output, None)
    text = context_file.read_text(encoding="utf-8") if context_file else context
    with open_client(ctx) as client:
        session = client.create_session(
            file,
            context=text,
            deep_search=deep_search,
            hubspot_read=hubspot_read,
            hubspot_write=hubspot_write,
            sheet=sheet,
            custom_fields=fields_from(field or [], fields),
            field_set=field_set,
            webhook_url=webhook,
        )
        session_id = session["session_id"]
        note(created_line(session))
        client.start(session_id)
        typer.echo(session_id)
        if not (watch or output):
            return
        final = follow(client, session_id)
        if final.status != "failed":
            target = output or Path(f"{file.stem}-results.{fmt}")
            client.download_results(session_id, target, fmt)
            note(f"results saved to {target}")
    end_of(final)


@app.command("list")
@reported
def list_sessions(
    ctx: typer.Context,
    status: Annotated[
        SessionStatus | None, typer.Option(help="Only sessions in this status")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=200, help="How many, newest first")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the sessions as JSON")] = False,
) -> None:
    """Your sessions, newest first."""
    with open_client(ctx) as client:
        page = client.list_sessions(status=status.value if status else None, limit=limit)
    if as_json:
        print_json(page["items"])
    else:
        stdout().print(sessions_table(page["items"]))


@app.command()
@reported
def status(
    ctx: typer.Context,
    session_id: str,
    as_json: Annotated[bool, typer.Option("--json", help="Print the session as JSON")] = False,
) -> None:
    """One session: status, counters, input and options."""
    with open_client(ctx) as client:
        session = client.status(session_id)
    if as_json:
        print_json(session)
    else:
        typer.echo("\n".join(session_lines(session)))


@app.command()
@reported
def cancel(ctx: typer.Context, session_id: str) -> None:
    """Stop a session; rows already finished are kept."""
    with open_client(ctx) as client:
        session = client.cancel(session_id)
    note(f"{session_id} {session['status']}")


@app.command()
@reported
def retry(
    ctx: typer.Context,
    session_id: str,
    status_: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="Row_Status to run again; repeat for several "
            "(default: failed, not_found, dead_url, needs_review, unless --step or "
            "--accepted is given)",
        ),
    ] = None,
    step: Annotated[
        list[str] | None,
        typer.Option(
            "--step",
            help="Also run again the rows this optional step failed for (deep_search, "
            "custom_fields, hubspot, qualification); repeat for several",
        ),
    ] = None,
    accepted: Annotated[
        bool,
        typer.Option(
            "--accepted",
            help="Also run again the rows left for review whose website a person accepted, "
            "with that website, for their description, LinkedIn page, deep search and HubSpot",
        ),
    ] = False,
    watch: Annotated[
        bool, typer.Option("--watch", "-w", help="Follow the retry live until it ends")
    ] = False,
) -> None:
    """Run a finished session's failed rows again; every other row is kept. `dossier watch`
    (or --watch) follows the retry until its new result files are written."""
    with open_client(ctx) as client:
        reviewed = ["accepted"] if accepted else []
        session = client.retry(session_id, status_ or (), step or (), reviewed)
        note(f"{session_id} {session['status']} (retry {session['retry_round']})")
        if watch:
            end_of(follow(client, session_id, since_round=int(session["retry_round"])))


@app.command()
@reported
def results(
    ctx: typer.Context,
    session_id: str,
    fmt: Annotated[
        ResultFormat | None,
        typer.Option("--format", "-f", help="Default: from -o, else xlsx"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write, or - for stdout")
    ] = None,
) -> None:
    """Download the results (partial while the session runs)."""
    chosen = output_format(output, fmt)
    with open_client(ctx) as client:
        if output is not None and str(output) == "-":
            for block in client.stream_results(session_id, chosen):
                sys.stdout.buffer.write(block)
            sys.stdout.buffer.flush()
            return
        target = output or Path(f"{session_id}-results.{chosen}")
        client.download_results(session_id, target, chosen)
    note(f"results saved to {target}")


@app.command()
@reported
def archive(
    ctx: typer.Context,
    session_id: str,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Zip file")] = None,
) -> None:
    """Download input, context, results, logs and metadata as one zip."""
    target = output or Path(f"{session_id}.zip")
    with open_client(ctx) as client:
        client.download_archive(session_id, target)
    note(f"archive saved to {target}")


@app.command()
@reported
def logs(
    ctx: typer.Context,
    session_id: str,
    kind: Annotated[LogType, typer.Argument(help="Which log")] = "pipeline",
) -> None:
    """Print a session's log."""
    with open_client(ctx) as client:
        for block in client.iter_logs(session_id, kind):
            sys.stdout.buffer.write(block)
    sys.stdout.buffer.flush()


@app.command()
@reported
def watch(
    ctx: typer.Context,
    session_id: Annotated[str | None, typer.Argument(help="Session to follow")] = None,
    tenant: Annotated[bool, typer.Option("--tenant", help="Every session of your tenant")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the notifier's messages, one JSON per line")
    ] = False,
) -> None:
    """Follow a session live until it ends (or, with --tenant, every session until ^C)."""
    if bool(session_id) == tenant:
        both = "not both" if tenant else "one of them"
        raise typer.BadParameter(f"give a session id or --tenant, {both}")
    with open_client(ctx) as client:
        url, key = client.notifier_url(), client.config.api_key
        if as_json:
            print_messages(url, key, session_id)
        elif session_id:
            end_of(follow(client, session_id))
        else:
            with ProgressBars(stderr(), show_ids=True) as bars:
                for progress in client.watch_tenant():
                    bars.show(progress)


def print_messages(url: str, key: str, session_id: str | None) -> None:
    subscribe: dict[str, Any] = {"type": "subscribe", "scope": "tenant"}
    if session_id:
        subscribe = {"type": "subscribe", "session_id": session_id}
    for message in messages(url, key, subscribe):
        typer.echo(json.dumps(message, ensure_ascii=False, separators=(",", ":")))
        progress = progress_of(message)
        if session_id and progress and progress.session_id == session_id and progress.final:
            return


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


register(app)


def main() -> None:
    app()
