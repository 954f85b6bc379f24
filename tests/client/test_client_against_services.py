"""The Python client against the services running as processes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from client import ApiError, DossierClient
from shared.rows import RESULT_COLUMNS
from tests.client.conftest import COMPANY_NAMES

pytestmark = pytest.mark.e2e


def test_results_frame_has_the_documented_columns_and_one_row_per_input_row(
    dossier: DossierClient, finished_session: str
) -> None:
    frame = dossier.results_frame(finished_session)

    assert list(frame.columns) == ["name", "website", "segment", *RESULT_COLUMNS]
    assert list(frame.index) == [0, 1, 2, 3, 4]
    assert list(frame["name"]) == COMPANY_NAMES
    assert list(frame["Row_Status"]) == ["ok", "ok", "duplicate", "ok", "ok"]
    assert "globex.co.uk" in str(frame.loc[1, "Official_Website"])


def test_downloads_stream_the_files_of_a_finished_session(
    dossier: DossierClient, finished_session: str, tmp_path: Path
) -> None:
    csv_path = dossier.download_results(finished_session, tmp_path / "out" / "results.csv")
    archive = dossier.download_archive(finished_session, tmp_path / "session.zip")

    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert [row["name"] for row in rows] == COMPANY_NAMES
    assert [row["segment"] for row in rows][:2] == ["tools", "energy"]
    with zipfile.ZipFile(archive) as members:
        assert {"results.csv", "results.xlsx", "session.json"} <= set(members.namelist())
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "results.csv", "session.zip"]


def test_a_session_is_created_listed_cancelled_and_refused_a_second_cancel(
    dossier: DossierClient, companies_csv: Path
) -> None:
    session = dossier.create_session(companies_csv, context="Which of these make tools?")
    session_id = session["session_id"]
    assert (session["status"], session["context_chars"]) == ("created", 26)

    listed = [item["session_id"] for item in dossier.list_sessions(status="created")["items"]]
    assert session_id in listed
    assert dossier.cancel(session_id)["status"] == "cancelled"
    with pytest.raises(ApiError) as caught:
        dossier.cancel(session_id)
    assert (caught.value.code, caught.value.status) == ("session_finished", 409)

    # Never started, so no worker will finish it: the watch must still end.
    assert [p.status for p in dossier.watch(session_id)] == ["cancelled"]
    assert dossier.logs(session_id, "errors") == ""


def test_an_unknown_session_is_an_api_error_over_http_and_websocket(
    dossier: DossierClient,
) -> None:
    unknown = "f" * 32
    with pytest.raises(ApiError) as over_http:
        dossier.status(unknown)
    with pytest.raises(ApiError) as over_websocket:
        list(dossier.watch(unknown))

    assert over_http.value.code == "session_not_found"
    assert over_websocket.value.code == "not_found"
