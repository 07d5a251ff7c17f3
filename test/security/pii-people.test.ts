// 个人信息: department staff see the people linked to cases of their organisation (incidents escalated
// to it, service orders it accepted, care facilities it operates), masked; nobody else.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
let staff: string;
let linked: Set<string>;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  staff = await t.login('manas-emergency');
  const p = t.db.prisma;
  const account = await p.account.findUniqueOrThrow({ where: { username: 'manas-emergency' } });
  const org = account.organizationId!;
  // the demo incidents escalated to 应急管理局 name no resident: make one of them concern a villager
  const escalated = await p.incident.findFirstOrThrow({ where: { departments: { some: { organizationId: org } } } });
  const villager = await p.person.findFirstOrThrow({ where: { homePath: escalated.regionPath, phone: { not: null } } });
  await p.incident.update({ where: { id: escalated.id }, data: { residentId: villager.id } });
  const incidents = await p.incident.findMany({
    where: { departments: { some: { organizationId: org } }, regionPath: { startsWith: account.regionPath } },
    include: { household: { include: { members: true } } },
  });
  const orders = await p.volunteerServiceOrder.findMany({ where: { assigneeOrganizationId: org } });
  const enrolled = await p.careEnrollment.findMany({ where: { status: 'ACTIVE', facility: { operatorId: org } } });
  const ids = [
    ...incidents.flatMap((i) => [
      i.residentId,
      i.household?.headId,
      ...(i.household?.members.map((m) => m.personId) ?? []),
    ]),
    ...orders.flatMap((o) => o.assignedPersonIds),
    ...enrolled.map((e) => e.personId),
  ].filter((x): x is string => !!x);
  const inScope = await p.person.findMany({ where: { id: { in: ids }, homePath: { startsWith: account.regionPath } } });
  linked = new Set(inScope.map((x) => x.id));
}, 120_000);
afterAll(() => t.close());

const PEOPLE = `query($first: Int, $after: String) { people(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name phone idNumber address birthDate ethnicity tags piiMasked } } } }`;

describe('department staff and the people of their cases', () => {
  it('lists exactly the linked people, with names and contact details masked and no sensitive fact', async () => {
    expect(linked.size).toBeGreaterThan(0);
    const r = await t.gql(PEOPLE, { first: 100 }, { token: staff });
    expect(r.errors).toBeUndefined();
    const rows = r.data.people.edges.map((e: any) => e.node);
    expect(r.data.people.totalCount).toBe(linked.size);
    const raw = await t.db.prisma.person.findMany({ where: { id: { in: [...linked] } } });
    for (const node of rows) {
      const id = Buffer.from(node.id, 'base64').toString().split(':')[1]!;
      expect(linked.has(id)).toBe(true);
      const p = raw.find((x) => x.id === id)!;
      expect(node).toMatchObject({ piiMasked: true, birthDate: null, ethnicity: null, tags: null });
      expect(node.name).not.toBe(p.name);
      expect(node.name[0]).toBe(p.name[0]);
      if (p.phone) expect(node.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      if (p.idNumber) expect(node.idNumber).not.toBe(p.idNumber);
    }
  });

  it('person(id) and node(id) find a linked person and nobody else', async () => {
    const q = `query($id: ID!) { person(id: $id) { id } node(id: $id) { id } }`;
    const one = encodeGlobalID('Person', [...linked][0]!);
    expect((await t.gql(q, { id: one }, { token: staff })).data).toEqual({ person: { id: one }, node: { id: one } });
    const account = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'manas-emergency' } });
    const other = await t.db.prisma.person.findFirstOrThrow({
      where: { id: { notIn: [...linked] }, homePath: { startsWith: account.regionPath } },
    });
    const id = encodeGlobalID('Person', other.id);
    expect((await t.gql(q, { id }, { token: staff })).data).toEqual({ person: null, node: null });
    // the same person is visible, masked, to an analyst of the area
    const analyst = await t.login('analyst');
    expect((await t.gql(q, { id }, { token: analyst })).data.person).toEqual({ id });
  });
});
