#!/usr/bin/env bash
# npm run test:postgres — the whole suite against a real PostgreSQL server started for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
url="$(bash scripts/postgres.sh start)"
trap 'bash scripts/postgres.sh stop' EXIT
TEST_DATABASE_URL="$url" npx vitest run "$@"
