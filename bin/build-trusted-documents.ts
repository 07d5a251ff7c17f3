// npm run documents:build: writes trusted-documents/manifest.json from trusted-documents/*.graphql.
// CI fails when the committed manifest is stale (test/core/trusted-documents.test.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildManifest, TRUSTED_DOCUMENTS_DIR } from '../src/http/trusted-documents.js';

const manifest = buildManifest();
writeFileSync(path.join(TRUSTED_DOCUMENTS_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`trusted-documents/manifest.json: ${manifest.operations.length} operations`);
