"""`dossier enrich`, `dossier field-sets`, `dossier webhook` and the upload options for
fields and webhooks, against the services running as processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from client.cli import app

pytestmark = pytest.mark.e2e


def dossier(env: dict[str, str | None], *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_enrich_prints_one_company_row(cli_env: dict[str, str | None]) -> None:
    code, out, err = dossier(cli_env, "enrich", "Acme Inc", "--website", "acme.com")
    assert code == 0, err
    row = json.loads(out)
    assert (row["Company_Name"], row["Official_Website"]) == ("Acme Inc", "https://acme.com")


def test_the_webhook_is_set_shown_and_an_inward_url_refused(
    cli_env: dict[str, str | None], companies_csv: Path
) -> None:
    code, out, err = dossier(cli_env, "webhook", "set", "https://hooks.example.com/dossier")
    assert code == 0, err
    shown = json.loads(dossier(cli_env, "webhook", "show")[1])
    assert shown["url"] == "https://hooks.example.com/dossier"
    assert shown["secret"] == json.loads(out)["secret"]
    code, _, err = dossier(cli_env, "run", str(companies_csv), "--webhook", "http://10.1.2.3/")
    assert code != 0
    assert "invalid_webhook_url" in err
    assert json.loads(dossier(cli_env, "webhook", "set")[1])["url"] is None


def test_a_field_set_is_saved_listed_refused_without_a_model_and_deleted(
    cli_env: dict[str, str | None], companies_csv: Path
) -> None:
    fields = ["--field", "employee_count (number): headcount", "--field", "segment (enum: a|b)"]
    code, out, err = dossier(cli_env, "field-sets", "save", "Sales", *fields)
    assert code == 0, err
    set_id = out.strip()
    listed = json.loads(dossier(cli_env, "field-sets", "list")[1])
    [saved] = [s for s in listed if s["id"] == set_id]
    assert [f["type"] for f in saved["fields"]] == ["number", "enum"]
    # These services run without a language model: fields are refused at upload.
    code, _, err = dossier(cli_env, "run", str(companies_csv), "--field-set", set_id)
    assert code != 0
    assert "option_unavailable" in err
    assert dossier(cli_env, "field-sets", "delete", set_id)[0] == 0
    assert set_id not in dossier(cli_env, "field-sets", "list")[1]
