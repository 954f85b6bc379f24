"""API errors become `ApiError` with their code and message, and one line with an exit
code in the `dossier` command."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from client import cli
from client.api import DossierClient
from client.config import ClientConfig
from client.errors import ApiError, Unreachable, error_from_response

pytestmark = pytest.mark.unit

SESSION_ID = "0" * 32
NOT_FOUND = {"code": "session_not_found", "message": "no such session"}


def answering(status: int, body: object = None, text: str = "") -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if body is not None:
            return httpx.Response(status, json=body)
        return httpx.Response(status, text=text)

    return httpx.MockTransport(handler)


def refusing() -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    return httpx.MockTransport(handler)


def client_with(transport: httpx.MockTransport) -> DossierClient:
    return DossierClient(ClientConfig(api_url="http://api.test", api_key="k"), transport)


def test_an_error_body_gives_its_code_message_and_status() -> None:
    with client_with(answering(404, NOT_FOUND)) as client, pytest.raises(ApiError) as caught:
        client.status(SESSION_ID)

    assert (caught.value.code, caught.value.message, caught.value.status) == (
        "session_not_found",
        "no such session",
        404,
    )
    assert str(caught.value) == "session_not_found: no such session"


def test_an_answer_that_is_not_the_error_shape_still_gives_a_code() -> None:
    request = httpx.Request("GET", "http://api.test/")
    error = error_from_response(
        httpx.Response(502, text="<html>Bad Gateway</html>\n", request=request)
    )

    assert (error.code, error.status) == ("http_502", 502)
    assert "Bad Gateway" in error.message


def test_errors_of_streamed_downloads_are_mapped_and_leave_no_file(tmp_path: Path) -> None:
    gone = {"code": "session_not_found", "message": "no such session"}
    target = tmp_path / "results.csv"
    with client_with(answering(404, gone)) as client, pytest.raises(ApiError) as caught:
        client.download_results(SESSION_ID, target)

    assert caught.value.code == "session_not_found"
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_gateway_is_told_apart_from_an_api_error() -> None:
    with client_with(refusing()) as client, pytest.raises(Unreachable, match=r"api\.test"):
        client.list_sessions()


@pytest.mark.parametrize(
    ("transport", "exit_code", "line"),
    [
        (answering(404, NOT_FOUND), 1, "dossier: session_not_found: no such session"),
        (
            answering(401, {"code": "unauthorized", "message": "unknown API key"}),
            1,
            "dossier: unauthorized: unknown API key",
        ),
        (refusing(), 3, "dossier: cannot reach the Dossier API at http://api.test"),
    ],
)
def test_the_command_prints_one_line_and_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, transport: httpx.MockTransport, exit_code: int, line: str
) -> None:
    monkeypatch.setattr(cli, "open_client", lambda ctx: client_with(transport))

    result = CliRunner().invoke(cli.app, ["status", SESSION_ID])

    assert result.exit_code == exit_code
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(line)


def test_a_missing_key_is_a_usage_error(tmp_path: Path) -> None:
    env: dict[str, str | None] = {
        "DOSSIER_API_KEY": None,
        "DOSSIER_CONFIG": None,
        "DOSSIER_RUN_DIR": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = CliRunner().invoke(cli.app, ["list"], env=env)

    assert result.exit_code == 2
    assert result.stderr.startswith("dossier: no API key")


def test_an_output_extension_that_is_no_results_format_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli.app, ["results", SESSION_ID, "-o", str(tmp_path / "results.pdf")]
    )

    assert result.exit_code == 2
    assert "results are csv, xlsx, json" in result.stderr
