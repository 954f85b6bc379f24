#!/usr/bin/env bash
# Make sure RabbitMQ answers an AMQP handshake on 127.0.0.1:5672 (or DOSSIER_DEV_AMQP_PORT):
# start it when installed and stopped, restart it when it accepts TCP but never speaks
# AMQP, install Debian's package when running as root, else print the command to run.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

AMQP_PORT="${DOSSIER_DEV_AMQP_PORT:-5672}"
probe_python="$PY"
[[ -x "$probe_python" ]] || probe_python="$(command -v python3)"

probe() {
    local rc=0
    "$probe_python" "$REPO_ROOT/scripts/amqp_probe.py" 127.0.0.1 "$AMQP_PORT" || rc=$?
    return "$rc"
}

# wait_amqp SECONDS : 0 once the broker speaks AMQP, else the last probe result.
wait_amqp() {
    local deadline=$((SECONDS + $1)) rc=1
    while ((SECONDS < deadline)); do
        rc=0
        probe || rc=$?
        ((rc == 0)) && return 0
        sleep 1
    done
    return "$rc"
}

as_root_or_explain() {
    if [[ "$(id -u)" != 0 ]]; then
        die "RabbitMQ is not running. Run: sudo $*"
    fi
    "$@"
}

start_broker() {
    say "starting RabbitMQ (rabbitmq-server -detached)"
    as_root_or_explain rabbitmq-server -detached
}

rc=0
probe || rc=$?
if ((rc == 0)); then
    say "RabbitMQ answers on 127.0.0.1:$AMQP_PORT"
    exit 0
fi

if ((rc == 2)); then
    say "port $AMQP_PORT accepts TCP but no AMQP yet; waiting for the broker to finish booting"
    if wait_amqp 30; then
        say "RabbitMQ answers on 127.0.0.1:$AMQP_PORT"
        exit 0
    fi
    command -v rabbitmqctl >/dev/null ||
        die "something on 127.0.0.1:$AMQP_PORT accepts TCP but does not speak AMQP, and RabbitMQ is not installed"
    warn "RabbitMQ accepts TCP but never speaks AMQP: restarting it"
    if [[ "$(id -u)" != 0 ]]; then
        die "Run: sudo rabbitmqctl shutdown; sudo rabbitmq-server -detached"
    fi
    timeout 60 rabbitmqctl shutdown || warn "rabbitmqctl shutdown failed; starting anyway"
    start_broker
elif ! command -v rabbitmq-server >/dev/null; then
    if [[ "$(id -u)" != 0 ]]; then
        die "RabbitMQ is not installed. Run: sudo apt-get update && sudo apt-get install -y rabbitmq-server && sudo rabbitmq-server -detached"
    fi
    say "installing Debian's rabbitmq-server"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq rabbitmq-server >/dev/null
    # The package's post-install step may already have started it (where init scripts run).
    rc=0
    probe || rc=$?
    ((rc != 1)) || start_broker
else
    start_broker
fi

wait_amqp 120 || die "RabbitMQ did not answer an AMQP handshake on 127.0.0.1:$AMQP_PORT within 120s (see /var/log/rabbitmq/)"
say "RabbitMQ answers on 127.0.0.1:$AMQP_PORT"
