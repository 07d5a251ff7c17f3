// Demo data for 北五岔镇 (玛纳斯县, 652324104), after the 昌吉日报 page: 32 full-time and 9 part-time
// grid workers, 179 households covered, 72 safety-hazard inspections, points earned through 普法, a
// points store, and incidents in every status. Everything else (names, addresses, dates) is invented.
import { randomUUID } from 'node:crypto';
import type { SeedKit } from '../../src/kit/index.js';
import { DEFAULT_POLICIES, policyScopeKey } from './policy.js';

const VILLAGES = [
  { code: '652324104200', grids: 3, households: [25, 22, 20] }, // 魏家场村
  { code: '652324104201', grids: 1, households: [16] }, // 油坊庄村
  { code: '652324104202', grids: 1, households: [15] }, // 田家井村
  { code: '652324104203', grids: 1, households: [14] }, // 朱家团庄村
  { code: '652324104204', grids: 1, households: [15] }, // 大庙村
  { code: '652324104205', grids: 1, households: [13] }, // 黑沙窝村
  { code: '652324104206', grids: 1, households: [13] }, // 沙窝道村
  { code: '652324104207', grids: 1, households: [12] }, // 红柳坑村
  { code: '652324104208', grids: 1, households: [14] }, // 北五岔村
]; // 11 grids, 179 households

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '建华',
  '秀英',
  '志强',
  '桂兰',
  '海燕',
  '军',
  '丽',
  '勇',
  '红梅',
  '玉珍',
  '国庆',
  '春花',
  '永刚',
  '淑珍',
  '新民',
  '凤英',
  '卫东',
  '金兰',
  '振江',
  '晓燕',
  '德明',
  '雪梅',
  '长青',
  '翠花',
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedGrid(kit: SeedKit) {
  const p = kit.prisma;
  const now = kit.now;
  const prefecture = await kit.region('652300');
  const township = await kit.region('652324104');

  // 时限规则: the 12345 defaults, stored as data at prefecture level (admins may override per township)
  await p.incidentDeadlinePolicy.createMany({
    data: DEFAULT_POLICIES.map((d) => ({
      regionId: prefecture.id,
      regionPath: prefecture.path,
      scopeKey: policyScopeKey(prefecture.id, d.category, d.priority),
      category: d.category,
      priority: d.priority,
      ...d.hours,
    })),
  });

  const villages = await p.region.findMany({ where: { code: { in: VILLAGES.map((v) => v.code) } } });
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const grids: { id: string; communityId: string; regionPath: string; households: number; name: string }[] = [];
  for (const v of VILLAGES) {
    const village = byCode.get(v.code)!;
    for (let i = 0; i < v.grids; i++) {
      grids.push({
        id: randomUUID(),
        communityId: village.id,
        regionPath: village.path,
        households: v.households[i]!,
        name: `${village.name}第${i + 1}网格`,
      });
    }
  }
  await p.grid.createMany({
    data: grids.map((g, i) => ({
      id: g.id,
      communityId: g.communityId,
      regionPath: g.regionPath,
      code: `G${String(i + 1).padStart(2, '0')}`,
      name: g.name,
      kind: 'RURAL' as const,
    })),
  });

  // 户: 179 households; a few headed by demo residents of 魏家场村
  const heads = await Promise.all(['魏长山', '陈玉梅'].map((n) => kit.person(n)));
  const households: {
    id: string;
    gridId: string;
    communityId: string;
    regionPath: string;
    address: string;
    headId: string | null;
  }[] = [];
  for (const g of grids) {
    const village = villages.find((v) => v.id === g.communityId)!;
    for (let h = 0; h < g.households; h++) {
      households.push({
        id: randomUUID(),
        gridId: g.id,
        communityId: g.communityId,
        regionPath: g.regionPath,
        address: `玛纳斯县北五岔镇${village.name}${(h % 6) + 1}组${h + 1}号`,
        headId: null,
      });
    }
  }
  households[0]!.headId = heads[0]!.id;
  households[1]!.headId = heads[1]!.id;
  await p.household.createMany({ data: households });
  await p.householdMember.createMany({
    data: heads.map((h, i) => ({
      householdId: households[i]!.id,
      personId: h.id,
      relation: '户主',
      regionPath: households[i]!.regionPath,
    })),
  });

  // 网格员: 赵刚 (weijiachang-grid) plus 31 more full-time and 9 part-time workers, created here
  const zhaoGang = await kit.person('赵刚');
  const workers: {
    id: string;
    name: string;
    gender: 'MALE' | 'FEMALE';
    homeCommunityId: string;
    homePath: string;
    ethnicity: string;
  }[] = [];
  for (let i = 0; i < 40; i++) {
    const g = grids[i % grids.length]!;
    workers.push({
      id: randomUUID(),
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
      gender: i % 2 ? 'FEMALE' : 'MALE',
      homeCommunityId: g.communityId,
      homePath: g.regionPath,
      ethnicity: i % 9 === 4 ? '回族' : i % 9 === 7 ? '哈萨克族' : '汉族',
    });
  }
  await p.person.createMany({ data: workers });
  const start = new Date(Date.UTC(2024, 0, 1));
  const fullTime = [zhaoGang.id, ...workers.slice(0, 31).map((w) => w.id)];
  const partTime = workers.slice(31).map((w) => w.id);
  const gridOfWorker = (i: number, id: string) => (id === zhaoGang.id ? grids[0]! : grids[i % grids.length]!);
  const instructor = await kit.person('黄新龙'); // 北五岔镇党委: 网格指导员
  await p.gridStaff.createMany({
    data: [
      ...fullTime.map((id, i) => ({ personId: id, role: 'FULL_TIME' as const, g: gridOfWorker(i, id) })),
      ...partTime.map((id, i) => ({ personId: id, role: 'PART_TIME' as const, g: grids[(i * 3) % grids.length]! })),
      ...grids.map((g, i) => ({ personId: i === 0 ? zhaoGang.id : fullTime[i]!, role: 'LEADER' as const, g })),
      ...grids.map((g) => ({ personId: instructor.id, role: 'INSTRUCTOR' as const, g })),
    ].map(({ personId, role, g }) => ({
      gridId: g.id,
      communityId: g.communityId,
      regionPath: g.regionPath,
      personId,
      role,
      startDate: start,
    })),
  });
  // an earlier assignment that ended: history is kept, it does not count now
  await p.gridStaff.create({
    data: {
      gridId: grids[1]!.id,
      communityId: grids[1]!.communityId,
      regionPath: grids[1]!.regionPath,
      personId: workers[35]!.id,
      role: 'FULL_TIME',
      startDate: new Date(Date.UTC(2022, 0, 1)),
      endDate: start,
    },
  });

  // 巡查: 72 hazard inspections by the volunteer inspection team, and 40 household visits
  const zhaoAccount = await kit.account('weijiachang-grid');
  await p.patrol.createMany({
    data: [
      ...Array.from({ length: 72 }, (_, i) => {
        const g = grids[i % grids.length]!;
        return {
          gridId: g.id,
          communityId: g.communityId,
          regionPath: g.regionPath,
          kind: 'HAZARD_INSPECTION' as const,
          place: ['液化气罐', '电动车充电', '取暖炉烟道', '农机具停放', '灌溉渠护栏', '村道路灯'][i % 6]!,
          visitedAt: new Date(now.getTime() - (i + 1) * 2 * DAY),
          findings: i % 9 === 0 ? '发现隐患，已现场整改' : '未发现隐患',
          hazardFound: i % 9 === 0,
          workerPersonId: fullTime[i % fullTime.length]!,
        };
      }),
      ...Array.from({ length: 40 }, (_, i) => {
        const h = households[(i * 4) % households.length]!;
        return {
          gridId: h.gridId,
          communityId: h.communityId,
          regionPath: h.regionPath,
          kind: 'VISIT' as const,
          householdId: h.id,
          visitedAt: new Date(now.getTime() - (i + 1) * 3 * DAY),
          findings: '入户走访，了解生产生活情况',
          workerPersonId: i % 5 === 0 ? zhaoGang.id : fullTime[i % fullTime.length]!,
          workerAccountId: i % 5 === 0 ? zhaoAccount.id : null,
        };
      }),
    ],
  });

  await seedPoints(kit, township, [heads[0]!.id, heads[1]!.id, ...workers.slice(0, 3).map((w) => w.id)]);
  await seedIncidents(kit, grids[0]!, grids[1]!, zhaoGang.id, zhaoAccount.id, heads[1]!.id);
}

