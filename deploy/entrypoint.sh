#!/bin/sh
# Container start: apply migrations (unless MIGRATE_ON_START=0), build the search index when it is
# empty, then run the command (gunicorn by default).
set -e
if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
  python manage.py migrate --noinput
  python manage.py update_index --if-empty
fi
exec "$@"
