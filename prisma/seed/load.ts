// Loads the 昌吉州 demo hierarchy, organisations, people and one account per role, then every
// installed module's demo data. Runs only against an empty database (no regions yet).
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { hashPassword } from '../../src/auth/password.js';
import { childPath } from '../../src/core/paths.js';
import { EventBus } from '../../src/events.js';
import type { ModuleDefinition, SeedKit } from '../../src/modules.js';
import { fillCommunities } from './communities.js';
import { accounts, organizations, people, regions as namedRegions } from './demo-data.js';

// the page's hierarchy, filled up to the prefecture's 174 communities (communities.ts)
const regions = fillCommunities(namedRegions);

export { accounts as demoAccounts } from './demo-data.js';

/** 演示基准日 (SeedKit.anchor): noon of 2024-12-20 in China, the day the newspaper page appeared */
export const DEMO_ANCHOR = new Date('2024-12-20T04:00:00Z');

export function generateDemoPassword(): string {
  return `Demo-${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}9`;
}

export async function isEmpty(prisma: PrismaClient) {
  return (await prisma.region.count()) === 0;
}

export async function seedDemo(
  prisma: PrismaClient,
  modules: readonly ModuleDefinition[],
  password: string,
  now = new Date(),
) {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(
    async (tx) => {
      const paths = new Map<string, { id: string; path: string }>();
      for (const r of regions) {
        const parent = r.parentCode ? paths.get(r.parentCode)! : null;
        const created = await tx.region.create({
          data: {
            code: r.code,
            name: r.name,
            level: r.level,
            parentId: parent?.id ?? null,
            path: childPath(parent?.path ?? null, r.code),
          },
        });
        paths.set(r.code, created);
      }
      const orgs = new Map<string, string>();
      for (const o of organizations) {
        const region = paths.get(o.regionCode)!;
        const created = await tx.organization.create({
          data: { name: o.name, kind: o.kind, regionId: region.id, regionPath: region.path },
        });
        orgs.set(o.name, created.id);
      }
      const persons = new Map<string, string>();
      for (const p of people) {
        const home = paths.get(p.homeCommunityCode)!;
        const created = await tx.person.create({
          data: {
            name: p.name,
            gender: p.gender,
            ethnicity: p.ethnicity,
            birthDate: new Date(`${p.birthDate}T00:00:00Z`),
            phone: p.phone,
            idNumber: p.idNumber,
            address: p.address,
            tags: p.tags,
            homeCommunityId: home.id,
            homePath: home.path,
            partyMember: p.partyMember,
            partyJoinedAt: p.partyJoinedAt ? new Date(`${p.partyJoinedAt}T00:00:00Z`) : null,
            workOrganizationId: p.workOrganizationName ? orgs.get(p.workOrganizationName)! : null,
            registeredCommunityId: p.registeredCommunityCode ? paths.get(p.registeredCommunityCode)!.id : null,
            // 到社区报到 in March of the story's year (2024), like the wishes' members
            registeredAt: p.registeredCommunityCode ? new Date(Math.min(Date.UTC(2024, 2, 1, 1), now.getTime())) : null,
          },
        });
        persons.set(p.key, created.id);
      }
      for (const a of accounts) {
        const region = paths.get(a.regionCode)!;
        await tx.account.create({
          data: {
            username: a.username,
            passwordHash,
            role: a.role,
            regionId: region.id,
            regionPath: region.path,
            organizationId: a.organizationName ? orgs.get(a.organizationName)! : null,
            personId: a.personKey ? persons.get(a.personKey)! : null,
          },
        });
      }
      // every installed module on for the whole prefecture; townships may switch off for themselves
      const root = regions.find((r) => r.level === 'PREFECTURE')!;
      for (const m of modules) {
        await tx.moduleSwitch.create({
          data: {
            regionId: paths.get(root.code)!.id,
            regionPath: paths.get(root.code)!.path,
            moduleId: m.id,
            enabled: true,
            note: '演示数据 demo data',
          },
        });
      }
      await tx.auditLog.create({
        data: {
          action: 'seed.demo',
          data: { regions: regions.length, people: people.length, accounts: accounts.length },
        },
      });
    },
    { timeout: 120_000, maxWait: 60_000 },
  );

  const bus = new EventBus(modules);
  const kit: SeedKit = {
    prisma,
    now,
    // the story's year, or the clock's time if it is earlier (a clock before 2024-12-20 dates nothing in the future)
    anchor: new Date(Math.min(DEMO_ANCHOR.getTime(), now.getTime())),
    region: (code) => prisma.region.findUniqueOrThrow({ where: { code } }),
    person: async (name) =>
      (await prisma.person.findFirst({ where: { name } })) ?? Promise.reject(new Error(`demo person ${name} missing`)),
    organization: async (name) =>
      (await prisma.organization.findFirst({ where: { name } })) ??
      Promise.reject(new Error(`demo organisation ${name} missing`)),
    account: (username) => prisma.account.findUniqueOrThrow({ where: { username } }),
    publish: (events) => publishAll(prisma, bus, events),
  };
  for (const m of modules) await m.seed?.(kit);
}

/** demo events through the subscribers, a few hundred per transaction (the outbox rows are marked delivered) */
async function publishAll(prisma: PrismaClient, bus: EventBus, events: Parameters<SeedKit['publish']>[0]) {
  for (let i = 0; i < events.length; i += 250) {
    await prisma.$transaction(
      async (tx) => {
        for (const { occurredAt, ...e } of events.slice(i, i + 250)) await bus.publish(tx, e, occurredAt);
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  }
}
