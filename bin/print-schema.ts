// npm run schema:print: writes schema.graphql, the full schema with every installed module, sorted.
// CI regenerates it and fails when the committed file differs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { installedModules } from '../modules/index.js';
import { SchemaRegistry } from '../src/schema.js';

const registry = new SchemaRegistry(installedModules, {
  signToken: async () => ({ token: '', expiresAt: new Date(0) }),
});
const file = path.resolve(import.meta.dirname, '../schema.graphql');
writeFileSync(file, `${printSchema(lexicographicSortSchema(registry.full))}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
