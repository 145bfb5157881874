# Shared pieces of the corpus run scripts that start their own servers (sourced by run-wide-a.sh, run-wide-e.sh).

# make_venv VENV VERSION: create the group's venv with that Python (pyenv's if present, else the system's) if missing.
make_venv() {
  local venv=$1 ver=$2 py
  [ -x "$venv/bin/python" ] && return 0
  py=$(ls /root/.pyenv/versions/"$ver"*/bin/python"$ver" 2>/dev/null | tail -1)
  [ -n "$py" ] || py=$(command -v "python$ver" || command -v python3)
  "$py" -m venv "$venv"
}

# start_postgres DATA SOCKET PORT MAX_CONNECTIONS RESERVED: a dedicated PostgreSQL cluster in DATA (initdb'd when
# new) on 127.0.0.1:PORT with few connection slots, so that "too many clients" is real; an already running one is
# restarted so no stale connection survives. Sets PGBIN. Waits until it accepts connections.
start_postgres() {
  local data=$1 sock=$2 port=$3 maxconn=$4 reserved=$5 opts
  PGBIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)/bin
  mkdir -p "$sock" && chown postgres "$sock"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres "$data"
    su postgres -c "$PGBIN/initdb --no-sync -D $data -A trust -U postgres" >/dev/null
  fi
  opts="-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sock -c max_connections=$maxconn \
-c superuser_reserved_connections=$reserved -c deadlock_timeout=100ms -c fsync=off -c log_min_messages=fatal"
  if su postgres -c "$PGBIN/pg_ctl -D $data status" >/dev/null 2>&1; then
    su postgres -c "$PGBIN/pg_ctl -D $data -m fast -w stop" >/dev/null
  fi
  su postgres -c "$PGBIN/pg_ctl -D $data -w -l $data/server.log -o '$opts' start" >/dev/null
  for _ in $(seq 40); do "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break; sleep 0.25; done
}
