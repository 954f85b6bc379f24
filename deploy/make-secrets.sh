#!/usr/bin/env bash
# Writes the secret files docker-compose.yml mounts into the services, with fresh random
# values, into deploy/secrets/ (or the folder given). A file that exists is kept, so
# running it again only fills in what is missing. Prints the first API key once: only
# its hash is stored.
set -euo pipefail

DIR="${1:-$(cd "$(dirname "$0")" && pwd)/secrets}"
mkdir -p "$DIR"
# The folder keeps other host users out; the files stay readable by the containers'
# own users, which bind-mounted files need.
chmod 700 "$DIR"

created=()
put() {
    local name="$1" value="$2"
    [[ -e "$DIR/$name" ]] && return 0
    printf '%s\n' "$value" >"$DIR/$name"
    chmod 644 "$DIR/$name"
    created+=("$name")
}

put amqp_url "amqp://dossier:$(openssl rand -hex 24)@rabbitmq:5672/"
put s3_secret_key "$(openssl rand -hex 24)"
put download_token_secret "$(openssl rand -hex 32)"
if [[ ! -e "$DIR/api_keys" ]]; then
    key="dsk_$(openssl rand -hex 24)"
    put api_keys "$(printf '# tenant sha256(key); add a line per key\ndefault %s' \
        "$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)")"
    printf 'API key of tenant "default" (shown once, keep it): %s\n' "$key"
fi
# Optional providers: an empty file leaves the provider off.
put search_api_key ""
put llm_api_key ""
put hubspot_token ""

if ((${#created[@]})); then
    printf 'wrote %s in %s\n' "${created[*]}" "$DIR"
else
    printf 'every secret file already exists in %s\n' "$DIR"
fi
