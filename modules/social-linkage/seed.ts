// Demo data: the three-level social-work network for every county and township (and a room in every
// community), 5–10 social organisations in every community, 晶彩城社区's three lists with matches, four social
// workers from the core demo people and three purchased projects. Figures are illustrative (seed-data.ts).
// Runs once on a fresh database (skipped when organisations exist); createMany with ids made here.
import { randomUUID } from 'node:crypto';
import type { Prisma, Region, SeedKit } from '../../src/kit/index.js';
import { periodStartOf } from './model.js';
import { JINGCAICHENG_NEEDS, ORG_TEMPLATES, orgCountOf } from './seed-data.js';

const DAY = 86_400_000;
const LEVEL = { COUNTY: 'COUNTY_CENTRE', TOWNSHIP: 'TOWNSHIP_STATION', COMMUNITY: 'COMMUNITY_ROOM' } as const;
const STATION_NAME = { COUNTY: '社会工作服务中心', TOWNSHIP: '社会工作服务站', COMMUNITY: '社会工作室' } as const;

function stationRows(regions: Region[]) {
  const byRegion = new Map<string, string>();
  const rows: Prisma.SocialWorkStationCreateManyInput[] = [];
  for (const r of [...regions].sort((a, b) => a.path.length - b.path.length)) {
    if (r.level === 'PREFECTURE') continue;
    const id = randomUUID();
    byRegion.set(r.id, id);
    rows.push({
      id,
      name: `${r.name}${STATION_NAME[r.level]}`,
      level: LEVEL[r.level],
      regionId: r.id,
      regionPath: r.path,
      parentId: r.parentId ? (byRegion.get(r.parentId) ?? null) : null,
    });
  }
  return { rows, byRegion };
}

function orgRows(communities: Region[], now: Date, contacts: Map<string, string>) {
  return communities.flatMap((c) =>
    ORG_TEMPLATES.slice(0, orgCountOf(c.code)).map((t, i): Prisma.SocialOrganizationCreateManyInput => {
      const filing = !t.registered && i === 8; // the ninth, where there is one, still waits for its filing
      return {
        id: randomUUID(),
        name: `${c.name}${t.suffix}`,
        kind: t.kind,
        standing: t.registered ? 'REGISTERED' : 'FILED',
        status: filing ? 'FILING' : 'ACTIVE',
        registrationNumber: t.registered
          ? `52${c.code.slice(0, 6)}MJ${c.code.slice(-3)}${String(i).padStart(2, '0')}`
          : null,
        filedWithId: t.registered ? null : i % 2 ? c.parentId : c.id,
        serviceAreas: t.areas,
        communityId: c.id,
        regionPath: c.path,
        contactPersonId: i === 0 ? (contacts.get(c.code) ?? null) : null,
        filedAt: t.registered ? null : new Date(now.getTime() - (200 + i * 30) * DAY),
        registeredAt: t.registered ? new Date(now.getTime() - (400 + i * 20) * DAY) : null,
        activatedAt: filing ? null : new Date(now.getTime() - 180 * DAY),
      };
    }),
  );
}

export async function seedSocialLinkage(kit: SeedKit) {
  const { prisma, now } = kit;
  if ((await prisma.socialOrganization.count()) > 0) return;
  const regions = await prisma.region.findMany({ orderBy: { path: 'asc' } });
  const communities = regions.filter((r) => r.level === 'COMMUNITY');
  const [he, wu, li, sun, ma] = await Promise.all(
    ['何福琴', '吴晓芳', '李静', '孙丽', '马玉兰'].map((n) => kit.person(n)),
  );
  const [jingcaicheng, yuanlin, tianlong, jianguolu, beiwucha, weijiachang] = await Promise.all(
    ['652301004001', '652301006001', '652302100001', '652301004', '652324104', '652324104200'].map((c) =>
      kit.region(c),
    ),
  );
  const contacts = new Map([
    [jingcaicheng.code, he.id],
    [yuanlin.code, wu.id],
  ]);
  const stations = stationRows(regions);
  const orgs = orgRows(communities, now, contacts);
  await prisma.socialWorkStation.createMany({ data: stations.rows });
  await prisma.socialOrganization.createMany({ data: orgs });

  const worker = (personId: string, q: 'ASSISTANT' | 'SOCIAL_WORKER' | 'SENIOR', r: Region) => {
    const stationId = stations.byRegion.get(r.id)!;
    return {
      personId,
      qualification: q,
      stationId,
      employerStationId: stationId,
      regionPath: r.path,
      registeredAt: now,
    };
  };
  await prisma.socialWorker.createMany({
    data: [
      worker(li.id, 'ASSISTANT', jingcaicheng),
      worker(wu.id, 'SOCIAL_WORKER', yuanlin),
      worker(sun.id, 'ASSISTANT', tianlong),
      worker(ma.id, 'SENIOR', beiwucha),
    ],
  });
  await seedLists(kit, orgs, { jingcaicheng, jianguolu, yuanlin, beiwucha, weijiachang });
}

