"""Deep search: questions implied by the research context, answered per company from
search results and fetched pages, each answer with its source URLs."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchError
from worker.pipeline.clients.llm import LlmClient, LlmUnavailable
from worker.pipeline.clients.search.provider import SearchHit, SearchProvider
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts

QUESTIONS_SCHEMA = {
    "type": "object",
    "properties": {"questions": {"type": "array", "items": {"type": "string"}}},
    "required": ["questions"],
    "additionalProperties": False,
}
ANSWERS_SCHEMA = {
    "type": "object",
    "properties": {
        "answers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "question": {"type": "string"},
                    "answer": {"type": "string"},
                    "source_urls": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["question", "answer", "source_urls"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["answers"],
    "additionalProperties": False,
}
QUESTIONS_SYSTEM = (
    "A sales researcher describes what they want to learn about each company of a list. "
    "Turn it into at most {n} short, specific questions that can be answered about ONE "
    "company from public web pages. Return only the questions."
)
ANSWERS_SYSTEM = (
    "Answer each question about the company using ONLY the numbered sources given. Cite "
    "the URLs of the sources each answer relies on. When the sources do not answer a "
    "question, answer 'Not found in the sources' with no URLs."
)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    sources: tuple[str, ...]


class DeepSearch:
    def __init__(
        self,
        llm: LlmClient,
        search: SearchProvider,
        fetcher: Fetcher,
        questions: int,
        pages: int,
        text_limit: int,
    ) -> None:
        self._llm = llm
        self._search = search
        self._fetcher = fetcher
        self._questions = questions
        self._pages = pages
        self._limit = text_limit

    async def questions(self, context_text: str) -> list[str]:
        """Raises LlmUnavailable; an empty context asks nothing."""
        if not context_text.strip():
            return []
        system = QUESTIONS_SYSTEM.format(n=self._questions)
        answer = await self._llm.structured(system, context_text, "questions", QUESTIONS_SCHEMA)
        listed = _listed(answer, "questions")
        found = [q.strip() for q in listed if isinstance(q, str) and q.strip()]
        return found[: self._questions]

    async def answer(
        self,
        name: str,
        questions: list[str],
        site: PageFacts | None,
        about: str = "",
        where: str = "",
    ) -> tuple[list[Answer], list[str], list[PageFacts]]:
        """The answers, why result pages were not read when robots.txt or the address
        rules kept them from being fetched, and the result pages read (custom fields may
        quote them). Raises SearchUnavailable or LlmUnavailable when a provider is down.
        `about` (the row's place and industry) goes in the prompt, `where` (city, country)
        in the searches, to keep namesakes out."""
        hits: dict[str, SearchHit] = {}
        for results in await asyncio.gather(
            *(
                self._search.search(" ".join(filter(None, (f'"{name}" {question}', where))), 5)
                for question in questions
            )
        ):
            for hit in results:
                hits.setdefault(hit.url, hit)
        pages, skipped = await self._fetch_pages(list(hits)[: self._pages])
        sources: list[tuple[str, str]] = [(site.url, site.main_text)] if site else []
        sources += [(facts.url, facts.main_text) for facts in pages]
        sources += [(hit.url, f"{hit.title}. {hit.snippet}") for hit in hits.values()]
        budget = max(500, self._limit // max(1, len(sources)))
        numbered = "\n\n".join(
            f"[{i}] {url}\n{text[:budget]}" for i, (url, text) in enumerate(sources, 1)
        )
        user = f"Company: {name}\n" + (f"From the user's list: {about}\n" if about else "")
        user += "Questions:\n" + "\n".join(f"- {q}" for q in questions)
        user += f"\n\nSources:\n{numbered}"
        data = await self._llm.structured(ANSWERS_SYSTEM, user, "answers", ANSWERS_SCHEMA)
        known = {url for url, _ in sources}
        answers = [
            Answer(
                str(item.get("question") or ""),
                str(item.get("answer") or ""),
                tuple(url for url in _urls(item.get("source_urls")) if url in known),
            )
            for item in _listed(data, "answers")
            if isinstance(item, dict) and item.get("answer")
        ]
        return answers, skipped, pages

    async def _fetch_pages(self, urls: list[str]) -> tuple[list[PageFacts], list[str]]:
        skipped: list[str] = []

        async def one(url: str) -> PageFacts | None:
            try:
                page = await self._fetcher.fetch(url)
            except FetchError as error:
                if error.kind in ("robots", "blocked"):
                    skipped.append(error.reason)
                return None
            return extract_facts(page.url, page.text, page.content_type)

        found = await asyncio.gather(*(one(u) for u in urls))
        return [facts for facts in found if facts], skipped


def _listed(answer: dict[str, object], key: str) -> list[object]:
    """The list the schema asks for under `key`. A model (or a server) that ignores the
    schema may send anything there: that is an unusable answer, not a crash of the row."""
    value = answer.get(key)
    if not isinstance(value, list):
        raise LlmUnavailable(f"language model answer did not follow the schema ({key})")
    return value


def _urls(value: object) -> list[str]:
    return [url for url in value if isinstance(url, str)] if isinstance(value, list) else []


def render(answers: list[Answer]) -> str:
    return "\n".join(
        f"Q: {a.question}\nA: {a.answer}"
        + (f" (sources: {', '.join(a.sources)})" if a.sources else "")
        for a in answers
    )
