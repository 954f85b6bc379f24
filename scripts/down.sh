#!/usr/bin/env bash
# Stop exactly the processes `make up` started, found through their pid files in .run/.
# RabbitMQ is a system service shared with other programs and is left running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[[ -d "$RUN_DIR" ]] || { say "nothing to stop ($RUN_DIR does not exist)"; exit 0; }

for file in "$RUN_DIR"/worker-*.pid; do
    [[ -e "$file" ]] || continue
    stop_background "$(basename "$file" .pid)" "-m worker"
done
stop_background gateway "-m gateway"
stop_background notifier "-m notifier"
stop_background seaweedfs "-dir=$RUN_DIR/seaweedfs"
say "stopped; data and logs stay in $RUN_DIR"
