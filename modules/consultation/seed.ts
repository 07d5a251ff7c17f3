// Demo data for 2024, the newspaper page's 北五岔镇 story: 魏家场村's 榆事好商量 under the 52-year-old elm
// (23 disputes settled, 76 urgent problems solved in 12 monthly consultations), the 民情茶舍 of 油坊庄村 and
// 田家井村 (20 disputes between them), 2 四议两公开 drills with 20 questions answered on site, and all 9
// villages of the township posting on their renewed notice boards. Idempotent: nothing if venues exist.
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { DECISION_ORDER } from './model.js';

const CODES = {
  beiwucha: '652324104',
  weijiachang: '652324104200',
  youfangzhuang: '652324104201',
  tianjiajing: '652324104202',
  damiao: '652324104204',
} as const;
const DAY = 86_400_000;
/** a time in China Standard Time (UTC+8) */
const cst = (m: number, d: number, h = 10) => new Date(Date.UTC(2024, m - 1, d, h - 8));
const CATEGORIES = ['NEIGHBOUR', 'LAND', 'FAMILY', 'PROPERTY', 'LABOUR', 'NEIGHBOUR', 'LAND', 'OTHER'] as const;
// outside parties as published mediation records name them (李某): no demo person shares such a name
const OUTSIDE = ['李某', '王某', '张某', '刘某', '陈某', '杨某', '赵某', '黄某', '周某', '吴某'];
const TOPICS = ['村道照明', '灌溉渠清淤', '冬季清雪', '垃圾清运', '农机停放', '饮水管网', '秸秆处理', '养殖污染'];

type CaseData = Prisma.MediationCaseCreateManyInput;

export async function seedConsultation(kit: SeedKit) {
  const { prisma } = kit;
  if (await prisma.consultationVenue.count()) return;
  const [wjc, yfz, tjj, damiao, township] = await Promise.all(
    [CODES.weijiachang, CODES.youfangzhuang, CODES.tianjiajing, CODES.damiao, CODES.beiwucha].map((c) => kit.region(c)),
  );
  const venues = await seedVenues(kit, wjc!, yfz!, tjj!);
  await seedTeams(kit, [
    [wjc!, '榆事好商量调解队', ['魏长山', '陈玉梅']],
    [yfz!, '民情茶舍调解队', ['杨淑芬']],
    [tjj!, '民情茶舍调解队', ['田富贵']],
  ]);
  await seedCases(kit, wjc!, venues.wjc, 23, ['魏长山', '陈玉梅']);
  await seedCases(kit, yfz!, venues.yfz, 11, ['杨淑芬']);
  await seedCases(kit, tjj!, venues.tjj, 9, ['田富贵']);
  await seedConsultations(kit, wjc!, venues.wjc);
  // the party organisations of the villages (party-building's demo data, which is seeded first)
  const orgs = await prisma.partyOrganization.findMany({ where: { regionId: { in: [wjc!.id, damiao!.id] } } });
  const orgOf = (id: string) => orgs.find((o) => o.regionId === id)!.id;
  await seedDrill(kit, wjc!, orgOf(wjc!.id), '村集体经济合作社分红方案', 12, cst(5, 16));
  await seedDrill(kit, damiao!, orgOf(damiao!.id), '村道硬化工程实施方案', 8, cst(9, 12));
  const villages = await prisma.region.findMany({ where: { parentId: township!.id, level: 'COMMUNITY' } });
  await prisma.noticeBoardItem.createMany({
    data: villages.map((v, i) => ({
      communityId: v.id,
      regionPath: v.path,
      kind: 'VILLAGE_FINANCES' as const,
      title: '2024年第三季度村务财务公开',
      body: '本季度村集体收入、支出及惠农补贴发放情况，公示期内如有异议请向村务监督委员会反映。',
      postedAt: cst(10, 8 + (i % 5)),
      expiresAt: new Date(cst(10, 8 + (i % 5)).getTime() + 15 * DAY),
    })),
  });
}

async function seedVenues(
  kit: SeedKit,
  wjc: { id: string; path: string },
  yfz: { id: string; path: string },
  tjj: { id: string; path: string },
) {
  const make = (
    r: { id: string; path: string },
    name: string,
    kind: 'OPEN_AIR' | 'TEA_HOUSE',
    description: string,
    schedule: string,
  ) =>
    kit.prisma.consultationVenue.create({
      data: { communityId: r.id, regionPath: r.path, name, kind, description, schedule },
    });
  return {
    wjc: await make(wjc, '榆事好商量', 'OPEN_AIR', '村委会旁52年树龄的老榆树下，"党建+商量"议事点', '每月5日'),
    yfz: await make(yfz, '民情茶舍', 'TEA_HOUSE', '喝茶聊民情，化解矛盾纠纷', '每周三下午'),
    tjj: await make(tjj, '民情茶舍', 'TEA_HOUSE', '喝茶聊民情，化解矛盾纠纷', '每周四下午'),
  };
}

async function seedTeams(kit: SeedKit, teams: [{ id: string; path: string }, string, string[]][]) {
  for (const [region, teamName, names] of teams) {
    for (const name of names) {
      const person = await kit.person(name);
      await kit.prisma.mediationTeamMember.create({
        data: { communityId: region.id, regionPath: region.path, teamName, personId: person.id },
      });
    }
  }
}

