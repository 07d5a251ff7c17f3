// 请求体上限: a body past the limit is refused with 413 before it runs, over a real socket (Content-Length
// or chunked) and in-process; an invalid Content-Length is 400; nothing it asked for happens.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';

const LIMIT = 4_000;
let t: TestApp;
let server: Server;
let port: number;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules, limits: { requestBytes: LIMIT } });
  admin = await t.login('admin');
  server = createServer(t.app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await t?.close();
});

interface Sent {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** one POST over a socket: with its Content-Length, or chunked in pieces of 1 000 bytes */
function post(body: string, framing: 'length' | 'chunked', token = admin): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    if (framing === 'length') headers['content-length'] = String(Buffer.byteLength(body));
    const req = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (framing === 'chunked') for (let i = 0; i < body.length; i += 1_000) req.write(body.slice(i, i + 1_000));
    req.end(framing === 'length' ? body : undefined);
  });
}

/** a mutation padded (in a comment) to `bytes`: it would end every session of the admin, were it run */
const padded = (bytes: number) => {
  const query = 'mutation { logout(input: { all: true }) { __typename } } #';
  const json = (pad: number) => JSON.stringify({ query: query + 'x'.repeat(pad) });
  return json(Math.max(0, bytes - json(0).length));
};

const viewerQuery = JSON.stringify({ query: '{ viewer { account { username } } }' });

describe('the request body limit', () => {
  it('answers bodies within the limit, however they are framed', async () => {
    for (const framing of ['length', 'chunked'] as const) {
      const body = JSON.stringify({ query: `{ viewer { account { username } } } #${'x'.repeat(LIMIT - 100)}` });
      expect(body.length).toBeLessThanOrEqual(LIMIT);
      const r = await post(body, framing);
      expect(r.status, framing).toBe(200);
      expect(r.body.data.viewer.account.username).toBe('admin');
    }
  });

  it('refuses a longer body with 413 over a socket, by its Content-Length or while a chunked one is read', async () => {
    for (const framing of ['length', 'chunked'] as const) {
      const r = await post(padded(LIMIT + 1_500), framing);
      expect(r.status, framing).toBe(413);
      expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
      expect(r.body.errors?.[0]?.message).toMatch(/请求体超过 4000 字节/);
      // the server goes on
      expect((await post(viewerQuery, framing)).status).toBe(200);
    }
  });

  it('refuses a longer body handed over in-process, whatever Content-Length it claims', async () => {
    const body = padded(LIMIT + 1_500);
    for (const headers of [{}, { 'content-length': '10' }]) {
      const res = await t.app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
    }
  });

  it('refuses an invalid Content-Length with 400', async () => {
    for (const length of ['-1', '12, 12', 'abc']) {
      const res = await t.app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': length },
        body: viewerQuery,
      });
      expect(res.status, length).toBe(400);
      const body = (await res.json()) as Sent['body'];
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    }
  });

  it('runs nothing of a refused body', async () => {
    const r = await t.gql('{ viewer { account { username } } }', {}, { token: admin });
    expect(r.data.viewer.account?.username).toBe('admin');
  });
});
