#!/usr/bin/env bash
# Start the whole stack on this machine: SeaweedFS, gateway, notifier and two workers,
# against the local RabbitMQ. Safe to run again: running services are left alone.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

trap 'status=$?; ((status == 0)) || warn "make up failed; what it started runs until make down"' EXIT

bash "$REPO_ROOT/scripts/install.sh"
bash "$REPO_ROOT/scripts/rabbitmq.sh"

mkdir -p "$RUN_DIR/seaweedfs"
chmod 700 "$RUN_DIR"

# Secrets are made once and kept, so that data written earlier stays readable.
SECRETS="$RUN_DIR/secrets.env"
if [[ ! -f "$SECRETS" ]]; then
    (
        umask 077
        printf 'DOSSIER_S3_ACCESS_KEY=dossier\nDOSSIER_S3_SECRET_KEY=%s\n' "$(openssl rand -hex 24)" >"$SECRETS"
    )
fi
# shellcheck disable=SC1090
source "$SECRETS"

# The development API key: the key itself for the user, only its hash for the services.
if [[ ! -s "$RUN_DIR/dev-api-key" || ! -s "$RUN_DIR/api-keys" ]]; then
    (
        umask 077
        key="dsk_$(openssl rand -hex 24)"
        printf '%s\n' "$key" >"$RUN_DIR/dev-api-key"
        printf '# tenant sha256(key)\ndev %s\n' "$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)" >"$RUN_DIR/api-keys"
    )
fi
DEV_KEY="$(cat "$RUN_DIR/dev-api-key")"

ENV_FILE="$RUN_DIR/dossier.env"
cat >"$ENV_FILE" <<ENV
DOSSIER_ENVIRONMENT=${DOSSIER_ENVIRONMENT:-development}
DOSSIER_S3_ENDPOINT=127.0.0.1:$S3_PORT
DOSSIER_S3_ACCESS_KEY=$DOSSIER_S3_ACCESS_KEY
DOSSIER_S3_SECRET_KEY=$DOSSIER_S3_SECRET_KEY
DOSSIER_S3_BUCKET=${DOSSIER_S3_BUCKET:-dossier}
DOSSIER_API_KEYS_FILE=$RUN_DIR/api-keys
DOSSIER_GATEWAY_HOST=127.0.0.1
DOSSIER_GATEWAY_PORT=$GATEWAY_PORT
DOSSIER_NOTIFIER_HOST=127.0.0.1
DOSSIER_NOTIFIER_PORT=$NOTIFIER_PORT
DOSSIER_NOTIFIER_PUBLIC_URL=${DOSSIER_NOTIFIER_PUBLIC_URL:-ws://127.0.0.1:$NOTIFIER_PORT/ws}
AWS_ACCESS_KEY_ID=$DOSSIER_S3_ACCESS_KEY
AWS_SECRET_ACCESS_KEY=$DOSSIER_S3_SECRET_KEY
ENV
chmod 600 "$ENV_FILE"

WEED_MARKER="-dir=$RUN_DIR/seaweedfs"
require_free_ports seaweedfs "$WEED_MARKER" "$S3_PORT" "$WEED_MASTER_PORT" "$WEED_VOLUME_PORT" "$WEED_FILER_PORT"
require_free_ports gateway "-m gateway" "$GATEWAY_PORT"
require_free_ports notifier "-m notifier" "$NOTIFIER_PORT"
worker_index=0
for port in $WORKER_HEALTH_PORTS; do
    worker_index=$((worker_index + 1))
    require_free_ports "worker-$worker_index" "-m worker" "$port"
done

start_background seaweedfs "$WEED_MARKER" "$ENV_FILE" \
    "$VENV/bin/weed" mini "$WEED_MARKER" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    "-s3.port=$S3_PORT" "-s3.port.grpc=$((S3_PORT + WEED_GRPC_OFFSET))" \
    "-master.port=$WEED_MASTER_PORT" "-master.port.grpc=$((WEED_MASTER_PORT + WEED_GRPC_OFFSET))" \
    "-volume.port=$WEED_VOLUME_PORT" "-volume.port.grpc=$((WEED_VOLUME_PORT + WEED_GRPC_OFFSET))" \
    "-filer.port=$WEED_FILER_PORT" "-filer.port.grpc=$((WEED_FILER_PORT + WEED_GRPC_OFFSET))" \
    -s3.port.iceberg=0 -s3.port.lance=0 -admin.ui=false -webdav=false

# Any HTTP answer (S3 says 403 to an anonymous request) means the endpoint is up.
deadline=$((SECONDS + READY_TIMEOUT))
until curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$S3_PORT/"; do
    is_running seaweedfs "$WEED_MARKER" || {
        tail -n 40 "$(log_file seaweedfs)" >&2
        die "SeaweedFS exited"
    }
    ((SECONDS < deadline)) || die "SeaweedFS S3 did not answer on 127.0.0.1:$S3_PORT within ${READY_TIMEOUT}s"
    sleep 0.3
done
say "SeaweedFS S3 answers on http://127.0.0.1:$S3_PORT"

start_background gateway "-m gateway" "$ENV_FILE" "$PY" -m gateway
start_background notifier "-m notifier" "$ENV_FILE" "$PY" -m notifier
worker_index=0
for port in $WORKER_HEALTH_PORTS; do
    worker_index=$((worker_index + 1))
    DOSSIER_WORKER_HEALTH_PORT="$port" \
        start_background "worker-$worker_index" "-m worker" "$ENV_FILE" "$PY" -m worker
done

wait_http gateway "http://127.0.0.1:$GATEWAY_PORT/readyz" gateway "-m gateway"
wait_http notifier "http://127.0.0.1:$NOTIFIER_PORT/readyz" notifier "-m notifier"
worker_index=0
for port in $WORKER_HEALTH_PORTS; do
    worker_index=$((worker_index + 1))
    wait_http "worker-$worker_index" "http://127.0.0.1:$port/readyz" "worker-$worker_index" "-m worker"
done

cat <<DONE

Dossier is running.
  Dashboard           http://127.0.0.1:$GATEWAY_PORT/
  API                 http://127.0.0.1:$GATEWAY_PORT/api   (reference: http://127.0.0.1:$GATEWAY_PORT/docs, docs/api.md)
  Live events         ws://127.0.0.1:$NOTIFIER_PORT/ws
  Object storage      http://127.0.0.1:$S3_PORT (SeaweedFS S3, data in $RUN_DIR/seaweedfs)
  Workers             $(for p in $WORKER_HEALTH_PORTS; do printf 'http://127.0.0.1:%s/readyz ' "$p"; done)
  Development key     $DEV_KEY   (also in $RUN_DIR/dev-api-key)
  Logs                make logs   (files in $RUN_DIR/*.log)
  Stop                make down

Try:  curl -H "Authorization: Bearer \$(cat $RUN_DIR/dev-api-key)" http://127.0.0.1:$GATEWAY_PORT/api/sessions
DONE
