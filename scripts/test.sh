#!/usr/bin/env bash
# The whole check: install, make sure the services the suite needs exist, lint, type-check,
# then run every test. pytest's "no tests collected" (exit 5) counts as a failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

bash "$REPO_ROOT/scripts/install.sh"
bash "$REPO_ROOT/scripts/rabbitmq.sh"
bash "$REPO_ROOT/scripts/chromium.sh"

cd "$REPO_ROOT"
say "ruff check"
"$VENV/bin/ruff" check .
say "ruff format --check"
"$VENV/bin/ruff" format --check .
say "mypy"
"$VENV/bin/mypy"
say "pytest"
rc=0
# The project's own bytecode (and pytest's rewritten test modules) is cached between test
# processes even where the environment asks Python not to write it.
env -u PYTHONDONTWRITEBYTECODE "$VENV/bin/pytest" "$@" || rc=$?
if ((rc == 5)); then
    die "pytest collected no tests"
fi
exit "$rc"
