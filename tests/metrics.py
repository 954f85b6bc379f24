"""Prometheus text, as the services serve it on /metrics, read back for assertions."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client.parser import text_string_to_metric_families


@dataclass(frozen=True)
class Sample:
    name: str
    labels: dict[str, str]
    value: float


@dataclass(frozen=True)
class Scrape:
    samples: tuple[Sample, ...]
    families: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> Scrape:
        families = list(text_string_to_metric_families(text))
        return cls(
            tuple(
                Sample(sample.name, dict(sample.labels), sample.value)
                for family in families
                for sample in family.samples
            ),
            frozenset(family.name for family in families),
        )

    def value(self, name: str, **labels: str) -> float:
        """The sum of the samples called `name` that carry `labels`; 0 when there are none."""
        return sum(
            sample.value
            for sample in self.samples
            if sample.name == name and labels.items() <= sample.labels.items()
        )

    def label_values(self, name: str, label: str) -> set[str]:
        return {s.labels[label] for s in self.samples if s.name == name and label in s.labels}
