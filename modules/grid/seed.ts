// Demo data for 北五岔镇 (玛纳斯县, 652324104), after the 昌吉日报 page: 32 full-time and 9 part-time
// grid workers, 179 households covered, 72 safety-hazard inspections, points earned through 普法, a
// points store, and incidents in every status. Everything else (names, addresses, dates) is invented.
import { randomUUID } from 'node:crypto';
import type { SeedKit } from '../../src/kit/index.js';
import { DEFAULT_POLICIES, policyScopeKey } from './policy.js';
import { seedIncidents } from './seed-incidents.js';
import { seedResidentReports } from './seed-residents.js';
import { seedPoints } from './seed-points.js';

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
  // house numbers run per village, not per grid: 魏家场村's three grids share one numbering, so the 179
  // addresses are distinct (the same address twice is one household, unless split: 分户)
  const nextNumber = new Map<string, number>();
  for (const g of grids) {
    const village = villages.find((v) => v.id === g.communityId)!;
    for (let i = 0; i < g.households; i++) {
      const h = nextNumber.get(village.id) ?? 0;
      nextNumber.set(village.id, h + 1);
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
      // ended before the story's year, so 2024 counts the page's 32 full-time workers
      endDate: new Date(Date.UTC(2023, 11, 1)),
    },
  });

  // 巡查: the 72 hazard inspections of 2024 (the page's 安全生产风险隐患大排查; only here, volunteering links its
  // team's hours to them), and 40 recent household visits
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
          visitedAt: new Date(kit.anchor.getTime() - (i + 1) * 4 * DAY), // 2024: 累计排查72次
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
  await seedResidentReports(kit, grids[0]!);
}