async function seedPoints(kit: SeedKit, township: { id: string; path: string }, people: string[]) {
  const p = kit.prisma;
  const rule = (code: string, name: string, points: number, cap: number | null, period: 'MONTH' | null) => ({
    id: randomUUID(),
    townshipId: township.id,
    regionPath: township.path,
    code,
    name,
    points,
    capPerPeriod: cap,
    period,
  });
  const rules = [
    rule('LAW_STUDY', '普法学习 law study', 5, 20, 'MONTH'),
    rule('INCIDENT_REPORT', '上报事件经核实 verified incident report', 10, null, null),
    rule('PATROL', '参与巡查 patrol', 2, 30, 'MONTH'),
    rule('VOLUNTEERING', '志愿服务 (每小时) volunteering per verified hour', 2, 40, 'MONTH'),
  ];
  await p.pointsRule.createMany({ data: rules });
  const items = [
    { name: '洗衣液', price: 30, stock: 40 },
    { name: '毛巾', price: 15, stock: 60 },
    { name: '食用油 5L', price: 80, stock: 20 },
    { name: '大米 10kg', price: 120, stock: 10 },
  ].map((i) => ({ id: randomUUID(), townshipId: township.id, regionPath: township.path, ...i }));
  await p.pointsStoreItem.createMany({ data: items });
  // 普法 points for a few villagers, one redemption; balance = sum of entries
  const homes = await p.person.findMany({ where: { id: { in: people } }, select: { id: true, homePath: true } });
  for (const [k, person] of homes.entries()) {
    const accountId = randomUUID();
    const regionPath = person.homePath.startsWith(township.path) ? person.homePath : township.path;
    const earned = 3 + (k % 3);
    const entries = Array.from({ length: earned }, (_, i) => ({
      accountId,
      regionPath,
      kind: 'EARN' as const,
      points: 5,
      balanceAfter: 5 * (i + 1),
      ruleId: rules[0]!.id,
      idempotencyKey: `seed:law:${k}:${i}`,
      note: '普法学习',
      createdAt: new Date(kit.now.getTime() - (40 - i) * DAY),
    }));
    let balance = 5 * earned;
    if (k === 0) {
      balance -= items[1]!.price;
      entries.push({
        accountId,
        regionPath,
        kind: 'REDEEM' as never,
        points: -items[1]!.price,
        balanceAfter: balance,
        ruleId: null as never,
        idempotencyKey: `seed:redeem:${k}`,
        note: '积分超市兑换',
        createdAt: new Date(kit.now.getTime() - 2 * DAY),
      });
    }
    await p.pointsAccount.create({
      data: { id: accountId, personId: person.id, townshipId: township.id, regionPath, balance },
    });
    await p.pointsEntry.createMany({
      data: entries.map((e) => (e.kind === ('REDEEM' as never) ? { ...e, itemId: items[1]!.id, quantity: 1 } : e)),
    });
    if (k === 0) await p.pointsStoreItem.update({ where: { id: items[1]!.id }, data: { stock: { decrement: 1 } } });
  }
}

