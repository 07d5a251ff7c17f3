#!/usr/bin/env sh
# Stand-in for Prisma 7's native schema engine, which this project never downloads (it must install and
# run offline, e.g. on a government intranet). scripts/prisma-generate.sh points PRISMA_SCHEMA_ENGINE_BINARY
# here: `prisma generate` only checks that the file exists (generation itself is WebAssembly). Anything that
# really needs the engine lands here and fails with a pointer to what the project uses instead.
echo "Prisma 7's schema engine is not installed here. Migrations: npm run db:new-migration / npm run db:check" \
  "(Prisma 6.19's WebAssembly engine, bin/migration-sql.ts); applied by src/db/migrate.ts at start." >&2
exit 1
