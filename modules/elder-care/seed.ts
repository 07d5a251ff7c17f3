// Demo data. 木垒县 figures are from 昌吉日报 2024-12-20 ("党建+康养"): 7 日间照料中心, 4 助餐服务点,
// 2 残疾人社区康复服务站 with 餐厅/棋牌室/阅览室/健身室/康复室/休息室, 200 elders served, 260 needs
// collected. Facility names, the extra elders, assessments, visits and menus are ILLUSTRATIVE.
// 园林社区: 王孝梅 (empty-nest, from the core demo data) and three invented elders, enrolled and assessed,
// so the yuanlin-worker login can run the whole flow. Fast: createMany with ids made here.
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { localDay, type Category } from './constants.js';
import { ALL_ROOMS, CATEGORY_CYCLE, GIVEN, type Room, SURNAMES, YUANLIN_ELDERS } from './seed-data.js';
import { seedMenus, seedNeeds, seedPricing } from './seed-meals.js';
import { careRows, type SeedFacility } from './seed-recipients.js';

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
  type F = SeedFacility;
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
  const yl = YUANLIN_ELDERS;
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
  const { recipients, enrollments, assessments, visits, add } = careRows(now, kit.anchor);
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

  await seedNeeds(prisma, kit.anchor, recipients, muleiRecipients.length, xiyang!.id);
  await seedMenus(prisma, today, mealPoints, yuanlinMeal, recipients);
  await seedPricing(prisma, mulezhen!);
}
