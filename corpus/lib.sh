# Shared pieces of the corpus run scripts that start their own servers (sourced by the run-wide-*.sh scripts).

# make_venv VENV VERSION: create the group's venv with that Python (pyenv's if present, else the system's) if missing.
make_venv() {
  local venv=$1 ver=$2 py
  [ -x "$venv/bin/python" ] && return 0
  py=$(ls /root/.pyenv/versions/"$ver"*/bin/python"$ver" 2>/dev/null | tail -1)
  [ -n "$py" ] || py=$(command -v "python$ver" || command -v python3)
  "$py" -m venv "$venv"
}

# group_venv VENV VERSION NAME: the group's venv (make_venv) with corpus/requirements-NAME.txt installed, always: an
# existing venv must pick up requirements added since it was made. Quiet; when that fails, pip runs again and shows why.
group_venv() {
  local venv=$1 ver=$2 name=$3
  make_venv "$venv" "$ver"
  "$venv/bin/pip" install -q -r "corpus/requirements-$name.txt" 2>/dev/null \
    || "$venv/bin/pip" install -q -r "corpus/requirements-$name.txt"
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

# stop_pid PIDFILE: stop the process named by PIDFILE if it runs, and wait (up to 10 s) until it has exited.
stop_pid() {
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null) || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
}

# start_mariadb DATA SOCKET PORT MAX_CONNECTIONS: a dedicated MariaDB in DATA (installed when new) on 127.0.0.1:PORT
# with few connection slots and a 1 s InnoDB lock wait, so that slot and lock failures are real; one already running
# from DATA is restarted so no stale connection survives. Waits until it answers.
start_mariadb() {
  local data=$1 sock=$2 port=$3 maxconn=$4
  if [ ! -d "$data/mysql" ]; then
    mkdir -p "$data" && chown mysql:mysql "$data"
    mariadb-install-db --user=mysql --datadir="$data" --auth-root-authentication-method=normal \
      --skip-test-db >/dev/null 2>&1
  fi
  stop_pid "$data/mysqld.pid"
  mariadbd --no-defaults --user=mysql --datadir="$data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$sock" --pid-file="$data/mysqld.pid" --max-connections="$maxconn" --innodb-lock-wait-timeout=1 \
    --skip-log-bin --innodb-buffer-pool-size=32M --performance-schema=OFF --log-error="$data/err.log" >/dev/null 2>&1 &
  for _ in $(seq 80); do mariadb -S "$sock" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.25; done
}

# start_redis DIR PORT [OPTION...]: a fresh, empty, non-persistent redis-server on 127.0.0.1:PORT with its pid file
# and log in DIR (one already running from DIR is restarted). Waits until it answers.
start_redis() {
  local dir=$1 port=$2
  shift 2
  mkdir -p "$dir"
  stop_pid "$dir/redis.pid"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$dir" \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" "$@" >/dev/null
  for _ in $(seq 40); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.25; done
}
