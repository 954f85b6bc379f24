# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared by the scripts in this folder: paths, ports and process bookkeeping.
# Every port and the runtime folder can be overridden from the environment, so a second
# stack (a test of `make up`, say) can run beside the first one.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${DOSSIER_RUN_DIR:-$REPO_ROOT/.run}"
VENV="${DOSSIER_VENV:-$REPO_ROOT/.venv}"
PY="$VENV/bin/python"

GATEWAY_PORT="${DOSSIER_GATEWAY_PORT:-8000}"
NOTIFIER_PORT="${DOSSIER_NOTIFIER_PORT:-8001}"
WORKER_HEALTH_PORTS="${DOSSIER_DEV_WORKER_PORTS:-8010 8011}"
S3_PORT="${DOSSIER_DEV_S3_PORT:-8333}"
WEED_MASTER_PORT="${DOSSIER_DEV_WEED_MASTER_PORT:-9333}"
WEED_VOLUME_PORT="${DOSSIER_DEV_WEED_VOLUME_PORT:-9340}"
WEED_FILER_PORT="${DOSSIER_DEV_WEED_FILER_PORT:-8888}"
# gRPC ports default to HTTP port + 10000 in SeaweedFS; they are set explicitly so that
# every port of the stack is known and overridable.
WEED_GRPC_OFFSET="${DOSSIER_DEV_WEED_GRPC_OFFSET:-10000}"
READY_TIMEOUT="${DOSSIER_DEV_READY_TIMEOUT:-90}"

say() { printf '==> %s\n' "$*"; }
warn() { printf '!!  %s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

# A zombie (exited, not yet reaped by its new parent) counts as stopped.
pid_alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
    [[ -n "$state" && "$state" != Z ]]
}

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$RUN_DIR" "$1"; }

# A pid file alone is not proof: the pid may have been reused by an unrelated process,
# so the process's command line must still contain the marker it was started with.
is_running() {
    local name="$1" marker="$2" file pid
    file="$(pid_file "$name")"
    [[ -f "$file" ]] || return 1
    pid="$(cat "$file")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    pid_alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# Something already accepts connections on the port (ours or not).
port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# require_free_ports NAME MARKER PORT... : before starting NAME, refuse ports held by others.
require_free_ports() {
    local name="$1" marker="$2" port
    shift 2
    is_running "$name" "$marker" && return 0
    for port in "$@"; do
        if port_taken "$port"; then
            die "port $port, needed by $name, is taken by another program: stop it or move $name (see docs/operations.md, Changing ports and places)"
        fi
    done
}

# start_background NAME MARKER ENV_FILE CMD... : run CMD detached with ENV_FILE sourced.
start_background() {
    local name="$1" marker="$2" env_file="$3"
    shift 3
    if is_running "$name" "$marker"; then
        say "$name already running (pid $(cat "$(pid_file "$name")"))"
        return 0
    fi
    (
        set -a
        # shellcheck disable=SC1090
        source "$env_file"
        set +a
        cd "$REPO_ROOT" || exit 1
        exec setsid "$@" >>"$(log_file "$name")" 2>&1 </dev/null
    ) &
    echo $! >"$(pid_file "$name")"
    say "$name started (pid $!, log $(log_file "$name"))"
}

# Ask a process to stop without waiting, so several can shut down at once.
declare -A SIGNALLED=()
signal_background() {
    if is_running "$1" "$2"; then
        SIGNALLED[$1]="$(cat "$(pid_file "$1")")"
        kill -TERM "${SIGNALLED[$1]}" 2>/dev/null || true
    fi
}

stop_background() {
    local name="$1" marker="$2" file pid
    file="$(pid_file "$name")"
    [[ -f "$file" ]] || return 0
    pid="${SIGNALLED[$name]:-}"
    if is_running "$name" "$marker"; then
        pid="$(cat "$file")"
        kill -TERM "$pid" 2>/dev/null || true
    fi
    if [[ -n "$pid" ]]; then
        for _ in $(seq 1 150); do
            pid_alive "$pid" || break
            sleep 0.1
        done
        if pid_alive "$pid"; then
            warn "$name (pid $pid) ignored SIGTERM for 15s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        say "$name stopped (pid $pid)"
    fi
    rm -f "$file"
}

# wait_http NAME URL PROCESS_NAME MARKER : poll URL until 200, fail early if the process died.
wait_http() {
    local name="$1" url="$2" proc="$3" marker="$4" deadline
    deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        if ! is_running "$proc" "$marker"; then
            warn "$name exited before it was ready; last lines of $(log_file "$proc"):"
            tail -n 40 "$(log_file "$proc")" >&2 || true
            return 1
        fi
        sleep 0.3
    done
    warn "$name did not answer $url within ${READY_TIMEOUT}s; last lines of $(log_file "$proc"):"
    tail -n 40 "$(log_file "$proc")" >&2 || true
    return 1
}
