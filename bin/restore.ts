// npm run restore -- <file>: into an empty DATA_DIR/pglite (embedded), or into the empty database named by
// DATABASE_URL (create it first: createdb); the API then starts on it as usual.
import path from 'node:path';
import { restorePglite, restorePostgres } from '../src/db/backup.js';
import { dataDir } from '../src/db/index.js';

const file = process.argv[2];
if (!file) throw new Error('usage: npm run restore -- <file>');
const url = process.env.DATABASE_URL;
if (url) await restorePostgres(url, file);
else await restorePglite(file, path.join(dataDir(), 'pglite'));
console.log(`restored ${file}`);
