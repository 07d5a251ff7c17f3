// Open311 GeoReport v2 over the incident chain, field by field against the specification
// (http://wiki.open311.org/GeoReport_v2) and as a client calls it: discovery → services → POST → GET by id
// → GET list; API keys stored as hashes; errors as [{ code, description }]; the module switch per township.
import { createHash } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { BEIWUCHA, mutate, orgId, setModule, voiceApp } from './kit.js';

let t: TestApp;
let key: string;
const BASE = 'http://test/open311/v2';
const J = `jurisdiction_id=${BEIWUCHA}`;
const get = async (path: string) => {
  const r = await t.app.yoga.fetch(`${BASE}${path}`);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};
const post = async (fields: Record<string, string>) => {
  const r = await t.app.yoga.fetch(`${BASE}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: r.status, body: await r.json() };
};
const REQUEST_KEYS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const isError = (body: unknown, code: number) => {
  expect(Array.isArray(body)).toBe(true);
  expect((body as any[])[0]).toEqual({ code, description: expect.any(String) });
};

beforeAll(async () => {
  t = await voiceApp();
  const worker = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'weijiachang-worker' } });
  const r = await mutate(
    t,
    await t.login('beiwucha-admin'),
    'createApiKey',
    { accountId: encodeGlobalID('Account', worker.id), label: '村务公开小程序' },
    '... on CreateApiKeyPayload { id key label }',
  );
  key = r.key;
});
afterAll(() => t.close());

describe('API keys', () => {
  it('shows the key once and stores only its SHA-256; residents cannot create keys', async () => {
    expect(key).toMatch(/^o311_[0-9a-f]{48}$/);
    const rows = await t.db.prisma.apiKey.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key);
    const he = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'resident-he' } });
    const refused = await mutate(t, await t.login('resident-he'), 'createApiKey', {
      accountId: encodeGlobalID('Account', he.id),
      label: 'x',
    });
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('a client’s call sequence', () => {
  it('discovery → services → service definition → POST → GET by id → GET list', async () => {
    const d = await get('/discovery.json');
    expect(d.status).toBe(200);
    expect(d.type).toMatch(/application\/json/);
    expect(Object.keys(d.body)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(d.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://test/open311/v2',
      type: 'production',
      formats: ['application/json'],
    });

    const s = await get(`/services.json?${J}`);
    expect(s.status).toBe(200);
    expect(s.body).toHaveLength(7);
    for (const sv of s.body) {
      expect(Object.keys(sv)).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      expect(sv.metadata).toBe(false);
      expect(['realtime', 'batch', 'blackbox']).toContain(sv.type);
    }
    expect(s.body.map((x: any) => x.service_code)).toContain('INFRASTRUCTURE');
    const def = await get(`/services/INFRASTRUCTURE.json?${J}`);
    expect(def).toMatchObject({ status: 200, body: { service_code: 'INFRASTRUCTURE', attributes: [] } });

    const created = await post({
      api_key: key,
      jurisdiction_id: BEIWUCHA,
      service_code: 'INFRASTRUCTURE',
      lat: '44.31',
      long: '86.22',
      description: '村道路灯连续三晚不亮',
      media_url: 'https://img.example.cn/lamp.jpg',
      email: 'someone@example.cn',
      first_name: '某',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual([{ service_request_id: expect.any(String), service_notice: null, account_id: null }]);
    const id = created.body[0].service_request_id;

    const one = await get(`/requests/${id}.json?${J}`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const sr = one.body[0];
    expect(Object.keys(sr)).toEqual(REQUEST_KEYS);
    expect(sr).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'INFRASTRUCTURE',
      description: '村道路灯连续三晚不亮',
      agency_responsible: null,
      address: '魏家场村',
      address_id: '652324104200',
      lat: 44.31,
      long: 86.22,
      media_url: 'https://img.example.cn/lamp.jpg',
    });
    const row = await t.db.prisma.incident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ channel: 'OPEN311', status: 'REPORTED', gridId: null });
    expect(sr.expected_datetime).toBe(row.deadline!.toISOString()); // not accepted yet: the accept deadline
    expect(new Date(sr.requested_datetime).toISOString()).toBe(sr.requested_datetime);

    // the chain moves on: the lead department becomes agency_responsible, the resolution deadline expected
    const gid = encodeGlobalID('Incident', id);
    await mutate(t, await t.login('weijiachang-worker'), 'acceptIncident', { incidentId: gid });
    const emergency = await orgId(t, '玛纳斯县应急管理局');
    await mutate(t, await t.login('beiwucha-admin'), 'escalateIncident', {
      incidentId: gid,
      departmentIds: [emergency],
    });
    await mutate(t, await t.login('manas-emergency'), 'reportInIncident', { incidentId: gid });
    const after = (await get(`/requests/${id}.json?${J}`)).body[0];
    const moved = await t.db.prisma.incident.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ agency_responsible: '玛纳斯县应急管理局', status: 'open' });
    expect(after.expected_datetime).toBe(moved.resolveDueAt!.toISOString());

    const list = await get(`/requests.json?${J}&status=open&service_code=INFRASTRUCTURE`);
    expect(list.status).toBe(200);
    expect(list.body.map((x: any) => x.service_request_id)).toContain(id);
    expect(list.body.every((x: any) => x.status === 'open' && x.service_code === 'INFRASTRUCTURE')).toBe(true);
    const closed = await get(`/requests.json?${J}&status=closed`);
    expect(closed.body.map((x: any) => x.service_request_id)).not.toContain(id);
    const byIds = await get(`/requests.json?${J}&service_request_id=${id},not-a-uuid`);
    expect(byIds.body.map((x: any) => x.service_request_id)).toEqual([id]);
  });
});

describe('no personal data, errors, switches', () => {
  it('GET output carries no names, phones or addresses of people', async () => {
    const all = JSON.stringify((await get(`/requests.json?${J}`)).body);
    const people = await t.db.prisma.person.findMany({ where: { homePath: { startsWith: '/' } }, take: 500 });
    for (const p of people) {
      if (p.name.length >= 2) expect(all).not.toContain(p.name);
      if (p.phone) expect(all).not.toContain(p.phone);
    }
    expect(all).not.toMatch(/"(reporter|resident|household|email|first_name|phone)[a-z_]*":/); // no such keys
  });

  it('answers errors as [{ code, description }] with the HTTP status', async () => {
    const noKey = await post({
      jurisdiction_id: BEIWUCHA,
      service_code: 'OTHER',
      lat: '44.3',
      long: '86.2',
      description: 'x',
    });
    expect(noKey.status).toBe(403);
    isError(noKey.body, 403);
    const badKey = await post({
      api_key: 'o311_wrong',
      jurisdiction_id: BEIWUCHA,
      service_code: 'OTHER',
      description: 'x',
    });
    expect(badKey.status).toBe(403);
    const noLat = await post({
      api_key: key,
      jurisdiction_id: BEIWUCHA,
      service_code: 'OTHER',
      description: '没有位置',
    });
    expect(noLat.status).toBe(400);
    isError(noLat.body, 400);
    const service = await post({
      api_key: key,
      jurisdiction_id: BEIWUCHA,
      service_code: 'NOPE',
      lat: '44.3',
      long: '86.2',
      description: 'x',
    });
    expect(service.status).toBe(404);
    const elsewhere = await post({
      api_key: key,
      jurisdiction_id: '652301004',
      service_code: 'OTHER',
      lat: '44',
      long: '87',
      description: '别处',
    });
    expect(elsewhere.status).toBe(403); // the key's account (a village worker) does not cover 建国路街道
    const missing = await get('/services.json');
    expect(missing.status).toBe(400);
    isError(missing.body, 400);
    const unknown = await get('/requests/00000000-0000-0000-0000-000000000000.json?' + J);
    expect(unknown.status).toBe(404);
    isError(unknown.body, 404);
    expect((await get(`/services/NOPE.json?${J}`)).status).toBe(404);
    // a malformed escape in the id is not found, not a server error
    const malformed = await get(`/requests/%E0%A4%A.json?${J}`);
    expect(malformed.status).toBe(404);
    isError(malformed.body, 404);
    expect((await get(`/requests.json?${J}&status=pending`)).status).toBe(400);
    const put = await t.app.yoga.fetch(`${BASE}/requests.json`, { method: 'PUT' });
    expect(put.status).toBe(405);
  });

  it('a township where grid is off is an unknown jurisdiction (404); others still answer', async () => {
    const admin = await t.login('beiwucha-admin');
    await setModule(t, admin, BEIWUCHA, 'grid', false);
    expect((await get(`/services.json?${J}`)).status).toBe(404);
    expect((await get(`/requests.json?${J}`)).status).toBe(404);
    const before = await t.db.prisma.incident.count();
    const p = await post({
      api_key: key,
      jurisdiction_id: BEIWUCHA,
      service_code: 'OTHER',
      lat: '44.3',
      long: '86.2',
      description: '关闭时',
    });
    expect(p.status).toBe(404);
    expect(await t.db.prisma.incident.count()).toBe(before);
    expect((await get('/services.json?jurisdiction_id=652301004')).status).toBe(200);
    await setModule(t, admin, BEIWUCHA, 'grid', true);
    expect((await get(`/services.json?${J}`)).status).toBe(200);
  });
});
