"""An OpenAI-compatible chat completions API answering with structured (JSON schema) output.

Answers are derived from the prompt text only, so tests can check grounding."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


@dataclass
class LlmState:
    requests: list[dict[str, Any]] = field(default_factory=list)
    failing: bool = False

    def reset(self) -> None:
        self.__dict__.update(type(self)().__dict__)


def _describe(user: str) -> dict[str, Any]:
    company = re.search(r"Company: (.*)", user)
    text = user.split("Website text:", 1)[-1]
    sentence = re.search(r"(?:JSON-LD description|OpenGraph description|Text): ([^.\n]+\.)", text)
    if not company or not sentence:
        return {"description": "", "enough_information": False}
    return {"description": f"{sentence.group(1).strip()}", "enough_information": True}


def _answers(user: str) -> dict[str, Any]:
    questions = re.findall(r"^- (.*)$", user, re.MULTILINE)
    sources = re.findall(r"^\[\d+\] (\S+)\n(.*)$", user, re.MULTILINE)
    answers = []
    for question in questions:
        backing = [url for url, text in sources if "launcher" in text.lower()]
        answer = (
            "Yes: it runs its own launcher (AcmePlay)." if backing else "Not found in the sources"
        )
        answers.append({"question": question, "answer": answer, "source_urls": backing[:1]})
    return {"answers": answers}


def llm_app(state: LlmState) -> Starlette:
    async def completions(request: Request) -> JSONResponse:
        body = await request.json()
        state.requests.append(body)
        if state.failing:
            return JSONResponse({"error": {"message": "overloaded", "type": "server_error"}}, 503)
        schema = body["response_format"]["json_schema"]["name"]
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        if schema == "company_description":
            content = _describe(user)
        elif schema == "questions":
            asks_launcher = "launcher" in user.lower()
            content = {
                "questions": ["Does the company run its own game launcher?"]
                if asks_launcher
                else []
            }
        else:
            content = _answers(user)
        return JSONResponse(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": json.dumps(content)},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        )

    return Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"])])