type Step = [
  status: string,
  hoursAfterReport: number,
  actor: 'grid' | 'worker' | 'admin' | 'dept' | 'system',
  note?: string,
];

async function seedIncidents(
  kit: SeedKit,
  g1: { id: string; communityId: string; regionPath: string },
  g2: typeof g1,
  reporterPersonId: string,
  reporterAccountId: string,
  residentId: string,
) {
  const p = kit.prisma;
  const [worker, admin, dept] = await Promise.all([
    kit.account('weijiachang-worker'),
    kit.account('beiwucha-admin'),
    kit.account('manas-emergency'),
  ]);
  const emergency = await kit.organization('玛纳斯县应急管理局');
  const housing = await kit.organization('玛纳斯县住建局');
  const actors = { grid: reporterAccountId, worker: worker.id, admin: admin.id, dept: dept.id, system: null };
  const roles = {
    grid: 'COMMUNITY_WORKER',
    worker: 'COMMUNITY_WORKER',
    admin: 'REGION_ADMIN',
    dept: 'DEPARTMENT_STAFF',
    system: 'SYSTEM',
  };
  const H = HOUR;
  const specs: {
    title: string;
    category: string;
    priority: string;
    ageH: number;
    steps: Step[];
    grid: typeof g1;
    extra?: Record<string, unknown>;
  }[] = [
    { title: '村道路灯损坏', category: 'INFRASTRUCTURE', priority: 'NORMAL', ageH: 1, steps: [], grid: g1 },
    { title: '液化气罐存放在厨房灶台旁', category: 'SAFETY_HAZARD', priority: 'URGENT', ageH: 5, steps: [], grid: g2 },
    {
      title: '邻里宅基地边界纠纷',
      category: 'DISPUTE',
      priority: 'NORMAL',
      ageH: 30,
      steps: [['ACCEPTED', 1, 'worker']],
      grid: g1,
      extra: { complex: true },
    },
    {
      title: '垃圾清运点满溢',
      category: 'ENVIRONMENT',
      priority: 'NORMAL',
      ageH: 10,
      steps: [['ACCEPTED', 1.5, 'worker']],
      grid: g2,
    },
    {
      title: '灌溉渠护栏缺失',
      category: 'SAFETY_HAZARD',
      priority: 'NORMAL',
      ageH: 50,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 20, 'admin', '吹哨: 玛纳斯县应急管理局'],
      ],
      grid: g1,
      extra: { depts: [emergency.id] },
    },
    {
      title: '危房屋顶开裂',
      category: 'INFRASTRUCTURE',
      priority: 'NORMAL',
      ageH: 26,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 24, 'admin', '吹哨: 玛纳斯县住建局'],
      ],
      grid: g2,
      extra: { depts: [housing.id] },
    },
    {
      title: '农机具占道停放',
      category: 'PUBLIC_ORDER',
      priority: 'NORMAL',
      ageH: 80,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 5, 'admin'],
        ['IN_PROGRESS', 6, 'dept'],
      ],
      grid: g1,
      extra: { depts: [emergency.id], lead: emergency.id },
    },
    {
      title: '取暖炉烟道未安装',
      category: 'SAFETY_HAZARD',
      priority: 'URGENT',
      ageH: 3,
      steps: [
        ['ACCEPTED', 0.5, 'worker'],
        ['ESCALATED', 0.8, 'admin'],
        ['IN_PROGRESS', 1.2, 'dept'],
      ],
      grid: g2,
      extra: { depts: [emergency.id], lead: emergency.id },
    },
    {
      title: '电动车楼道充电',
      category: 'SAFETY_HAZARD',
      priority: 'NORMAL',
      ageH: 100,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 8, 'admin'],
        ['IN_PROGRESS', 9, 'dept'],
        ['RESOLVED', 60, 'dept', '已清理并张贴告知'],
      ],
      grid: g1,
      extra: { depts: [emergency.id], lead: emergency.id },
    },
    {
      title: '村委会旁井盖缺失',
      category: 'INFRASTRUCTURE',
      priority: 'NORMAL',
      ageH: 40,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 3, 'admin'],
        ['IN_PROGRESS', 4, 'dept'],
        ['RESOLVED', 20, 'dept'],
      ],
      grid: g2,
      extra: { depts: [housing.id], lead: housing.id },
    },
    {
      title: '独居老人取暖困难',
      category: 'LIVELIHOOD',
      priority: 'NORMAL',
      ageH: 300,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['CLOSED', 30, 'worker', '村里协调送煤到户'],
      ],
      grid: g1,
      extra: { resident: residentId, satisfaction: 'SATISFIED' },
    },
    {
      title: '废弃农膜焚烧',
      category: 'ENVIRONMENT',
      priority: 'NORMAL',
      ageH: 400,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 6, 'admin'],
        ['IN_PROGRESS', 7, 'dept'],
        ['RESOLVED', 50, 'dept'],
        ['IN_PROGRESS', 60, 'worker', '返工: 仍有焚烧痕迹'],
        ['RESOLVED', 90, 'dept'],
        ['CLOSED', 100, 'worker'],
      ],
      grid: g2,
      extra: { depts: [emergency.id], lead: emergency.id, rework: 1, satisfaction: 'BASICALLY_SATISFIED' },
    },
    {
      title: '彩钢房违规用电',
      category: 'SAFETY_HAZARD',
      priority: 'NORMAL',
      ageH: 500,
      steps: [
        ['ACCEPTED', 3, 'worker'],
        ['ESCALATED', 30, 'admin'],
        ['IN_PROGRESS', 40, 'dept'],
        ['RESOLVED', 250, 'dept'],
        ['CLOSED', 260, 'admin'],
      ],
      grid: g1,
      extra: { depts: [emergency.id], lead: emergency.id, satisfaction: 'DISSATISFIED' },
    },
    {
      title: '重复上报: 村道路灯',
      category: 'INFRASTRUCTURE',
      priority: 'NORMAL',
      ageH: 0.5,
      steps: [['REJECTED', 0.2, 'worker', '重复事件']],
      grid: g1,
    },
  ];
  for (const s of specs) {
    const id = randomUUID();
    const reportedAt = new Date(kit.now.getTime() - s.ageH * H);
    const at = (h: number) => new Date(reportedAt.getTime() + h * H);
    const acceptH = s.priority === 'URGENT' ? 2 : 2;
    const resolveH = s.priority === 'URGENT' ? 2 : s.category === 'INFRASTRUCTURE' ? 24 : s.extra?.complex ? 360 : 168;
    const last = s.steps[s.steps.length - 1];
    const status = last?.[0] ?? 'REPORTED';
    const accepted = s.steps.find((x) => x[0] === 'ACCEPTED');
    const inProgress = [...s.steps].reverse().find((x) => x[0] === 'IN_PROGRESS');
    const resolved = [...s.steps].reverse().find((x) => x[0] === 'RESOLVED');
    const closed = s.steps.find((x) => x[0] === 'CLOSED');
    const resolveStart = inProgress ?? accepted;
    const resolveDueAt = resolveStart ? at(resolveStart[1] + resolveH) : null;
    const stageStart = last ? at(last[1]) : reportedAt;
    const deadline =
      status === 'REPORTED'
        ? at(acceptH)
        : status === 'ACCEPTED' || status === 'IN_PROGRESS'
          ? resolveDueAt
          : status === 'ESCALATED'
            ? at(last![1] + 2)
            : status === 'RESOLVED'
              ? at(last![1] + 72)
              : null;
    const resolvedAt = resolved ? at(resolved[1]) : closed ? at(closed[1]) : null;
    await p.incident.create({
      data: {
        id,
        gridId: s.grid.id,
        communityId: s.grid.communityId,
        regionPath: s.grid.regionPath,
        category: s.category as never,
        priority: s.priority as never,
        status: status as never,
        title: s.title,
        description: `${s.title}（演示数据 demo data）`,
        occurredAt: reportedAt,
        attachmentUrls: [],
        reporterAccountId,
        reporterPersonId,
        residentId: (s.extra?.resident as string) ?? null,
        reportedAt,
        stageStartedAt: stageStart,
        deadline,
        acceptDeadline: at(acceptH),
        escalateAt: ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS'].includes(status) ? deadline : null,
        acceptedAt: accepted ? at(accepted[1]) : null,
        respondedAt: s.steps[0] ? at(s.steps[0][1]) : null,
        resolveDueAt,
        resolvedAt: status === 'RESOLVED' || status === 'CLOSED' ? resolvedAt : null,
        closedAt: closed ? at(closed[1]) : null,
        closedOnTime: closed ? !!resolveDueAt && resolvedAt!.getTime() <= resolveDueAt.getTime() : null,
        satisfaction: (s.extra?.satisfaction as never) ?? null,
        solved: closed ? s.extra?.satisfaction !== 'DISSATISFIED' : null,
        complex: !!s.extra?.complex,
        reworkCount: (s.extra?.rework as number) ?? 0,
        leadDepartmentId: (s.extra?.lead as string) ?? null,
      },
    });
    let from: string | null = null;
    const entries = [['REPORTED', 0, 'grid'] as Step, ...s.steps].map(([to, h, who, note]) => {
      const e = {
        incidentId: id,
        regionPath: s.grid.regionPath,
        at: at(h),
        fromStatus: from as never,
        toStatus: to as never,
        actorAccountId: who === 'dept' && s.extra?.lead !== emergency.id ? null : actors[who],
        actorRole: roles[who],
        actorOrgId: who === 'dept' ? ((s.extra?.lead as string) ?? emergency.id) : null,
        note: note ?? null,
        attachmentUrls: [],
      };
      from = to;
      return e;
    });
    for (const e of entries) await p.incidentEntry.create({ data: e }); // one by one: seq follows the steps
    const depts = (s.extra?.depts as string[]) ?? [];
    const escalated = s.steps.find((x) => x[0] === 'ESCALATED');
    if (depts.length && escalated) {
      await p.incidentDepartment.createMany({
        data: depts.map((organizationId) => ({
          incidentId: id,
          organizationId,
          regionPath: s.grid.regionPath,
          notifiedAt: at(escalated[1]),
          reportInDueAt: at(escalated[1] + 2),
          role: organizationId === s.extra?.lead ? ('LEAD' as const) : ('NOTIFIED' as const),
          reportedInAt:
            organizationId === s.extra?.lead && inProgress ? at(s.steps.find((x) => x[0] === 'IN_PROGRESS')![1]) : null,
        })),
      });
    }
  }
}
