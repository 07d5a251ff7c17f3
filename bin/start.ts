// npm start: open (and migrate) the database, load demo data into an empty embedded database,
// serve GraphQL. Embedded PGlite in ./data by default; PostgreSQL when DATABASE_URL is set.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { installedModules } from '../modules/index.js';
import { demoAccounts, generateDemoPassword, isEmpty, seedDemo } from '../prisma/seed/load.js';
import { createApp } from '../src/app.js';
import { loadSecret } from '../src/auth/token.js';
import { dataDir, openDatabase } from '../src/db/index.js';
import { jsonLogger as logger } from '../src/log.js';
import { listen } from '../src/server.js';

const port = Number(process.env.PORT ?? 4000);
const url = process.env.DATABASE_URL || undefined;
const dir = dataDir();

const db = await openDatabase({ url, log: (msg) => logger.info({ msg }) });
logger.info({ msg: `database ready (${db.engine}${url ? '' : `, ${path.join(dir, 'pglite')}`})` });

// the demo password: DEMO_PASSWORD, or generated once and kept in the data folder
const passwordFile = path.join(dir, 'demo-password');
let demoPassword = process.env.DEMO_PASSWORD || (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
if (!url && (await isEmpty(db.prisma))) {
  demoPassword ||= generateDemoPassword();
  logger.info({ msg: 'empty embedded database: loading the 昌吉州 demo data' });
  await seedDemo(db.prisma, installedModules, demoPassword);
  if (!process.env.DEMO_PASSWORD) await writeFile(passwordFile, demoPassword, { mode: 0o600 });
}

if (url && !process.env.JWT_SECRET) {
  logger.warn({ msg: `JWT_SECRET is not set: tokens are signed with a secret kept in ${dir}; instances sharing this database need the same JWT_SECRET` });
}
const app = await createApp({ db, modules: installedModules, secret: await loadSecret(dir), logger });
const server = await listen(app, port, logger);
if (process.env.JOBS !== 'off') app.jobs.start();

const lines = [
  '',
  `  党建引领基层治理 GraphQL is running: ${server.url}  (GraphiQL in the browser)`,
  `  modules installed: ${installedModules.map((m) => `${m.id} ${m.title}`).join(', ') || '(none)'}`,
];
if (demoPassword) {
  lines.push(`  demo logins (password: ${demoPassword}):`);
  for (const a of demoAccounts) lines.push(`    ${a.username.padEnd(20)} ${a.description}`);
}
console.log(`${lines.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  });
}
