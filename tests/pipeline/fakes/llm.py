"""An OpenAI-compatible chat completions API answering with structured (JSON schema) output.

Answers are derived from the prompt text only, so tests can check grounding.

Qualification answers follow each criterion's signals (comma-separated), the first that
applies deciding: `word` passes with the first source sentence holding it, `!word` fails
with it, and `~word` passes with a quote that is on no page, as a model that makes
evidence up would; a criterion none of whose signals is found has no data.

Custom fields are answered from the first source sentence holding the field's description
(a single keyword): a number field takes the sentence's first number, a boolean `true`, an
enum the first option the sentence names, a date its first year, a URL the source's, text
the sentence itself. A description starting with `~` gets a value with a made-up quote.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
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
    # Questions about these companies (`Company: <name>` in the prompt) fail as `failing`.
    failing_companies: set[str] = field(default_factory=set)
    # Qualification questions past this many wait, unanswered, until `release`.
    hold_after: int | None = None
    qualification_asked: int = 0
    held: int = 0
    # Set from the test's thread while the server waits in its own.
    gate: threading.Event = field(default_factory=threading.Event)
    # Schema name -> the JSON answered instead, as a model that ignores the schema would.
    replies: dict[str, Any] = field(default_factory=dict)

    def release(self) -> None:
        self.gate.set()

    def reset(self) -> None:
        self.release()
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


_CRITERION = re.compile(r"^- (c\d+) \[[^\]]+\] .*?(?:\(signals: (.*)\))?$", re.MULTILINE)
_SOURCE = re.compile(r"^\[\d+\] (\S+)[^\n]*\n(.*?)(?=\n\n\[\d+\] |\Z)", re.MULTILINE | re.DOTALL)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


def _verdict(signals: str, sources: list[tuple[str, str]], company: str) -> dict[str, str]:
    for signal in (s.strip() for s in signals.split(",") if s.strip()):
        word = signal.lstrip("!~").lower()
        if signal.startswith("~") and sources:
            made_up = f"{company} is listed on every major {word} in the world."
            return {"verdict": "passed", "quote": made_up, "source_url": sources[0][0]}
        for url, text in sources:
            found = next((s for s in _sentences(text) if word in s.lower()), None)
            if found:
                verdict = "failed" if signal.startswith("!") else "passed"
                return {"verdict": verdict, "quote": found, "source_url": url}
    return {"verdict": "no_data", "quote": "", "source_url": ""}


def _qualification(user: str) -> dict[str, Any]:
    company = re.search(r"^Company: (.*)$", user, re.MULTILINE)
    sources = _SOURCE.findall(user.split("\nSources:\n", 1)[-1])
    return {
        key: _verdict(signals or "", sources, company.group(1) if company else "")
        for key, signals in _CRITERION.findall(user)
    }


_FIELD = re.compile(r"^- (f\d+) (.+?) \[(\w+)\](?:: (.*?))?(?: \(one of: (.*)\))?$", re.MULTILINE)


def _field_value(kind: str, sentence: str, url: str, options: list[str]) -> object:
    if kind == "number":
        number = re.search(r"\d[\d,]*", sentence)
        return float(number.group().replace(",", "")) if number else None
    if kind == "boolean":
        return True
    if kind == "enum":
        return next((o for o in options if o.lower() in sentence.lower()), None)
    if kind == "date":
        year = re.search(r"\b(1[89]|20)\d\d\b", sentence)
        return year.group() if year else None
    return url if kind == "url" else sentence


def _custom_fields(user: str) -> dict[str, Any]:
    sources = _SOURCE.findall(user.split("\nSources:\n", 1)[-1])
    answers: dict[str, Any] = {}
    for key, _name, kind, description, options in _FIELD.findall(user):
        word = (description or "").strip()
        answer: dict[str, Any] = {"value": None, "quote": "", "source_url": "", "confidence": 0}
        if word.startswith("~") and sources:
            made_up = "This company was founded on the Moon in 1850."
            value = _field_value(kind, made_up, sources[0][0], options.split(", "))
            answer = {"value": value, "quote": made_up, "source_url": sources[0][0]}
            answer["confidence"] = 0.9
        for url, text in sources if word and not word.startswith("~") else []:
            found = next((s for s in _sentences(text) if word.lower() in s.lower()), None)
            if found:
                value = _field_value(kind, found, url, options.split(", "))
                answer = {"value": value, "quote": found, "source_url": url, "confidence": 0.8}
                break
        answers[key] = answer
    return answers


def llm_app(state: LlmState) -> Starlette:
    async def completions(request: Request) -> JSONResponse:
        body = await request.json()
        state.requests.append(body)
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        named = re.search(r"^Company: (.*)$", user, re.MULTILINE)
        if state.failing or (named and named.group(1).strip() in state.failing_companies):
            return JSONResponse({"error": {"message": "overloaded", "type": "server_error"}}, 503)
        schema = body["response_format"]["json_schema"]["name"]
        if schema in state.replies:
            content = state.replies[schema]
        elif schema == "company_description":
            content = _describe(user)
        elif schema == "qualification":
            state.qualification_asked += 1
            if state.hold_after is not None and state.qualification_asked > state.hold_after:
                state.held += 1
                await asyncio.to_thread(state.gate.wait, 30)
            content = _qualification(user)
        elif schema == "custom_fields":
            content = _custom_fields(user)
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
