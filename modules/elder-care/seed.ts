// Demo data. 木垒县 figures are from 昌吉日报 2024-12-20 ("党建+康养"): 7 日间照料中心, 4 助餐服务点,
// 2 残疾人社区康复服务站 with 餐厅/棋牌室/阅览室/健身室/康复室/休息室, 200 elders served, 260 needs
// collected. Facility names, the extra elders, assessments, visits and menus are ILLUSTRATIVE.
// 园林社区: 王孝梅 (empty-nest, from the core demo data) and three invented elders, enrolled and assessed,
// so the yuanlin-worker login can run the whole flow. Fast: createMany with ids made here.
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { levelForTotal } from './assessment-rules.js';
import { atLocalTime, DAY_MS, localDay, MODULE, type Category, type Tier } from './constants.js';
import { DEFAULT_PRICING, type MealPricing } from './pricing.js';

type Room = 'DINING' | 'CHESS_CARDS' | 'READING' | 'FITNESS' | 'REHABILITATION' | 'REST';
const ALL_ROOMS: Room[] = ['DINING', 'CHESS_CARDS', 'READING', 'FITNESS', 'REHABILITATION', 'REST'];
const INTERVAL: Record<Tier, number> = { HIGH_RISK: 7, KEY: 30, GENERAL: 90 };
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭'];
const GIVEN = [
  '桂兰',
  '秀英',
  '德福',
  '玉珍',
  '建华',
  '淑珍',
  '志强',
  '凤英',
  '长海',
  '兰英',
  '国庆',
  '秀兰',
  '永福',
  '金花',
  '文清',
  '春梅',
  '万山',
  '巧云',
  '有才',
  '翠萍',
];
const CATEGORY_CYCLE: Category[][] = [
  ['LIVING_ALONE'],
  ['EMPTY_NEST'],
  ['LEFT_BEHIND'],
  ['HARDSHIP', 'LOW_INCOME'],
  ['EMPTY_NEST', 'DEPENDENT'],
  ['DISABILITY'],
  [],
  ['LIVING_ALONE', 'EXTREME_POVERTY'],
  ['EMPTY_NEST', 'FAMILY_PLANNING_SPECIAL'],
  ['SEVERE_DISABILITY'],
];
const NEED_KINDS = [
  'MEALS',
  'DAY_CARE',
  'HOME_HELP',
  'MEDICAL',
  'REHABILITATION',
  'ACCESSIBILITY',
  'COMPANIONSHIP',
  'OTHER',
] as const;