async function seedLists(
  kit: SeedKit,
  orgs: Prisma.SocialOrganizationCreateManyInput[],
  at: Record<'jingcaicheng' | 'jianguolu' | 'yuanlin' | 'beiwucha' | 'weijiachang', Region>,
) {
  const { prisma, now } = kit;
  const orgOf = (c: Region, suffix: string) => orgs.find((o) => o.communityId === c.id && o.name.endsWith(suffix))!;
  const [hospital, socialWork] = await Promise.all(
    ['昌吉州人民医院', '昌吉州党委社会工作部'].map((n) => kit.organization(n)),
  );
  const meals = orgOf(at.jingcaicheng, '爱心助餐服务社');
  const youth = orgOf(at.jingcaicheng, '青少年成长驿站');
  const resource = (
    r: Region,
    title: string,
    category: Prisma.ServiceResourceCreateManyInput['category'],
    capacity: number,
    provider: { org?: typeof meals; unit?: string; name?: string; kind?: 'CHARITY' | 'VOLUNTEER_TEAM' },
  ): Prisma.ServiceResourceCreateManyInput => ({
    id: randomUUID(),
    title,
    providerKind: provider.org ? 'SOCIAL_ORGANIZATION' : provider.unit ? 'UNIT' : (provider.kind ?? 'CHARITY'),
    providerName: provider.org?.name ?? provider.name ?? '昌吉州人民医院',
    socialOrganizationId: provider.org?.id ?? null,
    organizationId: provider.unit ?? null,
    category,
    capacity,
    used: 0,
    period: 'MONTH',
    periodStart: periodStartOf('MONTH', now),
    reach: r.level === 'COMMUNITY' ? 'COMMUNITY' : 'TOWNSHIP',
    regionId: r.id,
    regionPath: r.path,
    timeWindows: ['周一至周五 11:30–13:00'],
    availableFrom: new Date(now.getTime() - 90 * DAY),
    cost: category === 'MEALS_AND_MOBILITY' ? 'SUBSIDISED' : 'FREE',
    offeredAt: new Date(now.getTime() - 90 * DAY),
  });
  const resources = [
    resource(at.jingcaicheng, '长者助餐 午餐配送', 'MEALS_AND_MOBILITY', 20, { org: meals }),
    resource(at.jingcaicheng, '四点半课堂与儿童游憩', 'CHILDREN_PLAY', 30, { org: youth }),
    resource(at.jianguolu, '家庭医生签约上门随访', 'FAMILY_DOCTOR', 15, { unit: hospital.id }),
    resource(at.jianguolu, '爱心企业家政服务包', 'HOUSEKEEPING', 10, { name: '建国路街道慈善工作站', kind: 'CHARITY' }),
    resource(at.yuanlin, '老年健身指导', 'FITNESS', 25, { name: '园林社区党员志愿服务队', kind: 'VOLUNTEER_TEAM' }),
  ];
  const needs: Prisma.CommunityNeedCreateManyInput[] = [];
  const engagements: Prisma.ServiceEngagementCreateManyInput[] = [];
  for (const n of JINGCAICHENG_NEEDS) {
    // needs already matched are the story's (before kit.anchor, 2024); open ones are current, to match now
    const recordedAt = new Date((n.outcome === 'OPEN' ? now : kit.anchor).getTime() - n.daysAgo * DAY);
    const matchedAt = n.matchedAfterDays == null ? null : new Date(recordedAt.getTime() + n.matchedAfterDays * DAY);
    const id = randomUUID();
    needs.push({
      id,
      communityId: at.jingcaicheng.id,
      regionPath: at.jingcaicheng.path,
      category: n.category,
      description: n.description,
      peopleCount: n.people,
      urgency: n.urgency,
      source: n.source,
      status: n.outcome,
      recordedAt,
      matchedAt,
      metAt: n.outcome === 'MET' ? new Date(matchedAt!.getTime() + 3 * DAY) : null,
    });
    const res = matchedAt && resources.find((r) => r.category === n.category);
    if (!res) continue;
    res.used = (res.used ?? 0) + 1;
    engagements.push({
      needId: id,
      resourceId: res.id!,
      regionPath: at.jingcaicheng.path,
      status: n.outcome === 'MET' ? 'DELIVERED' : 'MATCHED',
      matchedAt: matchedAt!,
      deliveredAt: n.outcome === 'MET' ? new Date(matchedAt!.getTime() + 3 * DAY) : null,
    });
  }
  await prisma.serviceResource.createMany({ data: resources });
  await prisma.communityNeed.createMany({ data: needs });
  await prisma.serviceEngagement.createMany({ data: engagements });

  const project = (
    name: string,
    r: Region,
    provider: typeof meals,
    budgetYuan: number,
    status: 'CONTRACTED' | 'IN_PROGRESS' | 'EVALUATED',
    startsOn: string,
    score: number | null,
  ): Prisma.LivelihoodProjectCreateManyInput => ({
    name,
    purchaserId: socialWork.id,
    providerId: provider.id!,
    regionId: r.id,
    regionPath: r.path,
    budgetYuan,
    startsOn: new Date(`${startsOn}T00:00:00Z`),
    endsOn: new Date(`${Number(startsOn.slice(0, 4)) + 1}${startsOn.slice(4)}T00:00:00Z`),
    deliverables: ['入户走访与需求评估', '个案与小组服务', '社区志愿者培训'],
    kpis: [
      { name: '服务人次', target: '≥1200' },
      { name: '居民满意度', target: '≥90%' },
    ],
    milestones: [
      { title: '需求调研', dueOn: startsOn, progress: 100 },
      { title: '服务实施', dueOn: startsOn, progress: status === 'CONTRACTED' ? 0 : status === 'EVALUATED' ? 100 : 60 },
    ],
    status,
    evaluationScore: score,
  });
  await prisma.livelihoodProject.createMany({
    data: [
      project('建国路街道社会工作服务站购买服务项目', at.jianguolu, meals, 300_000, 'EVALUATED', '2024-01-01', 92),
      project(
        '北五岔镇乡镇社工站“五社联动”项目',
        at.beiwucha,
        orgOf(at.weijiachang, '睦邻互助会'),
        250_000,
        'IN_PROGRESS',
        '2026-03-01',
        null,
      ),
      project(
        '园林社区长者助餐与健康服务项目',
        at.yuanlin,
        orgOf(at.yuanlin, '爱心助餐服务社'),
        80_000,
        'CONTRACTED',
        '2026-10-01',
        null,
      ),
    ],
  });
}
