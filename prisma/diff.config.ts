// Configuration of Prisma 6.19.3's CLI (npm alias `prisma-diff`), used ONLY to compute migration SQL
// (bin/migration-sql.ts: `migrate diff` between two schema folders, no database). 6.19's `engine: "js"`
// runs its bundled WebAssembly schema engine, so nothing is downloaded; Prisma 7's CLI has no such
// option and needs a native engine. The engine connects to its driver adapter even for a schema-to-schema
// diff, so it gets a throw-away in-memory PGlite (never the data folder, never DATABASE_URL's server).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma-diff/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // the CLI reads the generator block of this schema before anything else to decide which query engine
  // it needs (without it: a download); bin/migration-sql.ts points it at the prepared target schema
  schema: process.env.PRISMA_DIFF_SCHEMA,
  // pglite-prisma-adapter 0.7 is typed against Prisma 7's adapter interface; 6.19's engine accepts it (verified)
  adapter: async () => new PrismaPGlite(new PGlite()) as never,
});
