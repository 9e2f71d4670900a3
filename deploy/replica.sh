#!/bin/sh
# A real PostgreSQL primary with a streaming hot standby, on loopback, in a folder of its own: for
# trying the read replicas (operations/replicas.py), tests/operations/test_replica.py and
# bench/scale_out.py. Never touches the system cluster (5432).
#
#   deploy/replica.sh start DIR [PRIMARY_PORT] [STANDBY_PORT]   # default 5440 and 5441
#   deploy/replica.sh stop DIR
#
# `start` makes DIR/primary (initdb, wal_level=replica, replication allowed from 127.0.0.1), starts
# it, clones it with pg_basebackup -R into DIR/standby (a standby.signal and primary_conninfo) and
# starts that as a hot standby. Then:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5440/postgres
#   DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:5441/postgres
# The clusters run as the user postgres (initdb refuses root); PG_BIN overrides the binaries'
# folder (default /usr/lib/postgresql/15/bin). For a real install, see docs/scaling-out.md.
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ACTION=${1:?usage: replica.sh start|stop DIR [PRIMARY_PORT] [STANDBY_PORT]}
DIR=${2:?usage: replica.sh start|stop DIR [PRIMARY_PORT] [STANDBY_PORT]}
PRIMARY_PORT=${3:-5440}
STANDBY_PORT=${4:-5441}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$ACTION" in
start)
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_postgres "$PG_BIN/initdb" -D "$DIR/primary" -U postgres --auth=trust --no-sync -E UTF8 \
    --locale=C.UTF-8 >"$DIR/initdb.log"
  cat >>"$DIR/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
max_connections = 100
EOF
  echo "host replication postgres 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
  as_postgres "$PG_BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null
  as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
    -D "$DIR/standby" -R -X stream --checkpoint=fast
  echo "port = $STANDBY_PORT" >>"$DIR/standby/postgresql.conf"
  as_postgres "$PG_BIN/pg_ctl" -D "$DIR/standby" -l "$DIR/standby.log" -w start >/dev/null
  echo "primary postgres://postgres@127.0.0.1:$PRIMARY_PORT/postgres"
  echo "standby postgres://postgres@127.0.0.1:$STANDBY_PORT/postgres"
  ;;
stop)
  for node in standby primary; do
    if [ -f "$DIR/$node/postmaster.pid" ]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$DIR/$node" -m immediate -w stop >/dev/null || true
    fi
  done
  ;;
*)
  echo "usage: replica.sh start|stop DIR [PRIMARY_PORT] [STANDBY_PORT]" >&2
  exit 2
  ;;
esac
