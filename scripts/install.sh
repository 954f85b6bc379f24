#!/usr/bin/env bash
# Create .venv with Python 3.11 (or the 3.11+ interpreter named by DOSSIER_PYTHON) and install
# the locked dependencies plus the project itself. Idempotent: does nothing when the lock
# file and pyproject.toml are unchanged since the last successful install.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

UV_VERSION="0.13.9"
LOCK="$REPO_ROOT/requirements.lock"
STAMP="$VENV/.dossier-install-stamp"

python_bin="${DOSSIER_PYTHON:-python3.11}"
version='import sys; print("%d.%d" % sys.version_info[:2])'
# A venv of another Python than the one asked for is rebuilt; without that Python, an
# existing venv is kept.
if [[ ! -x "$PY" ]] || { command -v "$python_bin" >/dev/null &&
    [[ "$("$PY" -c "$version")" != "$("$python_bin" -c "$version")" ]]; }; then
    command -v "$python_bin" >/dev/null ||
        die "Python 3.11 or newer is required: install python3.11 (Debian: apt-get install -y python3.11 python3.11-venv) or set DOSSIER_PYTHON to another one"
    "$python_bin" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "$python_bin is $("$python_bin" -V 2>&1); Dossier needs Python 3.11 or newer"
    say "creating $VENV with $("$python_bin" -V)"
    "$python_bin" -m venv --clear "$VENV"
fi

if [[ ! -x "$VENV/bin/uv" ]]; then
    say "installing uv $UV_VERSION into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

# The install recipe is part of the stamp: a change to how packages are installed (such as
# precompiled bytecode) reaches existing environments too.
INSTALL_RECIPE="bytecode-compiled"
wanted="$( (cat "$LOCK" "$REPO_ROOT/pyproject.toml"; echo "$INSTALL_RECIPE") | sha256sum | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$wanted" ]]; then
    say "dependencies are up to date ($VENV)"
    exit 0
fi

say "installing locked dependencies from requirements.lock"
# Bytecode is compiled once here: environments that set PYTHONDONTWRITEBYTECODE would
# otherwise compile every imported library again in every process (seconds per test worker).
"$VENV/bin/uv" pip install --quiet --compile-bytecode --python "$PY" -r "$LOCK"
# The project itself, with every extra: the lock pins all versions; a dependency added to
# pyproject.toml but not yet locked is still installed rather than failing at import.
extras="$("$PY" -c 'import sys, tomllib; print(",".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["optional-dependencies"]))' "$REPO_ROOT/pyproject.toml")"
"$VENV/bin/uv" pip install --quiet --python "$PY" --constraint "$LOCK" -e "${REPO_ROOT}[${extras}]"
echo "$wanted" >"$STAMP"
say "dependencies installed"
