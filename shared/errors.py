"""A small error hierarchy; each service maps it to its transport in one place."""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error raised on purpose by Dossier code."""


class Retryable(DossierError):
    """A passing fault (network, broker, storage): the same work may succeed later."""


class Permanent(DossierError):
    """Doing the same work again will fail the same way."""


class NotFound(Permanent):
    """The object or session does not exist (or belongs to another tenant)."""


class Conflict(Permanent):
    """The request is valid but clashes with the current state."""


class InvalidInput(Permanent):
    """A client mistake, carried to the HTTP layer as a 4xx with a code and a message."""

    def __init__(self, code: str, message: str, status_code: int = 422) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status_code = status_code
