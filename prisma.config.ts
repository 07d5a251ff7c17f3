// Prisma CLI configuration (Prisma 7). The CLI only generates here (scripts/prisma-generate.sh): the
// application applies migrations itself at start (src/db/migrate.ts) through its driver adapter, and the
// migration SQL comes from Prisma 6.19's WebAssembly schema engine (bin/migration-sql.ts, with its own
// config prisma/diff.config.ts), because Prisma 7's CLI needs a native engine it cannot download offline.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
