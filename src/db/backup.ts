// 备份与恢复. Embedded: PGlite's own data-directory dump (a gzip tarball of the folder, taken from the open
// database, so every committed row is in it) and a restore into an empty folder. PostgreSQL: pg_dump's
// custom format and pg_restore (Debian's postgresql-client), the tools a DBA already trusts.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

/** the data-directory dump of an open embedded database, written to `file` */
export async function backupPglite(db: PGlite, file: string): Promise<number> {
  const dump = await db.dumpDataDir('gzip');
  const bytes = new Uint8Array(await dump.arrayBuffer());
  await writeFile(file, bytes);
  return bytes.byteLength;
}

/** restores a dump into `dir`, which must be empty or absent: a restore never overwrites data */
export async function restorePglite(file: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length) throw new Error(`${dir} is not empty: restore into an empty folder`);
  const db = new PGlite(dir, { loadDataDir: new Blob([await readFile(file)]) });
  await db.waitReady;
  await db.close();
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${err}`))));
  });
}

/** pg_dump --format=custom of the database at `url` */
export const backupPostgres = (url: string, file: string) =>
  run('pg_dump', ['--format=custom', '--no-owner', '--file', file, url]);

/** pg_restore into the database at `url`, which should be empty (a new database) */
export const restorePostgres = (url: string, file: string) =>
  run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', url, file]);
