"""Companies this worker created, by domain.

HubSpot's search lags behind writes, so a company created a moment ago may not be found
yet; remembering it keeps a later chunk from creating it twice.
"""

from __future__ import annotations

from collections import OrderedDict


class CreatedCompanies:
    def __init__(self, size: int = 20_000) -> None:
        self._size = size
        self._ids: OrderedDict[str, str] = OrderedDict()

    def get(self, domain: str) -> str | None:
        return self._ids.get(domain)

    def add(self, domain: str, company_id: str) -> None:
        self._ids[domain] = company_id
        self._ids.move_to_end(domain)
        while len(self._ids) > self._size:
            self._ids.popitem(last=False)
