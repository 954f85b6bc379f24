"""A session's criteria snapshot (`criteria.json`), read by workers and by downloads."""

from __future__ import annotations

from shared.criteria.model import SessionCriteria
from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import SessionOptions
from shared.storage.protocol import ObjectStore


async def session_criteria(
    store: ObjectStore, keys: SessionKeys, options: SessionOptions
) -> SessionCriteria | None:
    """The criteria the session qualifies against; None for a session without
    qualification, or whose snapshot is missing."""
    if options.qualification is None:
        return None
    try:
        return await store.get_model(keys.criteria, SessionCriteria)
    except NotFound:
        return None
