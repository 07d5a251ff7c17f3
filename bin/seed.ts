// npm run seed: load the demo data into an empty database (PostgreSQL via DATABASE_URL, or the
// embedded one). Prints the demo password.
import { installedModules } from '../modules/index.js';
import { demoAccounts, generateDemoPassword, isEmpty, seedDemo } from '../prisma/seed/load.js';
import { openDatabase } from '../src/db/index.js';

const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, log: console.log });
try {
  if (!(await isEmpty(db.prisma))) {
    console.log('The database already has regions; the demo data is only loaded into an empty database.');
  } else {
    const password = process.env.DEMO_PASSWORD || generateDemoPassword();
    await seedDemo(db.prisma, installedModules, password);
    // the embedded database has no autovacuum: the planner gets its statistics now, not a minute later
    await db.maintain?.();
    console.log(
      `Demo data loaded. Demo logins (password: ${password}): ${demoAccounts.map((a) => a.username).join(', ')}`,
    );
  }
} finally {
  await db.close();
}
