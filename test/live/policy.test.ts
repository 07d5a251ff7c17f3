// 权限声明 for subscriptions: a Subscription field without a policy stops the schema from building, every
// installed one declares one (published in the module manifest), and a role the policy does not admit is
// refused when subscribing (UNAUTHENTICATED / FORBIDDEN as the first SSE message), generated from the schema.
import { getNamedType, isNonNullType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { rolesOf, type FieldPolicy } from '../../src/auth/policy.js';
import { defineModule } from '../../src/modules.js';
import { SchemaRegistry } from '../../src/schema.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { SseStream } from './sse.js';

const LOGINS: Record<string, string> = {
  SYSTEM_ADMIN: 'admin',
  REGION_ADMIN: 'beiwucha-admin',
  COMMUNITY_WORKER: 'weijiachang-grid',
  DEPARTMENT_STAFF: 'manas-emergency',
  PARTY_MEMBER: 'member-pu',
  RESIDENT: 'resident-he',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
});
afterAll(() => t.close());

const subscriptionFields = () =>
  Object.values(t.app.registry.full.getSubscriptionType()!.getFields()) as GraphQLField<unknown, unknown>[];

describe('subscription policies', () => {
  it('a subscription without a declared policy stops the schema from building (fail closed)', () => {
    const unguarded = defineModule({
      id: 'unguarded',
      title: '未声明',
      description: 'a subscription without a policy',
      dependsOn: [],
      register: (b) =>
        b.subscriptionField('unguardedFeed', (f) =>
          f.boolean({ subscribe: async function* () {}, resolve: () => true } as never),
        ),
    });
    const build = () =>
      new SchemaRegistry([unguarded], { signToken: async () => ({ token: '', expiresAt: new Date() }) });
    expect(build).toThrow(/Subscription\.unguardedFeed declares no policy/);
  });

  it("the issue's subscriptions exist, each with its policy, and appear in the module manifest", async () => {
    const names = subscriptionFields().map((f) => f.name);
    for (const name of [
      'incidentUpdated',
      'incidentsChanged',
      'wishUpdated',
      'wishWallChanged',
      'serviceOrdersChanged',
      'notificationAdded',
    ]) {
      expect(names).toContain(name);
    }
    expect(subscriptionFields().filter((f) => !f.extensions.policy)).toEqual([]);
    const prefecture = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652300' } });
    const r = await t.gql(`query($r: ID!) { modules(regionId: $r) { id rootFields { name operation } } }`, {
      r: Buffer.from(`Region:${prefecture.id}`).toString('base64'),
    });
    const grid = r.data.modules.find((m: { id: string }) => m.id === 'grid');
    expect(grid.rootFields).toContainEqual({ name: 'incidentUpdated', operation: 'SUBSCRIPTION' });
  });

  it('every role a subscription does not admit is refused when subscribing', async () => {
    const tokens = Object.fromEntries(
      await Promise.all(Object.entries(LOGINS).map(async ([role, u]) => [role, await t.login(u)])),
    );
    const township = await t.db.prisma.region.findFirstOrThrow({ where: { name: '北五岔镇' } });
    const wrong: string[] = [];
    let checked = 0;
    for (const field of subscriptionFields()) {
      const policy = field.extensions.policy as FieldPolicy;
      const args = field.args.filter((a) => isNonNullType(a.type));
      const decl = args.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = 'getFields' in getNamedType(field.type) ? '{ __typename }' : '';
      const head = `subscription${decl ? `(${decl})` : ''}`;
      const query = `${head} { r: ${field.name}${call ? `(${call})` : ''} ${selection} }`;
      const variables = Object.fromEntries(args.map((a) => [a.name, Buffer.from('X:1').toString('base64')]));
      const viewers = [['anonymous', null], ...Object.entries(tokens)] as [string, string | null][];
      for (const [role, token] of viewers) {
        const admitted = policy.roles === 'ANYONE' || (token !== null && rolesOf(policy).includes(role as never));
        if (admitted) continue;
        const s = await SseStream.open(t.app, query, variables, { token, headers: { 'x-township': township.code } });
        const code = (await s.next()).data.errors?.[0]?.extensions?.code;
        await s.close();
        checked++;
        const expected = token ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        if (code !== expected) wrong.push(`${field.name} as ${role}: ${code} (expected ${expected})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(5);
  });
});
