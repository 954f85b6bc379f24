#!/usr/bin/env bash
# Create .venv with Python 3.11 and install the locked dependencies plus the project itself.
# Idempotent: does nothing when the lock file and pyproject.toml are unchanged since the
# last successful install.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

UV_VERSION="0.13.9"
LOCK="$REPO_ROOT/requirements.lock"
STAMP="$VENV/.dossier-install-stamp"

python_bin="${DOSSIER_PYTHON:-python3.11}"
if [[ ! -x "$PY" ]] || ! "$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    command -v "$python_bin" >/dev/null ||
        die "Python 3.11 is required: install it (Debian: apt-get install -y python3.11 python3.11-venv) or set DOSSIER_PYTHON"
    say "creating $VENV with $("$python_bin" -V)"
    "$python_bin" -m venv --clear "$VENV"
fi

if [[ ! -x "$VENV/bin/uv" ]]; then
    say "installing uv $UV_VERSION into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

wanted="$(cat "$LOCK" "$REPO_ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$wanted" ]]; then
    say "dependencies are up to date ($VENV)"
    exit 0
fi

say "installing locked dependencies from requirements.lock"
"$VENV/bin/uv" pip install --quiet --python "$PY" -r "$LOCK"
# The project itself, with every extra: the lock pins all versions; a dependency added to
# pyproject.toml but not yet locked is still installed rather than failing at import.
extras="$("$PY" -c 'import sys, tomllib; print(",".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["optional-dependencies"]))' "$REPO_ROOT/pyproject.toml")"
"$VENV/bin/uv" pip install --quiet --python "$PY" --constraint "$LOCK" -e "${REPO_ROOT}[${extras}]"
echo "$wanted" >"$STAMP"
say "dependencies installed"
