#!/usr/bin/env bash
# The whole suite, on SQLite and then on PostgreSQL (started if it is down).
set -uo pipefail
cd "$(dirname "$0")/.."
# An API error whose code the OpenAPI document does not list for its operation answers 500
# (api/errors.py): every API test checks the docs' error codes too.
export ABATE_CHECK_ERROR_CODES=1
PG_URL=${ABATE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}

ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return 0; fi
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && return 0
    sleep 1
  done
  echo "PostgreSQL is not reachable at 127.0.0.1:5432" >&2
  return 1
}

.venv/bin/ruff check . || exit 1
.venv/bin/lint-imports --no-cache || exit 1

echo "== SQLite"
env -u DATABASE_URL .venv/bin/pytest -p no:cacheprovider "$@"
sqlite=$?

echo "== PostgreSQL"
ensure_postgres || exit 1
DATABASE_URL="$PG_URL" .venv/bin/pytest -p no:cacheprovider "$@"
postgres=$?

if [ $sqlite -ne 0 ] || [ $postgres -ne 0 ]; then
  echo "SQLite run: exit $sqlite; PostgreSQL run: exit $postgres" >&2
  exit 1
fi
