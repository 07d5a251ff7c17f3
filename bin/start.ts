// npm start: open (and migrate) the database, load demo data into an empty embedded database,
// serve GraphQL. Embedded PGlite in ./data by default; PostgreSQL when DATABASE_URL is set.
// NODE_ENV=production: no demo data unless SEED_DEMO=true, GraphiQL and anonymous introspection off.
// The environment is read here only; createApp() gets options.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { installedModules } from '../modules/index.js';
import { demoAccounts, generateDemoPassword, isEmpty, seedDemo } from '../prisma/seed/load.js';
import { createApp } from '../src/app.js';
import { limitsFromEnv } from '../src/limits/config.js';
import { exportOptionsFromEnv } from '../src/core/exports/service.js';
import { loadSecret } from '../src/auth/token.js';
import { passwordProblem } from '../src/auth/password.js';
import { dataDir, openDatabase } from '../src/db/index.js';
import { httpSecurityFromEnv } from '../src/http/security.js';
import { trustedDocumentsFromEnv } from '../src/http/trusted-documents.js';
import { createLogger } from '../src/log.js';
import { listen } from '../src/server.js';
import { metricsFromEnv } from '../src/metrics.js';
import { tracingFromEnv } from '../src/tracing.js';

const logger = createLogger();
// before the database opens, so Prisma's spans are recorded from the first query
const tracing = tracingFromEnv();
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST || '127.0.0.1';
const { production, http } = httpSecurityFromEnv(process.env);
// demo data only where someone asked for it: by default outside production, never silently in it
const seedWanted = process.env.SEED_DEMO ? process.env.SEED_DEMO === 'true' : !production;
const url = process.env.DATABASE_URL || undefined;
const dir = dataDir();

const db = await openDatabase({ url, log: (msg) => logger.info({ msg }) });
logger.info({ msg: `database ready (${db.engine}${url ? '' : `, ${path.join(dir, 'pglite')}`})` });

// the demo password: DEMO_PASSWORD, or generated once and kept in the data folder
const passwordFile = path.join(dir, 'demo-password');
const fromEnv = !!process.env.DEMO_PASSWORD;
let demoPassword = process.env.DEMO_PASSWORD || (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
let generated = false;
if (!url && seedWanted && (await isEmpty(db.prisma))) {
  if (!demoPassword) {
    demoPassword = generateDemoPassword();
    generated = true;
  }
  // the demo accounts are real logins: their password follows the same policy as every other
  const weak = demoAccounts.map((a) => passwordProblem(demoPassword, a.username)).find(Boolean);
  if (weak) throw new Error(`DEMO_PASSWORD: ${weak}`);
  logger.info({ msg: 'empty embedded database: loading the 昌吉州 demo data' });
  await seedDemo(db.prisma, installedModules, demoPassword);
  // the embedded database has no autovacuum: the planner gets its statistics now, not a minute later
  await db.maintain?.();
  if (!process.env.DEMO_PASSWORD) await writeFile(passwordFile, demoPassword, { mode: 0o600 });
}

if (url && !process.env.JWT_SECRET) {
  logger.warn({
    msg:
      `JWT_SECRET is not set: tokens are signed with a secret kept in ${dir}; ` +
      'instances sharing this database need the same JWT_SECRET',
  });
}
const secret = await loadSecret(dir);
const app = await createApp({
  db,
  modules: installedModules,
  secret,
  logger,
  production,
  http,
  limits: limitsFromEnv(),
  exports: exportOptionsFromEnv(),
  metrics: metricsFromEnv(process.env, production),
  trustedDocuments: trustedDocumentsFromEnv(process.env, production),
  tracing,
});
const server = await listen(app, port, logger, host);
if (process.env.JOBS !== 'off') app.jobs.start();

const lines = [
  '',
  `  党建引领基层治理 GraphQL is running: ${server.url}${http.graphiql ? '  (GraphiQL in the browser)' : ''}`,
  ...(production ? ['  production mode (NODE_ENV=production)'] : []),
  `  modules installed: ${installedModules.map((m) => `${m.id} ${m.title}`).join(', ') || '(none)'}`,
];
if (demoPassword) {
  // the password is shown once, when it was just generated; afterwards only where it is kept
  const where = generated
    ? `password: ${demoPassword}, kept in ${passwordFile}`
    : fromEnv
      ? 'password: the DEMO_PASSWORD you set'
      : `password kept in ${passwordFile}`;
  lines.push(`  demo logins (${where}):`);
  for (const a of demoAccounts) lines.push(`    ${a.username.padEnd(20)} ${a.description}`);
}
console.log(`${lines.join('\n')}\n`);

// A request must never end the process: graphql-tools can leave the promise of a field rejected and
// unobserved after its list failed (the error is already in that response), so log instead of exiting.
process.on('unhandledRejection', (reason) => {
  logger.error({ msg: 'unhandled rejection (the server goes on)', error: String(reason) });
});

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
