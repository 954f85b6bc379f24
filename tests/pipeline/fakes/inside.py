"""A service on this machine that page fetches must never reach, like the object store
or a cloud metadata endpoint: it records every request and answers with a secret."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

SECRET = "s3cr3t-instance-credentials"


@dataclass
class Inside:
    port: int
    host: str = "127.0.0.1"
    hits: list[str] = field(default_factory=list)


def inside_app(inside: Inside) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        inside.hits.append(request.url.path)
        await PlainTextResponse(f"{SECRET} from {inside.host}")(scope, receive, send)

    return app
