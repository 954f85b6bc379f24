"""`dossier enrich`, `dossier field-sets` and `dossier webhook`: one company now, saved
custom fields, and the tenant's webhook."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from client.api import DossierClient
from client.config import resolve_config
from client.exit_codes import reported
from client.fields import fields_from

FieldOption = Annotated[
    list[str] | None,
    typer.Option("--field", help="A custom field: 'name (type): description'; repeatable"),
]
FieldsFile = Annotated[
    Path | None,
    typer.Option("--fields", exists=True, dir_okay=False, help="A JSON file of custom fields"),
]
field_sets = typer.Typer(help="Saved custom field sets, used with `run --field-set`.")
webhook_app = typer.Typer(help="The webhook your sessions call when they end.")


def _client(ctx: typer.Context) -> DossierClient:
    root = ctx.find_root()
    return DossierClient(resolve_config(**(root.obj or {})))


def _print(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


@reported
def enrich(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The company's name")],
    website: Annotated[str | None, typer.Option(help="Its website, when known")] = None,
    country: Annotated[str | None, typer.Option(help="Its country, to narrow the search")] = None,
    context: Annotated[str | None, typer.Option("--context", "-c", help="What it is for")] = None,
    field: FieldOption = None,
    fields: FieldsFile = None,
) -> None:
    """Enrich one company now and print its row as JSON."""
    chosen = fields_from(field or [], fields)
    with _client(ctx) as client:
        row = client.enrich(name, website=website, country=country, context=context, fields=chosen)
    _print(row)


@field_sets.command("list")
@reported
def list_sets(ctx: typer.Context) -> None:
    """Your field sets as JSON."""
    with _client(ctx) as client:
        _print(client.field_sets())


@field_sets.command("save")
@reported
def save_set(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The set's name")],
    field: FieldOption = None,
    fields: FieldsFile = None,
) -> None:
    """Save custom fields under a name and print the new set's id."""
    with _client(ctx) as client:
        saved = client.create_field_set(name, fields_from(field or [], fields))
    typer.echo(saved["id"])


@field_sets.command("delete")
@reported
def delete_set(ctx: typer.Context, set_id: str) -> None:
    """Delete a field set; sessions keep their fields."""
    with _client(ctx) as client:
        client.delete_field_set(set_id)


@webhook_app.command("show")
@reported
def show_webhook(ctx: typer.Context) -> None:
    """The default URL and the secret webhooks are signed with."""
    with _client(ctx) as client:
        _print(client.webhook())


@webhook_app.command("set")
@reported
def set_webhook(
    ctx: typer.Context,
    url: Annotated[str | None, typer.Argument(help="The URL; leave out to clear")] = None,
) -> None:
    """Set (or clear) the URL of sessions that name none."""
    with _client(ctx) as client:
        _print(client.set_webhook(url))


@webhook_app.command("deliveries")
@reported
def deliveries(ctx: typer.Context, session_id: str) -> None:
    """Every attempt to call a session's webhook."""
    with _client(ctx) as client:
        _print(client.webhook_deliveries(session_id))


def register(app: typer.Typer) -> None:
    app.command()(enrich)
    app.add_typer(field_sets, name="field-sets")
    app.add_typer(webhook_app, name="webhook")
