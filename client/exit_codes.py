"""Exit codes of the `dossier` command, and the one place the client's exceptions
become them (docs/cli.md lists them for users)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from client.errors import ApiError, DossierError, Unreachable

OK = 0
API_ERROR = 1
USAGE = 2
UNREACHABLE = 3
SESSION_FAILED = 4
INTERRUPTED = 130

P = ParamSpec("P")
R = TypeVar("R")


def fail(code: int, message: str) -> typer.Exit:
    """One line on standard error; raise the answer to exit with `code`."""
    typer.echo(f"dossier: {message}", err=True)
    return typer.Exit(code)


def reported(command: Callable[P, R]) -> Callable[P, R]:
    """The command with the client's exceptions turned into one line and an exit code:
    users see what went wrong, never a traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ApiError as error:
            raise fail(API_ERROR, str(error)) from None
        except Unreachable as error:
            raise fail(UNREACHABLE, str(error)) from None
        except DossierError as error:
            raise fail(USAGE, str(error)) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise fail(USAGE, f"{where}{error.strerror or error}") from None
        except KeyboardInterrupt:
            raise fail(INTERRUPTED, "interrupted") from None

    return run
