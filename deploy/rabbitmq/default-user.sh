#!/bin/sh
# Makes RabbitMQ's first user the one in the services' AMQP URL, then runs the rest of
# the command line. The password is written down once, in that URL's secret file.
# RabbitMQ creates this user only when its data volume is new; change a password later
# with `rabbitmqctl change_password`.
set -eu

url_file="${AMQP_URL_FILE:-/run/secrets/DOSSIER_AMQP_URL}"
conf="${RABBITMQ_USER_CONF:-/etc/rabbitmq/conf.d/30-dossier-user.conf}"
url="$(cat "$url_file")"

credentials="${url#*://}"
credentials="${credentials%%@*}"
user="${credentials%%:*}"
password="${credentials#*:}"
case "$url" in
    amqp://*:*@* | amqps://*:*@*) ;;
    *)
        echo "default-user: $url_file must hold amqp://user:password@host:port/" >&2
        exit 1
        ;;
esac
# RabbitMQ's configuration takes the value as written, so the URL may not encode it.
case "$user$password" in
    *%* | *[[:space:]]*)
        echo "default-user: use a user and password without % escapes or spaces" >&2
        exit 1
        ;;
esac

umask 077
printf 'default_user = %s\ndefault_pass = %s\n' "$user" "$password" >"$conf"
if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then
    chown rabbitmq:rabbitmq "$conf"
fi
exec "$@"
