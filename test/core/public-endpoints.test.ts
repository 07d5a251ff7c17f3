// Public endpoints stay public (hardening §4): an anonymous request without X-Township gets the core
// plus every module's public root fields (PUBLIC_SUB_GRAPH), generated from the schema, and each
// still hides the records of townships where its module is off.
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { PUBLIC_SUB_GRAPH } from '../../src/modules.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
});
afterAll(() => t.close());

const subGraphsOf = (f: { extensions?: { subGraphs?: unknown } }) => (f.extensions?.subGraphs ?? []) as string[];
const rootFields = (type: GraphQLObjectType | null | undefined) =>
  Object.values(type?.getFields() ?? {}) as GraphQLField<unknown, unknown>[];
const ROOT = `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`;

describe('the anonymous schema without X-Township', () => {
  it('has every public root field of the full schema, and no other module field', async () => {
    const full = t.app.registry.full;
    const publicFields = rootFields(full.getQueryType()).filter((f) => subGraphsOf(f).includes(PUBLIC_SUB_GRAPH));
    // the two the issue names, so the walk below is not vacuous
    expect(publicFields.map((f) => f.name)).toEqual(expect.arrayContaining(['wishWall', 'verifyVolunteerCertificate']));
    const r = await t.gql(ROOT);
    const query = r.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    const mutation = r.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    for (const f of publicFields) {
      expect(query).toContain(f.name);
      // a public field is declared open to anyone (the authorization matrix reads the same declaration)
      const policy = (f.extensions as { policy?: { roles?: unknown } }).policy;
      if (policy) expect(policy.roles).toBe('ANYONE');
    }
    for (const name of query) {
      const sg = subGraphsOf(full.getQueryType()!.getFields()[name]!);
      expect(sg.includes('core') || sg.includes(PUBLIC_SUB_GRAPH), `Query.${name}`).toBe(true);
    }
    for (const name of mutation) {
      expect(subGraphsOf(full.getMutationType()!.getFields()[name]!), `Mutation.${name}`).toContain('core');
    }
  });

  it('keeps the township schema when X-Township is named', async () => {
    const r = await t.gql(ROOT, {}, { headers: { 'x-township': '652301004' } });
    const query = r.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(query).toEqual(expect.arrayContaining(['wishWall', 'volunteerActivities']));
  });
});

describe('the wish wall and certificate verification without X-Township', () => {
  const WALL = `{ wishWall(first: 100) { totalCount edges { node { id community { code } } } } }`;
  const VERIFY = `query($s: String!) { verifyVolunteerCertificate(serial: $s) { valid serial maskedName totalHours } }`;
  let serial = '';

  it('the wall shows published wishes of townships where wishes is on', async () => {
    const published = await t.db.prisma.wish.count({ where: { status: 'PUBLISHED' } });
    expect(published).toBeGreaterThan(0);
    const r = await t.gql(WALL);
    expect(r.errors).toBeUndefined();
    expect(r.data.wishWall.totalCount).toBe(published);
  });

  it('a certificate verifies', async () => {
    const pu = await t.login('member-pu');
    const me = await t.gql(`{ viewer { account { person { id } } } }`, {}, { token: pu });
    const now = t.clock.now().getTime();
    const issued = await t.gql(
      `mutation($i: IssueVolunteerCertificateInput!) { issueVolunteerCertificate(input: $i) {
        __typename ... on IssueVolunteerCertificatePayload { certificate { serial } } } }`,
      {
        i: {
          personId: me.data.viewer.account.person.id,
          // 小蒲's year of service is in 2024, the demo data's year (README: Demo data)
          from: '2024-01-01T00:00:00+08:00',
          to: new Date(now).toISOString(),
        },
      },
      { token: pu },
    );
    serial = issued.data.issueVolunteerCertificate.certificate.serial;
    const r = await t.gql(VERIFY, { s: serial });
    expect(r.data.verifyVolunteerCertificate).toMatchObject({ valid: true, serial, maskedName: '蒲*' });
    expect((await t.gql(VERIFY, { s: 'ZYZM-2026-0000000000' })).data.verifyVolunteerCertificate).toBeNull();
  });

  it('a township switched off disappears from the wall, and its certificates no longer verify', async () => {
    const admin = await t.login('zhou-admin');
    const township = await t.db.prisma.region.findFirstOrThrow({ where: { code: '652301004' } });
    const inside = await t.db.prisma.wish.count({
      where: { status: 'PUBLISHED', regionPath: { startsWith: township.path } },
    });
    expect(inside).toBeGreaterThan(0);
    const off = await t.gql(
      `mutation($r: ID!) { setModuleEnabled(input: { regionId: $r, moduleId: "wishes", enabled: false, note: "test" }) {
        __typename ... on Error { code message } } }`,
      { r: await regionId(t, '652301004') },
      { token: admin },
    );
    expect(off.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
    await t.gql(
      `mutation($r: ID!) { setModuleEnabled(input: {
        regionId: $r, moduleId: "volunteering", enabled: false, note: "test" }) { __typename } }`,
      { r: await regionId(t, '652301004') },
      { token: admin },
    );
    const published = await t.db.prisma.wish.count({ where: { status: 'PUBLISHED' } });
    const r = await t.gql(WALL);
    expect(r.data.wishWall.totalCount).toBe(published - inside);
    for (const { node } of r.data.wishWall.edges) expect(node.community.code.startsWith('652301004')).toBe(false);
    const v = await t.gql(VERIFY, { s: serial });
    expect(v.data?.verifyVolunteerCertificate ?? null).toBeNull();
    expect(v.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
  });
});
