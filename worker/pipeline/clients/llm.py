"""OpenAI-compatible chat completions with JSON-schema structured answers.

Works with OpenAI, Ollama and vLLM through `base_url`. The client's own retries are off:
retries with backoff and jitter happen here, so every provider call behaves the same.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import structlog

from worker.pipeline.clients.retry import Transient, retrying
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics

if TYPE_CHECKING:
    from openai import AsyncOpenAI


class LlmUnavailable(Exception):
    """The model could not answer (outage, refusal, invalid JSON); the text is user-facing."""


class LlmClient:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        model: str,
        timeout_s: float,
        temperature: float,
        attempts: int,
        max_wait: float,
        metrics: PipelineMetrics = NO_METRICS,
    ) -> None:
        # Imported here: the SDK takes longer to import than the rest of the worker, and a
        # deployment without a model never needs it.
        from openai import AsyncOpenAI

        # Local servers (Ollama, vLLM) accept any key, but the client insists on one.
        self._client: AsyncOpenAI = AsyncOpenAI(
            base_url=base_url, api_key=api_key or "unused", timeout=timeout_s, max_retries=0
        )
        self._model = model
        self._temperature = temperature
        self._attempts = attempts
        self._max_wait = max_wait
        self._metrics = metrics
        self._log = structlog.get_logger("dossier.pipeline").bind(channel="pipeline")

    async def structured(
        self, system: str, user: str, schema_name: str, schema: dict[str, Any]
    ) -> dict[str, Any]:
        retry = retrying(self._attempts, self._max_wait, lambda: self._metrics.retried("llm"))
        try:
            answer: dict[str, Any] = await retry(self._ask, system, user, schema_name, schema)
        except Transient as error:
            self._metrics.provider_called("llm", "unavailable")
            raise LlmUnavailable(f"language model unavailable: {error.reason}") from error
        return answer

    async def _ask(
        self, system: str, user: str, schema_name: str, schema: dict[str, Any]
    ) -> dict[str, Any]:
        import openai

        try:
            completion = await self._client.chat.completions.create(
                model=self._model,
                temperature=self._temperature,
                messages=[
                    {"role": "system", "content": system},
                    {"role": "user", "content": user},
                ],
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": schema_name, "schema": schema, "strict": True},
                },
            )
        except openai.APITimeoutError as error:
            # Worded as the search and HubSpot clients word theirs: the reason reaches
            # every row's Notes, where a class name means nothing to the reader.
            raise Transient("timeout") from error
        except openai.APIConnectionError as error:
            raise Transient(f"connection failed ({type(error).__name__})") from error
        except openai.RateLimitError as error:
            raise Transient("HTTP 429", _retry_after(error.response)) from error
        except openai.InternalServerError as error:
            raise Transient(f"HTTP {error.status_code}") from error
        except openai.APIStatusError as error:
            status = error.status_code
            self._metrics.provider_called("llm", "refused")
            raise LlmUnavailable(f"language model refused the request (HTTP {status})") from error
        self._log.debug("llm.answered", schema=schema_name, model=self._model)
        try:
            answer = _parse(completion.choices[0].message.content if completion.choices else None)
        except LlmUnavailable:
            self._metrics.provider_called("llm", "invalid_answer")
            raise
        self._metrics.provider_called("llm", "ok")
        return answer

    async def aclose(self) -> None:
        await self._client.close()


def _retry_after(response: Any) -> float | None:
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _parse(content: str | None) -> dict[str, Any]:
    if not content:
        raise LlmUnavailable("language model returned no answer")
    try:
        data = json.loads(content)
    except ValueError as error:
        raise LlmUnavailable("language model answer was not valid JSON") from error
    if not isinstance(data, dict):
        raise LlmUnavailable("language model answer was not a JSON object")
    return data
