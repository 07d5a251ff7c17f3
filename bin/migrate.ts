// npm run db:migrate: apply pending migrations (PostgreSQL via DATABASE_URL, or the embedded database).
// `npm start` does this too; this is for deployments that migrate before rolling out instances.
import { openDatabase } from '../src/db/index.js';

const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, log: console.log });
await db.close();
console.log('migrations up to date');
