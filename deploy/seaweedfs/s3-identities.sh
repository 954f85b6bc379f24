#!/bin/sh
# Writes SeaweedFS's S3 identities file, then runs the rest of the command line:
#   s3-identities.sh CONFIG_PATH COMMAND...
# The secret key is read from the same secret file the Dossier services read, so it is
# written down once; the access key comes from S3_ACCESS_KEY. The only identity is an
# admin one: anonymous requests are refused.
set -eu

config="$1"
shift
secret_file="${S3_SECRET_KEY_FILE:-/run/secrets/DOSSIER_S3_SECRET_KEY}"
access_key="${S3_ACCESS_KEY:?S3_ACCESS_KEY is not set}"
secret_key="$(cat "$secret_file")"

if [ -z "$secret_key" ]; then
    echo "s3-identities: $secret_file is empty" >&2
    exit 1
fi
# The keys are written into JSON unescaped: allow only characters that need no escaping.
case "$access_key$secret_key" in
    *[!A-Za-z0-9+/=._-]*)
        echo "s3-identities: keys may hold only letters, digits and + / = . _ -" >&2
        exit 1
        ;;
esac

umask 077
printf '{"identities": [{"name": "dossier", "credentials": [{"accessKey": "%s", "secretKey": "%s"}], "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}\n' \
    "$access_key" "$secret_key" >"$config"
# The image's entrypoint starts as root and steps down to its `seaweed` user.
if [ "$(id -u)" = 0 ] && id seaweed >/dev/null 2>&1; then
    chown seaweed:seaweed "$config"
fi
exec "$@"
