// Shared steps of the export tests: create an export through GraphQL, wait for this instance's worker,
// download it through app.yoga.fetch, and a small RFC 4180 CSV parser to read it back.
import { expect } from 'vitest';
import type { TestApp } from '../helpers.js';

export const CREATE = `mutation($i: CreateExportInput!) { createExport(input: $i) { __typename
  ... on CreateExportPayload { export { id dataset format status rowCount progress downloadPath expiresAt } }
  ... on ValidationError { code issues { path message } }
  ... on Error { code message } } }`;

export const EXPORT = `query($id: ID!) { export(id: $id) { id status rowCount progress downloadPath bytes error } }`;

/** createExport; fails the test unless it is accepted */
export async function createExport(t: TestApp, token: string, input: Record<string, unknown>) {
  const r = await t.gql(CREATE, { i: input }, { token });
  expect(r.data?.createExport?.__typename, JSON.stringify(r)).toBe('CreateExportPayload');
  return r.data.createExport.export as { id: string; status: string; downloadPath: string | null };
}

/** creates an export, lets the worker finish it and returns it as the API shows it */
export async function readyExport(t: TestApp, token: string, input: Record<string, unknown>) {
  const created = await createExport(t, token, input);
  await t.app.exports.idle();
  const r = await t.gql(EXPORT, { id: created.id }, { token });
  expect(r.data?.export?.status, JSON.stringify(r)).toBe('READY');
  return r.data.export as { id: string; status: string; rowCount: number; downloadPath: string; bytes: number };
}

export function download(t: TestApp, path: string, token?: string | null) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return t.app.yoga.fetch(`http://test${path}`, { headers });
}

/** RFC 4180: quoted fields with "" escapes and line breaks inside quotes; CRLF between records */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
