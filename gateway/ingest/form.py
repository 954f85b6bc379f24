"""The create form's text fields: options, context and the uploaded file's name."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from gateway.settings import Limits
from shared.errors import InvalidInput
from shared.models import SessionOptions
from shared.providers import Capabilities

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}
MAX_FILENAME_CHARS = 200
# The options sent as true/false form fields.
SWITCHES = ("run_llm_deep_search_pipeline", "write_to_hubspot", "use_hubspot_integration")


def parse_bool(name: str, raw: str | None) -> bool:
    value = (raw or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InvalidInput(
        "invalid_option", f"`{name}` must be true or false, not {(raw or '')[:40]!r}"
    )


def parse_options(fields: Mapping[str, str], capabilities: Capabilities) -> SessionOptions:
    options = SessionOptions(
        **{name: parse_bool(name, fields.get(name)) for name in SWITCHES},
        # On unless turned off: a cache the deployment does not keep is simply not used.
        use_cache=parse_bool("use_cache", fields.get("use_cache", "true")),
    )
    if options.run_llm_deep_search_pipeline and not capabilities.deep_search:
        raise InvalidInput(
            "option_unavailable",
            "run_llm_deep_search_pipeline needs a search provider and an LLM, and this "
            "server has not both configured (see GET /api/capabilities)",
        )
    for name in ("write_to_hubspot", "use_hubspot_integration"):
        if getattr(options, name) and not capabilities.hubspot:
            raise InvalidInput(
                "option_unavailable",
                f"{name} needs a HubSpot token, and this server has none configured "
                "(see GET /api/capabilities)",
            )
    return options


def parse_context(fields: Mapping[str, str], limits: Limits) -> str:
    context = fields.get("context_text", "").strip()
    if len(context) > limits.max_context_chars:
        raise InvalidInput(
            "context_too_long",
            f"context_text has {len(context)} characters; the limit is {limits.max_context_chars}",
        )
    return context


def check_filename(filename: str | None) -> str:
    """Names with path separators or control characters are refused, not rewritten."""
    if not filename or not filename.strip():
        raise InvalidInput("missing_file", "the `file` part has no file name")
    if any(sep in filename for sep in ("/", "\\")) or filename.strip() in (".", ".."):
        raise InvalidInput("invalid_filename", "the file name must not contain a path")
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in filename):
        raise InvalidInput("invalid_filename", "the file name has control characters")
    if len(filename) > MAX_FILENAME_CHARS:
        raise InvalidInput(
            "invalid_filename", f"the file name is longer than {MAX_FILENAME_CHARS} characters"
        )
    return filename
