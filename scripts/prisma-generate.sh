#!/usr/bin/env bash
# npm run db:generate (and postinstall): `prisma generate` with Prisma 7, offline. Prisma 7's CLI looks for a
# native schema-engine binary before it generates and, if none is installed, tries to download one (which
# fails without internet: getaddrinfo ENOTFOUND). Generation itself does not use that engine, so any existing
# file satisfies the check; we point it at a stand-in that explains itself if something ever runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/no-schema-engine.sh}"
exec node node_modules/prisma/build/index.js generate "$@"
