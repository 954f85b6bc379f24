#!/usr/bin/env bash
# Follow the logs of everything `make up` started.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

shopt -s nullglob
logs=("$RUN_DIR"/*.log)
((${#logs[@]})) || die "no logs in $RUN_DIR: run make up first"
exec tail -n "${LINES_BACK:-50}" -F "${logs[@]}"