/** `count` disputes accepted and settled in 2024 (every third one followed up, agreement kept) */
async function seedCases(
  kit: SeedKit,
  region: { id: string; path: string },
  venue: { id: string },
  count: number,
  mediators: string[],
) {
  const mediatorIds = await Promise.all(mediators.map(async (n) => (await kit.person(n)).id));
  for (let i = 0; i < count; i++) {
    const acceptedAt = cst(1 + Math.floor((i * 12) / count), 3 + (i % 20));
    const agreedOn = new Date(acceptedAt.getTime() + (2 + (i % 5)) * DAY);
    const followed = i % 3 === 0;
    const data: CaseData = {
      communityId: region.id,
      regionPath: region.path,
      venueId: venue.id,
      category: CATEGORIES[i % CATEGORIES.length]!,
      facts: '双方因地界、用水或邻里琐事发生争执，经调解员召集双方面对面协商。',
      status: followed ? 'FOLLOWED_UP' : 'AGREED',
      version: followed ? 3 : 2,
      acceptedAt,
      mediationAt: new Date(acceptedAt.getTime() + DAY),
      agreementTerms: '双方自愿达成调解协议，按约定履行，不再就此事发生争执。',
      agreedOn,
      ...(followed
        ? {
            followedUpAt: new Date(agreedOn.getTime() + 30 * DAY),
            agreementKept: true,
            followUpNote: '回访：协议已履行',
          }
        : {}),
    };
    await kit.prisma.mediationCase.create({
      data: {
        ...data,
        parties: { create: [{ name: OUTSIDE[i % OUTSIDE.length]! }, { name: OUTSIDE[(i + 3) % OUTSIDE.length]! }] },
        mediators: { create: mediatorIds.map((personId) => ({ personId })) },
      },
    });
  }
}

/** 12 monthly consultations under the elm, 76 outcomes, every one done */
async function seedConsultations(kit: SeedKit, region: { id: string; path: string }, venue: { id: string }) {
  for (let month = 1; month <= 12; month++) {
    const heldAt = cst(month, 5, 15);
    const outcomes = month <= 4 ? 7 : 6; // 4·7 + 8·6 = 76
    await kit.prisma.consultation.create({
      data: {
        venueId: venue.id,
        communityId: region.id,
        regionPath: region.path,
        topic: `${month}月榆树下议事: ${TOPICS[month % TOPICS.length]}`,
        scheduledAt: heldAt,
        heldAt,
        agenda: ['群众反映问题', '商议解决办法', '明确责任人和时限'],
        minutes: '党支部召集，社会组织、社工、志愿者、慈善力量与相关村民共同商议，逐项明确责任与时限。',
        status: 'FOLLOWED_UP',
        version: 2,
        participants: {
          create: [
            { role: 'PARTY_MEMBER', count: 6 },
            { role: 'SOCIAL_ORGANIZATION', count: 1 },
            { role: 'SOCIAL_WORKER', count: 1 },
            { role: 'VOLUNTEER', count: 3 },
            { role: 'STAKEHOLDER', count: 8 + (month % 4) },
          ],
        },
        outcomes: {
          create: Array.from({ length: outcomes }, (_, i) => ({
            regionPath: region.path,
            description: `${TOPICS[(month + i) % TOPICS.length]}问题第${i + 1}项`,
            owner: i % 2 ? '村委会' : '网格员',
            dueOn: new Date(heldAt.getTime() + 20 * DAY),
            status: 'DONE' as const,
            doneAt: new Date(heldAt.getTime() + (3 + i) * DAY),
            version: 1,
          })),
        },
      },
    });
  }
}

/** a 情景模拟演练 of 四议两公开 carried through all six steps, with its two notices */
async function seedDrill(
  kit: SeedKit,
  region: { id: string; path: string },
  partyOrgId: string,
  title: string,
  questions: number,
  start: Date,
) {
  const at = (i: number) => new Date(start.getTime() + i * 8 * DAY);
  const meeting = [
    { meetingKind: 'TWO_COMMITTEES', members: 9, present: 9, votesFor: 9 },
    { meetingKind: 'PARTY_MEMBERS_MEETING', members: 32, present: 28, votesFor: 27 },
    { meetingKind: 'REPRESENTATIVES_MEETING', members: 36, present: 31, votesFor: 29 },
  ];
  await kit.prisma.villageDecision.create({
    data: {
      communityId: region.id,
      regionPath: region.path,
      partyOrgId,
      title,
      content: `${title}（情景模拟演练：现场演示“四议两公开”全流程并答疑）`,
      drill: true,
      questionsAnswered: questions,
      status: 'RESULT_PUBLISHED',
      version: 5,
      proposedAt: at(0),
      steps: {
        create: DECISION_ORDER.slice(1).map((toStatus, i) => ({
          toStatus,
          heldOn: at(i + 1),
          at: at(i + 1),
          ...(meeting[i] ?? {}),
        })),
      },
      notices: {
        create: (['RESOLUTION', 'IMPLEMENTATION_RESULT'] as const).map((kind, i) => ({
          communityId: region.id,
          regionPath: region.path,
          kind,
          title: `${kind === 'RESOLUTION' ? '决议公开' : '实施结果公开'}: ${title}`,
          body: kind === 'RESOLUTION' ? '经村民代表会议表决通过，现予公示。' : '已按决议实施完毕，现将结果公示。',
          postedAt: at(4 + i),
          expiresAt: new Date(at(4 + i).getTime() + 7 * DAY),
        })),
      },
    },
  });
}
