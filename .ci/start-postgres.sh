# Sourced by .ci/run: start a PostgreSQL cluster for the shared label-store tests and export its URL.
# Idempotent: reuses a running cluster. Sets CLUSTERER_TEST_POSTGRES (tests skip the PostgreSQL cases without it).
if command -v pg_lsclusters >/dev/null; then
  # the Debian default cluster "main" when there is one (other clusters on a dev machine may be tuned for
  # something else), else the first listed
  line=$(pg_lsclusters -h | awk '$2=="main"' | head -1)
  [ -n "$line" ] || line=$(pg_lsclusters -h | head -1)
  ver=$(echo "$line" | awk '{print $1}')
  name=$(echo "$line" | awk '{print $2}')
  if [ -n "$ver" ]; then
    pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
    port=$(pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1==v && $2==n {print $3}')
    su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='clusterer'\"" | grep -q 1 ||
      su postgres -c "psql -p $port -c \"CREATE ROLE clusterer LOGIN PASSWORD 'clusterer' CREATEDB\""
    su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='clusterer_test'\"" | grep -q 1 ||
      su postgres -c "psql -p $port -c \"CREATE DATABASE clusterer_test OWNER clusterer\""
    export CLUSTERER_TEST_POSTGRES="postgresql://clusterer:clusterer@127.0.0.1:$port/clusterer_test"
  fi
fi
