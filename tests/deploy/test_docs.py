"""The README and docs stay true to the code: every setting documented, every link alive."""

from __future__ import annotations

import re

import pytest

from tests.deploy.compose_model import REPO, settings_env_names

pytestmark = pytest.mark.unit


def all_settings_variables() -> set[str]:
    from gateway.settings import GatewaySettings
    from notifier.settings import NotifierSettings
    from worker.pipeline.settings import PipelineSettings
    from worker.settings import WorkerSettings

    classes = (GatewaySettings, NotifierSettings, WorkerSettings, PipelineSettings)
    return set().union(*(settings_env_names(cls) for cls in classes))


def test_readme_documents_every_environment_variable_of_every_service() -> None:
    readme = (REPO / "README.md").read_text()
    documented = set(re.findall(r"`(DOSSIER_[A-Z0-9_]+)`", readme))
    missing = all_settings_variables() - documented
    assert not missing, f"add to README (run scripts/env_table.py --readme): {sorted(missing)}"


@pytest.mark.parametrize(
    "document",
    ["README.md", *(str(p.relative_to(REPO)) for p in sorted((REPO / "docs").rglob("*.md")))],
)
def test_relative_links_in_docs_point_at_existing_files(document: str) -> None:
    path = REPO / document
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", path.read_text()):
        if "://" in target:
            continue
        assert (path.parent / target).exists(), f"{document} links to missing {target}"
