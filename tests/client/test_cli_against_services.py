"""The `dossier` command against the services running as processes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from client import DossierClient
from client.cli import app
from shared.rows import RESULT_COLUMNS
from tests.client.conftest import COMPANY_NAMES

pytestmark = pytest.mark.e2e

COMMAND = str(Path(sys.executable).with_name("dossier"))
HEADER = ["name", "website", "segment", *RESULT_COLUMNS]


def xlsx_rows(path: Path) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = workbook.active
        assert sheet is not None
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_run_with_watch_uploads_follows_and_downloads_the_xlsx(
    cli_env: dict[str, str | None], companies_csv: Path, tmp_path: Path
) -> None:
    output = tmp_path / "results.xlsx"
    result = CliRunner().invoke(
        app,
        ["run", str(companies_csv), "--context", "Tool makers", "--watch", "-o", str(output)],
        env=cli_env,
    )

    assert result.exit_code == 0, result.output
    session_id = result.stdout.strip()
    assert len(session_id) == 32
    assert f"{session_id} completed: 5 of 5 rows done (1 duplicates," in result.stderr
    assert f"results saved to {output}" in result.stderr
    rows = xlsx_rows(output)
    assert rows[0] == HEADER
    assert [row[0] for row in rows[1:]] == COMPANY_NAMES
    assert [row[HEADER.index("Row_Status")] for row in rows[1:]][2] == "duplicate"


def test_list_status_results_and_logs_read_a_finished_session(
    cli_env: dict[str, str | None], finished_session: str, tmp_path: Path
) -> None:
    runner = CliRunner(env=cli_env)

    listed = runner.invoke(app, ["list", "--json", "--status", "completed"])
    status = runner.invoke(app, ["status", finished_session])
    as_csv = runner.invoke(app, ["results", finished_session, "-o", str(tmp_path / "r.csv")])
    as_json = runner.invoke(app, ["results", finished_session, "--format", "json", "-o", "-"])
    errors_log = runner.invoke(app, ["logs", finished_session, "errors"])

    for result in (listed, status, as_csv, as_json, errors_log):
        assert result.exit_code == 0, result.output
    assert finished_session in [item["session_id"] for item in json.loads(listed.stdout)]
    assert "status    completed" in status.stdout
    assert "5 of 5 rows done" in status.stdout
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert [row["name"] for row in csv.DictReader(io.StringIO(text))] == COMPANY_NAMES
    assert [row["name"] for row in json.loads(as_json.stdout)] == COMPANY_NAMES
    assert errors_log.stdout == ""


def test_cancel_stops_a_session_and_a_second_cancel_exits_with_the_api_error(
    cli_env: dict[str, str | None], dossier: DossierClient, companies_csv: Path
) -> None:
    session_id = dossier.create_session(companies_csv)["session_id"]
    runner = CliRunner(env=cli_env)

    first = runner.invoke(app, ["cancel", session_id])
    second = runner.invoke(app, ["cancel", session_id])

    assert first.exit_code == 0, first.output
    assert first.stderr.strip() == f"{session_id} cancelled"
    assert second.exit_code == 1
    assert second.stderr.startswith("dossier: session_finished: ")
    assert second.stderr.count("\n") == 1


def console_script(env: dict[str, str | None], *args: str) -> subprocess.CompletedProcess[str]:
    merged = {**os.environ, **env}
    clean = {key: value for key, value in merged.items() if value is not None}
    return subprocess.run(
        [COMMAND, *args], env=clean, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_console_script_watches_as_json_and_reports_unknown_sessions(
    cli_env: dict[str, str | None], finished_session: str
) -> None:
    watched = console_script(cli_env, "watch", finished_session, "--json")
    unknown = console_script(cli_env, "status", "f" * 32)

    assert watched.returncode == 0, watched.stderr
    first, *_, last = [json.loads(line) for line in watched.stdout.splitlines()]
    assert first["type"] == "hello"
    assert (last["type"], last["state"]["status"]) == ("snapshot", "completed")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("dossier: session_not_found: ")
    assert unknown.stderr.count("\n") == 1


def test_retry_runs_the_chosen_rows_again_and_refuses_a_status_that_cannot_be_retried(
    cli_env: dict[str, str | None], dossier: DossierClient, companies_csv: Path
) -> None:
    session_id = str(dossier.create_session(companies_csv)["session_id"])
    dossier.start(session_id)
    assert list(dossier.watch(session_id))[-1].status == "completed"

    refused = CliRunner().invoke(app, ["retry", session_id, "-s", "duplicate"], env=cli_env)
    assert refused.exit_code == 1
    assert "invalid_statuses" in refused.stderr
    result = CliRunner().invoke(app, ["retry", session_id, "--status", "ok"], env=cli_env)
    assert result.exit_code == 0, result.output
    assert f"{session_id} queued (retry 1)" in result.stderr

    # `dossier watch` follows the retry round to its end, not the first run's.
    watched = CliRunner().invoke(app, ["watch", session_id], env=cli_env)
    assert watched.exit_code == 0, watched.output
    assert f"{session_id} completed (retry 1)" in watched.stderr
    state = dossier.status(session_id)
    assert (state["finalized"], state["retry_round"]) == (True, 1)
    rows = list(dossier.iter_results(session_id))
    statuses = [(row["Row_Status"], row["Attempts"]) for row in rows]
    assert [attempts for status, attempts in statuses if status == "ok"] == [2] * sum(
        status == "ok" for status, _ in statuses
    )
    assert any(status == "ok" for status, _ in statuses)

    again = CliRunner().invoke(app, ["retry", session_id, "-s", "ok", "--watch"], env=cli_env)
    assert again.exit_code == 0, again.output
    assert f"{session_id} completed (retry 2)" in again.stderr
    assert dossier.status(session_id)["retry_round"] == 2
    ok_attempts = [
        r["Attempts"] for r in dossier.iter_results(session_id) if r["Row_Status"] == "ok"
    ]
    assert ok_attempts
    assert set(ok_attempts) == {3}


def test_retry_by_step_sends_the_steps_and_reports_a_refusal(
    cli_env: dict[str, str | None], dossier: DossierClient, finished_session: str
) -> None:
    # The session ran with no optional step: no row's step failed, so nothing runs.
    nothing = CliRunner().invoke(
        app, ["retry", finished_session, "--step", "deep_search", "--step", "hubspot"], env=cli_env
    )
    assert nothing.exit_code == 1, nothing.output
    assert nothing.stderr.startswith("dossier: nothing_to_retry: no row has failed deep_search")
    unknown = CliRunner().invoke(app, ["retry", finished_session, "--step", "logo"], env=cli_env)
    assert unknown.exit_code == 1, unknown.output
    assert "invalid_steps" in unknown.stderr
    assert dossier.status(finished_session)["retry_round"] == 0


def test_retry_of_accepted_rows_sends_them_and_reports_a_refusal(
    cli_env: dict[str, str | None], dossier: DossierClient, finished_session: str
) -> None:
    # Nobody accepted a website in this session: no row runs.
    nothing = CliRunner().invoke(app, ["retry", finished_session, "--accepted"], env=cli_env)
    assert nothing.exit_code == 1, nothing.output
    assert nothing.stderr.startswith(
        "dossier: nothing_to_retry: no row has a website accepted in review"
    ), nothing.stderr
    assert dossier.status(finished_session)["retry_round"] == 0


def test_run_refuses_standard_output_as_its_results_file_before_uploading(
    cli_env: dict[str, str | None],
    companies_csv: Path,
    tmp_path: Path,
    dossier: DossierClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = [s["session_id"] for s in dossier.iter_sessions()]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["run", str(companies_csv), "-o", "-"], env=cli_env)

    assert result.exit_code == 2, result.output
    # The message as read, without the frame the terminal draws around it.
    said = " ".join(result.stderr.replace("│", " ").split())
    assert "to write the results there, run `dossier results ID -o -` afterwards" in said
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []
    assert [s["session_id"] for s in dossier.iter_sessions()] == before


def test_results_refuses_a_format_other_than_the_files_extension(
    cli_env: dict[str, str | None], finished_session: str, tmp_path: Path
) -> None:
    target = tmp_path / "results.csv"
    result = CliRunner().invoke(
        app, ["results", finished_session, "-f", "xlsx", "-o", str(target)], env=cli_env
    )
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.replace("│", " ").split())
    assert "results.csv names a csv file, not xlsx" in said
    assert not target.exists()
    # Matching, or a name without a results extension: the format says what is written.
    for name, fmt in (("same.csv", "csv"), ("export.txt", "csv")):
        done = CliRunner().invoke(
            app, ["results", finished_session, "-f", fmt, "-o", str(tmp_path / name)], env=cli_env
        )
        assert done.exit_code == 0, done.output
        assert (tmp_path / name).read_bytes().startswith(b"\xef\xbb\xbfname,website")


def test_watch_wants_a_session_or_the_tenant_and_says_which_is_wrong(
    cli_env: dict[str, str | None], finished_session: str
) -> None:
    for args, told in (
        (["watch", finished_session, "--tenant"], "give a session id or --tenant, not both"),
        (["watch"], "give a session id or --tenant, one of them"),
    ):
        result = CliRunner().invoke(app, args, env=cli_env)
        assert result.exit_code == 2, result.output
        assert told in " ".join(result.stderr.replace("│", " ").split())
