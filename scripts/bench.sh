#!/usr/bin/env bash
# Run every benchmark script in bench/ against the local RabbitMQ.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

bash "$REPO_ROOT/scripts/install.sh"
bash "$REPO_ROOT/scripts/rabbitmq.sh"

cd "$REPO_ROOT"
shopt -s nullglob
scripts=(bench/*.py)
((${#scripts[@]})) || die "no benchmark scripts in bench/"
failed=0
for script in "${scripts[@]}"; do
    [[ "$(basename "$script")" == __init__.py ]] && continue
    say "$script"
    "$PY" "$script" || { warn "$script failed"; failed=1; }
done
exit "$failed"
