#!/usr/bin/env bash
# Stop exactly the processes `make up` started, found through their pid files in .run/.
# RabbitMQ is a system service shared with other programs and is left running.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

[[ -d "$RUN_DIR" ]] || { say "nothing to stop ($RUN_DIR does not exist)"; exit 0; }

shopt -s nullglob
services=()
for file in "$RUN_DIR"/worker-*.pid; do
    services+=("$(basename "$file" .pid):-m worker")
done
services+=("gateway:-m gateway" "notifier:-m notifier")

# All services wind down in parallel; storage goes last, once nothing writes to it.
for entry in "${services[@]}"; do
    signal_background "${entry%%:*}" "${entry#*:}"
done
for entry in "${services[@]}"; do
    stop_background "${entry%%:*}" "${entry#*:}"
done
stop_background seaweedfs "-dir=$RUN_DIR/seaweedfs"
say "stopped; data and logs stay in $RUN_DIR"
