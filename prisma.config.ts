// Prisma CLI configuration. The CLI never touches the embedded data folder: without DATABASE_URL it
// gets an in-memory PGlite (enough for `generate` and `migrate diff`); with it, a PostgreSQL adapter.
// The application applies migrations itself at start (src/db/migrate.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      const { createPgMigrationPool } = await import('./src/db/pg-pool.js');
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg(createPgMigrationPool(url));
    }
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    return new PrismaPGlite(new PGlite()) as unknown as InstanceType<typeof PrismaPg>;
  },
});