export async function seedElderCare(kit: SeedKit) {
  const { prisma, now } = kit;
  const today = localDay(now);
  const [mulezhen, binhe, renmin, yuanlin] = await Promise.all(
    ['652328100', '652328100001', '652328100002', '652301006001'].map((c) => kit.region(c)),
  );
  const [minzheng, xiyang, xinyue] = await Promise.all(
    ['木垒县民政局', '木垒县夕阳红志愿服务协会', '昌吉市馨悦社会工作服务中心'].map((n) => kit.organization(n)),
  );
  const communities = [binhe!, renmin!];

  // —— facilities ——
  type F = Prisma.CareFacilityCreateManyInput & { id: string };
  const facility = (
    community: typeof binhe,
    kind: F['kind'],
    name: string,
    rooms: Room[],
    extra: Partial<F> = {},
  ): F => ({
    id: randomUUID(),
    name,
    kind,
    communityId: community!.id,
    regionPath: community!.path,
    rooms,
    openingHours: '周一至周日 08:30–19:30',
    capacity: 40,
    ...extra,
  });
  const dayCare = [
    facility(binhe, 'DAY_CARE_CENTER', '滨河社区日间照料中心', ALL_ROOMS, {
      operatorId: minzheng!.id,
      address: '木垒县木垒镇滨河社区滨河路 18 号',
    }),
    facility(binhe, 'DAY_CARE_CENTER', '滨河小区党支部日间照料站', ['DINING', 'CHESS_CARDS', 'READING', 'REST'], {
      operatorId: xiyang!.id,
    }),
    facility(binhe, 'DAY_CARE_CENTER', '滨河花园日间照料站', ['DINING', 'CHESS_CARDS', 'FITNESS', 'REST'], {
      operatorId: xiyang!.id,
    }),
    facility(binhe, 'DAY_CARE_CENTER', '东城小区日间照料站', ['CHESS_CARDS', 'READING', 'REST'], {
      operatorId: xiyang!.id,
    }),
    facility(renmin, 'DAY_CARE_CENTER', '人民路社区日间照料中心', ALL_ROOMS, {
      operatorId: minzheng!.id,
      address: '木垒县木垒镇人民路 66 号',
    }),
    facility(renmin, 'DAY_CARE_CENTER', '人民路小区党支部日间照料站', ['DINING', 'CHESS_CARDS', 'READING', 'REST'], {
      operatorId: xiyang!.id,
    }),
    facility(renmin, 'DAY_CARE_CENTER', '安居小区日间照料站', ['CHESS_CARDS', 'FITNESS', 'REST'], {
      operatorId: xiyang!.id,
    }),
  ];
  const mealPoints = [
    facility(binhe, 'MEAL_POINT', '滨河社区助餐服务点', ['DINING', 'REST'], { operatorId: xiyang!.id, capacity: 60 }),
    facility(binhe, 'MEAL_POINT', '滨河小区助餐点', ['DINING'], { operatorId: xiyang!.id }),
    facility(renmin, 'MEAL_POINT', '人民路社区助餐服务点', ['DINING', 'REST'], {
      operatorId: xiyang!.id,
      capacity: 60,
    }),
    facility(renmin, 'MEAL_POINT', '安居小区助餐点', ['DINING'], { operatorId: xiyang!.id }),
  ];
  const rehab = [
    facility(binhe, 'REHAB_STATION', '滨河社区残疾人康复服务站', ['REHABILITATION', 'FITNESS', 'REST'], {
      operatorId: minzheng!.id,
      capacity: 20,
    }),
    facility(renmin, 'REHAB_STATION', '人民路社区残疾人康复服务站', ['REHABILITATION', 'FITNESS', 'REST'], {
      operatorId: minzheng!.id,
      capacity: 20,
    }),
  ];
  const yuanlinMeal = facility(yuanlin, 'MEAL_POINT', '园林社区老年助餐点', ['DINING', 'REST'], {
    operatorId: xinyue!.id,
    capacity: 30,
    address: '昌吉市绿洲路街道园林社区园林小区 1 号楼底商',
    phone: '0994-2345678',
    mealCutoffTime: '20:00',
    mealCutoffDaysBefore: 1,
    openingHours: '每日 07:30–19:00',
  });
  const yuanlinDay = facility(yuanlin, 'DAY_CARE_CENTER', '园林社区日间照料中心', ALL_ROOMS, {
    operatorId: xinyue!.id,
    capacity: 35,
    address: '昌吉市绿洲路街道园林社区党群服务中心一楼',
  });
  await prisma.careFacility.createMany({ data: [...dayCare, ...mealPoints, ...rehab, yuanlinMeal, yuanlinDay] });

  // —— people: 198 more elders in 木垒县 and 3 in 园林社区 (illustrative) ——
  const extra: Prisma.PersonCreateManyInput[] = [];
  for (let i = 0; i < 198; i++) {
    const home = communities[i % 2]!;
    const birth = new Date(Date.UTC(1934 + (i % 31), i % 12, 1 + (i % 27)));
    extra.push({
      id: randomUUID(),
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
      gender: i % 2 ? 'MALE' : 'FEMALE',
      ethnicity: i % 5 === 0 ? '哈萨克族' : '汉族',
      birthDate: birth,
      homeCommunityId: home.id,
      homePath: home.path,
      tags: now.getUTCFullYear() - birth.getUTCFullYear() >= 80 ? ['ELDERLY'] : [],
    });
  }
  const yl = [
    {
      name: '刘桂兰',
      birth: '1941-04-09',
      gender: 'FEMALE',
      categories: ['LIVING_ALONE', 'DEPENDENT'],
      scores: [14, 6, 20, 8],
      tier: 'HIGH_RISK',
    },
    {
      name: '张德福',
      birth: '1944-12-01',
      gender: 'MALE',
      categories: ['EMPTY_NEST', 'LOW_INCOME'],
      scores: [30, 14, 26, 12],
      tier: 'KEY',
    },
    {
      name: '马秀英',
      birth: '1937-06-18',
      gender: 'FEMALE',
      categories: ['LEFT_BEHIND', 'EXTREME_POVERTY'],
      scores: [10, 4, 14, 6],
      tier: 'HIGH_RISK',
    },
  ] as const;
  const ylPeople = yl.map((p) => ({
    id: randomUUID(),
    name: p.name,
    gender: p.gender,
    ethnicity: '汉族',
    birthDate: new Date(`${p.birth}T00:00:00Z`),
    homeCommunityId: yuanlin!.id,
    homePath: yuanlin!.path,
    tags: [
      'ELDERLY',
      ...(p.categories as readonly string[]).filter((c) => c === 'LIVING_ALONE' || c === 'EMPTY_NEST'),
    ] as never[],
  }));
  await prisma.person.createMany({ data: [...extra, ...ylPeople] as Prisma.PersonCreateManyInput[] });
  const [zhou, kadir, wang] = await Promise.all(['周淑兰', '卡德尔·吐尔逊', '王孝梅'].map((n) => kit.person(n)));

  // —— recipients, enrolments, assessments, visits ——
  const recipients: Prisma.CareRecipientCreateManyInput[] = [];
  const enrollments: Prisma.CareEnrollmentCreateManyInput[] = [];
  const assessments: Prisma.CapabilityAssessmentCreateManyInput[] = [];
  const visits: Prisma.CareVisitCreateManyInput[] = [];
  const validUntil = (at: Date) =>
    new Date(Date.UTC(at.getUTCFullYear() + 1, at.getUTCMonth(), at.getUTCDate(), at.getUTCHours()));
  const add = (o: {
    personId: string;
    community: { id: string; path: string };
    categories: Category[];
    facilities: F[];
    scores?: readonly number[];
    tier?: Tier | null;
    lastVisitDaysAgo?: number | null;
    contact: [string, string, string];
    enrolledDaysAgo: number;
  }) => {
    const id = randomUUID();
    const covered = o.categories.some((c) =>
      [
        'LIVING_ALONE',
        'EMPTY_NEST',
        'LEFT_BEHIND',
        'DEPENDENT',
        'SEVERE_DISABILITY',
        'FAMILY_PLANNING_SPECIAL',
      ].includes(c),
    );
    const tier = o.tier !== undefined ? o.tier : covered ? 'GENERAL' : null;
    const enrolledAt = new Date(now.getTime() - o.enrolledDaysAgo * DAY_MS);
    const lastVisitedAt =
      tier && o.lastVisitDaysAgo != null ? new Date(now.getTime() - o.lastVisitDaysAgo * DAY_MS) : null;
    let assessment: Partial<Prisma.CareRecipientCreateManyInput> = {};
    if (o.scores) {
      const [selfCare, mobility, mental, perception] = o.scores as [number, number, number, number];
      const total = selfCare + mobility + mental + perception;
      const at = new Date(now.getTime() - ((o.enrolledDaysAgo % 200) + 5) * DAY_MS);
      const a = {
        id: randomUUID(),
        recipientId: id,
        personId: o.personId,
        communityId: o.community.id,
        regionPath: o.community.path,
        selfCareScore: selfCare,
        mobilityScore: mobility,
        mentalScore: mental,
        perceptionScore: perception,
        totalScore: total,
        level: levelForTotal(total),
        reason: 'INITIAL' as const,
        assessedAt: at,
        validUntil: validUntil(at),
        assessorName: '社区评估员',
        notes: '演示数据 demo',
      };
      assessments.push(a);
      assessment = {
        latestAssessmentId: a.id,
        currentLevel: a.level,
        assessedAt: a.assessedAt,
        assessmentValidUntil: a.validUntil,
      };
    }
    recipients.push({
      id,
      personId: o.personId,
      communityId: o.community.id,
      regionPath: o.community.path,
      categories: o.categories,
      emergencyName: o.contact[0],
      emergencyPhone: o.contact[1],
      emergencyRelation: o.contact[2],
      visitTier: tier,
      lastVisitedAt,
      nextVisitDueAt: tier
        ? new Date((lastVisitedAt ?? enrolledAt).getTime() + (lastVisitedAt ? INTERVAL[tier] * DAY_MS : 0))
        : null,
      createdAt: enrolledAt,
      ...assessment,
    });
    for (const f of o.facilities) {
      enrollments.push({
        id: randomUUID(),
        recipientId: id,
        facilityId: f.id,
        personId: o.personId,
        communityId: f.communityId,
        regionPath: f.regionPath,
        enrolledAt,
      });
    }
    if (lastVisitedAt) {
      visits.push({
        id: randomUUID(),
        recipientId: id,
        personId: o.personId,
        communityId: o.community.id,
        regionPath: o.community.path,
        visitorName: '网格员',
        visitedAt: lastVisitedAt,
        mode: 'HOME',
        riskLevel: tier === 'HIGH_RISK' ? 'HIGH' : 'LOW',
        health: '身体状况平稳',
        mentalState: '精神良好',
        gasSafe: true,
        waterSafe: true,
        electricitySafe: true,
        heatingSafe: true,
      });
    }
    return id;
  };

  const muleiElders = [zhou!.id, kadir!.id, ...extra.slice(0, 198).map((p) => p.id as string)];
  const muleiRecipients: string[] = [];
  muleiElders.forEach((personId, i) => {
    const community = i < 2 ? (i === 0 ? binhe! : renmin!) : communities[(i - 2) % 2]!;
    const own = (list: F[]) => list.filter((f) => f.communityId === community.id);
    const categories =
      i === 0
        ? (['LIVING_ALONE', 'HARDSHIP', 'LOW_INCOME'] as Category[])
        : i === 1
          ? (['EMPTY_NEST'] as Category[])
          : CATEGORY_CYCLE[i % CATEGORY_CYCLE.length]!;
    const facilities = [
      own(dayCare)[i % own(dayCare).length]!,
      ...(i % 3 === 0 ? [own(mealPoints)[i % 2]!] : []),
      ...(categories.some((c) => c.includes('DISAB')) ? [own(rehab)[0]!] : []),
    ];
    const scores = categories.includes('DEPENDENT')
      ? [10 + (i % 8), 4 + (i % 5), 16, 6]
      : i % 2 === 0
        ? [32 - (i % 17), 16 - (i % 9), 28 - (i % 13), 14 - (i % 7)]
        : undefined;
    muleiRecipients.push(
      add({
        personId,
        community,
        categories,
        facilities,
        scores,
        lastVisitDaysAgo: i % 4 === 3 ? null : (i * 3) % 40,
        contact: ['家属', `139${String(90000000 + i).padStart(8, '0')}`, '子女'],
        enrolledDaysAgo: 30 + (i % 300),
      }),
    );
  });
  add({
    personId: wang!.id,
    community: yuanlin!,
    categories: ['EMPTY_NEST'],
    facilities: [yuanlinMeal, yuanlinDay],
    scores: [28, 14, 24, 12],
    tier: 'KEY',
    lastVisitDaysAgo: 20,
    contact: ['李明', '13899461288', '儿子'],
    enrolledDaysAgo: 120,
  });
  yl.forEach((p, i) =>
    add({
      personId: ylPeople[i]!.id,
      community: yuanlin!,
      categories: [...p.categories],
      facilities: [yuanlinMeal, yuanlinDay],
      scores: p.scores,
      tier: p.tier,
      lastVisitDaysAgo: i === 0 ? 9 : 12,
      contact: ['家属', `1389946${1300 + i}`, '子女'],
      enrolledDaysAgo: 90 + i,
    }),
  );
  await prisma.careRecipient.createMany({ data: recipients });
  await prisma.careEnrollment.createMany({ data: enrollments });
  await prisma.capabilityAssessment.createMany({ data: assessments });
  await prisma.careVisit.createMany({ data: visits });

  // —— 260 needs collected in 木垒县 over the past year ——
  const needs: Prisma.ElderNeedCreateManyInput[] = [];
  for (let i = 0; i < 260; i++) {
    const r = recipients[i % muleiRecipients.length]!;
    const submittedAt = new Date(now.getTime() - (5 + ((i * 11) % 330)) * DAY_MS);
    const status = i % 13 === 0 ? 'OPEN' : i % 7 === 0 ? 'ASSIGNED' : 'DONE';
    needs.push({
      personId: r.personId,
      recipientId: r.id,
      communityId: r.communityId,
      regionPath: r.regionPath,
      kind: NEED_KINDS[i % NEED_KINDS.length]!,
      channel: (['IN_PERSON', 'PHONE', 'FAMILY', 'GRID'] as const)[i % 4],
      description: '演示需求 demo need',
      status,
      submittedAt,
      ...(status !== 'OPEN'
        ? {
            assigneeOrganizationId: xiyang!.id,
            assigneeName: '夕阳红志愿者',
            assignedAt: new Date(submittedAt.getTime() + DAY_MS),
          }
        : {}),
      ...(status === 'DONE'
        ? {
            doneAt: new Date(submittedAt.getTime() + 3 * DAY_MS),
            result: '已办结',
            feedbackSatisfaction: 4 + (i % 2),
            feedbackAt: new Date(submittedAt.getTime() + 4 * DAY_MS),
          }
        : {}),
    });
  }
  await prisma.elderNeed.createMany({ data: needs });

  // —— menus for the coming week at every meal point; yesterday's lunch served at 木垒 points ——
  const dishes = [
    ['米饭', '土豆炖牛肉', '清炒白菜'],
    ['拉条子', '过油肉', '西红柿蛋汤'],
    ['馒头', '红烧鸡块', '凉拌黄瓜'],
    ['抓饭', '胡萝卜羊肉', '酸奶'],
  ];
  const menus: Prisma.MealMenuCreateManyInput[] = [];
  for (const f of [...mealPoints, yuanlinMeal]) {
    for (let d = 0; d < 7; d++) {
      const date = new Date(today.getTime() + d * DAY_MS);
      for (const meal of ['LUNCH', 'DINNER'] as const) {
        menus.push({
          id: randomUUID(),
          facilityId: f.id,
          communityId: f.communityId,
          regionPath: f.regionPath,
          date,
          meal,
          dishes: dishes[(d + (meal === 'DINNER' ? 1 : 0)) % dishes.length]!,
          capacity: f.capacity ?? 30,
          cutoffAt: atLocalTime(
            new Date(date.getTime() - (f.mealCutoffDaysBefore ?? 0) * DAY_MS),
            f.mealCutoffTime ?? '09:00',
          ),
        });
      }
    }
  }
  const yesterday = new Date(today.getTime() - DAY_MS);
  const served: Prisma.MealBookingCreateManyInput[] = [];
  for (const [k, f] of mealPoints.entries()) {
    const menu = {
      id: randomUUID(),
      facilityId: f.id,
      communityId: f.communityId,
      regionPath: f.regionPath,
      date: yesterday,
      meal: 'LUNCH' as const,
      dishes: dishes[k]!,
      capacity: 40,
      cutoffAt: atLocalTime(yesterday, '09:00'),
      sampleTakenAt: atLocalTime(yesterday, '11:30'),
      sampleKeepUntil: atLocalTime(new Date(yesterday.getTime() + 2 * DAY_MS), '11:30'),
      sampleNote: '每样 125 克 冷藏',
    };
    const eaters = recipients.filter((r) => r.communityId === f.communityId).slice(k * 12, k * 12 + 12);
    menus.push({ ...menu, booked: eaters.length });
    eaters.forEach((r, j) => {
      const delivery = j % 3 === 0;
      served.push({
        menuId: menu.id,
        recipientId: r.id!,
        personId: r.personId,
        facilityId: f.id,
        communityId: f.communityId,
        regionPath: f.regionPath,
        date: yesterday,
        meal: 'LUNCH',
        slot: `${yesterday.toISOString().slice(0, 10)}:LUNCH`,
        delivery,
        status: 'SERVED',
        standardPriceFen: 1200,
        deliveryFeeFen: delivery ? 200 : 0,
        subsidyFen: 300,
        priceFen: delivery ? 1100 : 900,
        bookedAt: new Date(yesterday.getTime() - DAY_MS),
        servedAt: atLocalTime(yesterday, '12:40'),
      });
    });
  }
  await prisma.mealMenu.createMany({ data: menus });
  await prisma.mealBooking.createMany({ data: served });

  // —— 木垒镇's own subsidy table (per-township data; the default applies elsewhere) ——
  const muleiPricing: MealPricing = {
    ...DEFAULT_PRICING,
    prices: { BREAKFAST: 400, LUNCH: 1200, DINNER: 1000 },
    deliveryFeeFen: 200,
    rules: [
      ...DEFAULT_PRICING.rules.filter((r) => !r.code.startsWith('AGE')),
      { code: 'AGE_80', label: '高龄 80 岁以上', minAge: 80, subsidyFen: 300 },
    ],
  };
  await prisma.moduleSetting.create({
    data: {
      regionId: mulezhen!.id,
      regionPath: mulezhen!.path,
      moduleId: MODULE,
      key: 'mealPricing',
      value: muleiPricing as unknown as Prisma.InputJsonValue,
    },
  });
}
