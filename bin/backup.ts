// npm run backup -- <file>: PostgreSQL (DATABASE_URL) with pg_dump while the API runs; the embedded
// database (DATA_DIR/pglite) while the server is stopped (PGlite is one process: the server holds it).
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { backupPglite, backupPostgres } from '../src/db/backup.js';
import { dataDir } from '../src/db/index.js';

const file = process.argv[2];
if (!file) throw new Error('usage: npm run backup -- <file>');
const url = process.env.DATABASE_URL;
if (url) {
  await backupPostgres(url, file);
  console.log(`backup of ${new URL(url).pathname.slice(1)} written to ${file} (pg_dump custom format)`);
} else {
  const dir = path.join(dataDir(), 'pglite');
  const db = new PGlite(dir);
  const bytes = await backupPglite(db, file);
  await db.close();
  console.log(`backup of ${dir} written to ${file} (${bytes} bytes, gzip)`);
}
