// Demo data (see seed-data.ts for what comes from the page and what is illustrative), written with
// createMany so seeding stays fast. The story is 2024 (kit.anchor): meetings, registrations, requests and
// projects of that year; current items (the last twelve months of meetings after 2024, dues, clause checks,
// the development pipeline) are relative to kit.now, so compliance warnings and arrears stay meaningful.
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { addDays, addMonths, addYears, chinaDate, monthOf, termYearsFor } from './rules.js';
import { CLAUSES, GIVEN, MISSES, ORG, PROJECTS, REQUESTS, SURNAMES, THEMES } from './seed-data.js';

type OrgRow = Prisma.PartyOrganizationCreateManyInput & { id: string; treePath: string; regionPath: string };
type Region = { id: string; path: string; level: string };
type Stage = 'APPLICANT' | 'ACTIVIST' | 'CANDIDATE' | 'PROBATIONARY' | 'FULL';

export async function seedPartyBuilding(kit: SeedKit): Promise<void> {
  const db = kit.prisma;
  const today = chinaDate(kit.now);
  const codes = [
    '652301',
    '652301004001',
    '652301004002',
    '652301001001',
    '652324104',
    '652324104200',
    '652324104204',
    '652328100',
    '652328100001',
    '652328100002',
  ];
  const [changji, jingcaicheng, jiashun, wenhua, beiwucha, weijiachang, damiao, mulei, binhe, renminlu] =
    await Promise.all(codes.map((c) => kit.region(c)));
  const [media, college, hospital, bwcUnit, property] = await Promise.all(
    [
      '昌吉州融媒体中心',
      '新疆农业职业技术大学',
      '昌吉州人民医院',
      '中共玛纳斯县北五岔镇委员会',
      '木垒县安居物业服务有限公司',
    ].map((n) => kit.organization(n)),
  );

  // ——— organisations ———
  const orgs: OrgRow[] = [];
  const org = (
    name: string,
    kind: OrgRow['kind'],
    region: Region,
    o: { parent?: OrgRow; unit?: string; complex?: string; founded?: string } = {},
  ) => {
    const id = randomUUID();
    const row: OrgRow = {
      id,
      name,
      kind,
      parentId: o.parent?.id ?? null,
      treePath: `${o.parent?.treePath ?? '/'}${id}/`,
      organizationId: o.unit ?? null,
      unitIds: [],
      regionId: region.id,
      regionPath: region.path,
      regionLevel: region.level,
      residentialComplex: o.complex ?? null,
      foundedOn: new Date(`${o.founded ?? '2015-07-01'}T00:00:00Z`),
    };
    orgs.push(row);
    return row;
  };
  const P = {
    media: org(ORG.media, 'BRANCH', changji, { unit: media.id }),
    hospital: org(ORG.hospital, 'COMMITTEE', changji, { unit: hospital.id, founded: '2010-07-01' }),
    marx: org(ORG.marx, 'BRANCH', changji, { unit: college.id }),
    beiwucha: org(ORG.beiwucha, 'COMMITTEE', beiwucha, { unit: bwcUnit.id, founded: '2005-07-01' }),
    mulei: org(ORG.mulei, 'COMMITTEE', mulei, { founded: '2005-07-01' }),
  };
  const B = {
    ...P,
    hospitalBranch: org(ORG.hospitalBranch, 'BRANCH', changji, { parent: P.hospital, unit: hospital.id }),
    weijiachang: org(ORG.weijiachang, 'BRANCH', weijiachang, { parent: P.beiwucha }),
    damiao: org(ORG.damiao, 'BRANCH', damiao, { parent: P.beiwucha }),
    binhe: org(ORG.binhe, 'BRANCH', binhe, { parent: P.mulei, complex: '滨河小区', founded: '2021-06-01' }),
    renminlu: org(ORG.renminlu, 'BRANCH', renminlu, { parent: P.mulei, complex: '人民路小区', founded: '2021-06-01' }),
  };
  await db.partyOrganization.createMany({ data: orgs });

  // ——— people (generated members: createMany) ———
  const people: Prisma.PersonCreateManyInput[] = [];
  let seq = 0;
  const person = (
    home: Region,
    o: { work?: string; registered?: Region; joined?: string | null; name?: string } = {},
  ) => {
    const i = seq++;
    const id = randomUUID();
    people.push({
      id,
      name: o.name ?? `${SURNAMES[i % 20]}${GIVEN[(i * 7 + Math.floor(i / 20)) % 20]}`,
      gender: i % 2 ? 'FEMALE' : 'MALE',
      ethnicity: '汉族',
      birthDate: new Date(Date.UTC(1965 + ((i * 3) % 36), i % 12, 1 + (i % 27))),
      homeCommunityId: home.id,
      homePath: home.path,
      partyMember: o.joined !== null,
      partyJoinedAt: o.joined === null ? null : new Date(`${o.joined ?? `${2000 + (i % 20)}-07-01`}T00:00:00Z`),
      workOrganizationId: o.work ?? null,
      registeredCommunityId: o.registered?.id ?? null,
      registeredAt: o.registered ? addDays(kit.anchor, -30 - i) : null,
      serviceCommitments: o.registered ? ['每月参加一次志愿服务', '认领群众微心愿'] : [],
    });
    return id;
  };
  const many = (n: number, home: Region, o: Parameters<typeof person>[1] = {}) =>
    Array.from({ length: n }, () => person(home, o));

  const joinedOf = new Map<string, Date | null>();
  const named = async (name: string) => {
    const p = await kit.person(name);
    joinedOf.set(p.id, p.partyJoinedAt);
    return p.id;
  };
  const pu = await named('蒲晓');
  const mediaStaff = [
    ...many(5, jingcaicheng, { work: media.id, registered: jingcaicheng }),
    ...many(4, jiashun, { work: media.id }),
  ];
  const mediaPipeline = many(3, jingcaicheng, { work: media.id, joined: null });
  const zhangXuesheng = person(wenhua, { work: hospital.id, name: '张学胜' });
  const wangXueli = person(wenhua, { work: college.id, name: '王学利' });
  const hospitalStaff = [
    await named('马楠'),
    await named('王海'),
    zhangXuesheng,
    ...many(37, wenhua, { work: hospital.id }),
  ];
  const marxStaff = [wangXueli, await named('刘敏'), ...many(30, wenhua, { work: college.id })];
  const wjcMembers = [await named('马玉兰'), await named('赵刚'), await named('魏长山'), ...many(6, weijiachang)];
  const wjcPipeline = many(2, weijiachang, { joined: null });
  const damiaoMembers = [await named('黄新龙'), ...many(2, damiao)];
  const binheMembers = [await named('阿依江·托合塔尔'), ...many(6, binhe)];
  const renminluMembers = [await named('高建军'), ...many(3, renminlu)];
  await db.person.createMany({ data: people });

  // ——— memberships ———
  const memberships: Prisma.PartyMembershipCreateManyInput[] = [];
  const roster = new Map<string, { personId: string; membershipId: string; stage: Stage }[]>();
  for (const p of people) joinedOf.set(p.id!, p.partyJoinedAt as Date | null);
  const member = (
    o: OrgRow,
    personId: string,
    stage: Stage = 'FULL',
    dates: Partial<Prisma.PartyMembershipCreateManyInput> = {},
  ) => {
    const id = randomUUID();
    const joined = joinedOf.get(personId) ?? new Date('2012-07-01T00:00:00Z');
    memberships.push({
      id,
      personId,
      organizationId: o.id,
      regionPath: o.regionPath,
      treePath: o.treePath,
      stage,
      appliedAt: addYears(joined, -2),
      activistAt: addYears(joined, -1),
      candidateAt: addMonths(joined, -3),
      admittedAt: joined,
      approvedAt: addMonths(joined, 1),
      probationEndsAt: addYears(joined, 1),
      fullAt: addYears(joined, 1),
      duesFromMonth: `${today.getUTCFullYear()}-01`,
      ...dates,
    });
    roster.set(o.id, [...(roster.get(o.id) ?? []), { personId, membershipId: id, stage }]);
    return id;
  };
  for (const p of [pu, ...mediaStaff]) member(B.media, p);
  const [applicant, activist, probationary] = mediaPipeline;
  member(B.media, applicant!, 'APPLICANT', {
    appliedAt: addMonths(today, -2),
    activistAt: null,
    candidateAt: null,
    admittedAt: null,
    approvedAt: null,
    probationEndsAt: null,
    fullAt: null,
    duesFromMonth: null,
  });
  member(B.media, activist!, 'ACTIVIST', {
    appliedAt: addMonths(today, -10),
    activistAt: addMonths(today, -8),
    candidateAt: null,
    admittedAt: null,
    approvedAt: null,
    probationEndsAt: null,
    fullAt: null,
    duesFromMonth: null,
  });
  member(B.media, probationary!, 'PROBATIONARY', {
    appliedAt: addMonths(today, -30),
    activistAt: addMonths(today, -28),
    candidateAt: addMonths(today, -9),
    admittedAt: addMonths(today, -4),
    approvedAt: null,
    probationEndsAt: addMonths(today, 8),
    fullAt: null,
    duesFromMonth: monthOf(addMonths(today, -4)),
  });
  for (const p of hospitalStaff) member(B.hospitalBranch, p);
  for (const p of marxStaff) member(B.marx, p);
  for (const p of wjcMembers) member(B.weijiachang, p);
  member(B.weijiachang, wjcPipeline[0]!, 'CANDIDATE', {
    appliedAt: addMonths(today, -30),
    activistAt: addMonths(today, -20),
    candidateAt: addMonths(today, -2),
    admittedAt: null,
    approvedAt: null,
    probationEndsAt: null,
    fullAt: null,
    duesFromMonth: null,
  });
  member(B.weijiachang, wjcPipeline[1]!, 'ACTIVIST', {
    appliedAt: addMonths(today, -14),
    activistAt: addMonths(today, -12),
    candidateAt: null,
    admittedAt: null,
    approvedAt: null,
    probationEndsAt: null,
    fullAt: null,
    duesFromMonth: null,
  });
  for (const p of damiaoMembers) member(B.damiao, p);
  for (const p of binheMembers) member(B.binhe, p);
  for (const p of renminluMembers) member(B.renminlu, p);
  // dues: salaried members of the media branch (4 500 元 → 1 %), the probationary one and pensioners
  for (const m of memberships) {
    if (m.organizationId === B.media.id && (m.stage === 'FULL' || m.stage === 'PROBATIONARY'))
      Object.assign(m, { duesCategory: 'SALARIED', incomeBaseFen: 450_000, monthlyDuesFen: 4500 });
  }
  await db.partyMembership.createMany({ data: memberships });
  await db.person.update({
    where: { id: probationary! },
    data: { partyMember: true, partyJoinedAt: addMonths(today, -4) },
  });
  await db.partyStageDecision.createMany({
    data: memberships.map((m) => ({
      membershipId: m.id!,
      action: 'APPLIED' as const,
      toStage: 'APPLICANT' as const,
      decidedAt: m.appliedAt as Date,
      organizationId: m.organizationId,
      regionPath: m.regionPath,
      note: '演示数据 demo data',
    })),
  });
  const wjcCandidate = memberships.find((m) => m.personId === wjcPipeline[0])!;
  await db.partyDevelopmentStep.createMany({
    data: [
      {
        membershipId: wjcCandidate.id!,
        kind: 'TALK',
        at: addMonths(today, -29),
        stage: 'APPLICANT',
        organizationId: B.weijiachang.id,
        regionPath: B.weijiachang.regionPath,
      },
      ...[-14, -8, -3].map((mo) => ({
        membershipId: wjcCandidate.id!,
        kind: 'ASSESSMENT' as const,
        at: addMonths(today, mo),
        stage: 'ACTIVIST' as const,
        organizationId: B.weijiachang.id,
        regionPath: B.weijiachang.regionPath,
      })),
      {
        membershipId: wjcCandidate.id!,
        kind: 'POLITICAL_REVIEW',
        at: addMonths(today, -1),
        stage: 'CANDIDATE',
        organizationId: B.weijiachang.id,
        regionPath: B.weijiachang.regionPath,
      },
    ],
  });

  // ——— committees (魏家场村's term has run out: elected more than 5 years ago) ———
  const seats: Prisma.PartyCommitteeMemberCreateManyInput[] = [];
  const elect = (
    o: OrgRow,
    electedOn: string,
    list: [string, Prisma.PartyCommitteeMemberCreateManyInput['role']][],
  ) => {
    const electedAt = new Date(`${electedOn}T00:00:00Z`);
    for (const [personId, role] of list)
      seats.push({
        organizationId: o.id,
        personId,
        role,
        electedAt,
        termEndsAt: addYears(electedAt, termYearsFor(o.regionLevel)),
        regionPath: o.regionPath,
      });
  };
  elect(B.media, '2024-03-15', [
    [mediaStaff[0]!, 'SECRETARY'],
    [pu, 'ORGANIZATION'],
    [mediaStaff[1]!, 'PUBLICITY'],
  ]);
  elect(B.hospital, '2024-06-20', [
    [zhangXuesheng, 'SECRETARY'],
    [hospitalStaff[3]!, 'DEPUTY_SECRETARY'],
    [hospitalStaff[4]!, 'ORGANIZATION'],
    [hospitalStaff[5]!, 'PUBLICITY'],
    [hospitalStaff[6]!, 'DISCIPLINE'],
  ]);
  elect(B.hospitalBranch, '2024-06-25', [
    [hospitalStaff[7]!, 'SECRETARY'],
    [hospitalStaff[8]!, 'ORGANIZATION'],
    [hospitalStaff[9]!, 'PUBLICITY'],
  ]);
  elect(B.marx, '2024-04-10', [
    [marxStaff[2]!, 'SECRETARY'],
    [wangXueli, 'ORGANIZATION'],
    [marxStaff[3]!, 'PUBLICITY'],
  ]);
  elect(B.beiwucha, '2024-09-01', [
    [damiaoMembers[0]!, 'SECRETARY'],
    [wjcMembers[0]!, 'MEMBER'],
    [wjcMembers[1]!, 'MEMBER'],
  ]);
  elect(B.weijiachang, '2021-04-10', [
    [wjcMembers[0]!, 'SECRETARY'],
    [wjcMembers[1]!, 'ORGANIZATION'],
    [wjcMembers[2]!, 'PUBLICITY'],
  ]);
  elect(B.damiao, '2023-05-01', [[damiaoMembers[1]!, 'SECRETARY']]);
  elect(B.mulei, '2024-09-01', [
    [binheMembers[1]!, 'SECRETARY'],
    [binheMembers[2]!, 'MEMBER'],
    [renminluMembers[1]!, 'MEMBER'],
  ]);
  elect(B.binhe, '2021-06-01', [
    [binheMembers[0]!, 'SECRETARY'],
    [binheMembers[3]!, 'ORGANIZATION'],
    [binheMembers[4]!, 'PUBLICITY'],
  ]);
  elect(B.renminlu, '2021-06-01', [[renminluMembers[0]!, 'SECRETARY']]);
  await db.partyCommitteeMember.createMany({ data: seats });

  // ——— a year of meetings, some deliberately missed ———
  const meetings: Prisma.PartyMeetingCreateManyInput[] = [];
  const hosts: Prisma.PartyMeetingHostCreateManyInput[] = [];
  const attendance: Prisma.PartyMeetingAttendanceCreateManyInput[] = [];
  const secretaryOf = (o: OrgRow) => seats.find((s) => s.organizationId === o.id && s.role === 'SECRETARY')!.personId;
  let k = 0;
  const meeting = (
    o: OrgRow,
    kind: Prisma.PartyMeetingCreateManyInput['kind'],
    heldAt: Date,
    topic: string,
    o2: { hostId?: string; coHosts?: OrgRow[]; agreementId?: string; all?: boolean; place?: string } = {},
  ) => {
    const id = randomUUID();
    k++;
    const committee = new Set(seats.filter((s) => s.organizationId === o.id).map((s) => s.personId));
    const rows = [o, ...(o2.coHosts ?? [])]
      .flatMap((h) =>
        (roster.get(h.id) ?? [])
          .filter((m) => m.stage === 'FULL' || m.stage === 'PROBATIONARY')
          .map((m) => ({ ...m, orgId: h.id })),
      )
      .filter((m) => kind !== 'COMMITTEE_MEETING' || committee.has(m.personId));
    const status = (j: number) =>
      (o2.all
        ? 'PRESENT'
        : (j * 7 + k * 3) % 10 === 0
          ? 'ABSENT'
          : (j * 7 + k * 3) % 10 === 1
            ? 'EXCUSED'
            : 'PRESENT') as 'PRESENT' | 'ABSENT' | 'EXCUSED';
    rows.forEach((m, j) =>
      attendance.push({
        meetingId: id,
        personId: m.personId,
        membershipId: m.membershipId,
        organizationId: m.orgId,
        status: status(j),
        regionPath: o.regionPath,
        heldAt,
      }),
    );
    let quorum = {};
    if (kind === 'MEMBERS_MEETING' || kind === 'COMMITTEE_MEETING') {
      const voters = rows.filter((m) => kind === 'COMMITTEE_MEETING' || m.stage === 'FULL');
      const present = voters.filter((_m, j) => status(rows.indexOf(voters[j]!)) === 'PRESENT').length;
      quorum = { votingMembers: voters.length, votingPresent: present, quorumMet: present * 2 > voters.length };
    }
    meetings.push({
      id,
      organizationId: o.id,
      regionPath: o.regionPath,
      kind,
      heldAt,
      place: o2.place ?? '党员活动室',
      topic,
      hostId: o2.hostId ?? secretaryOf(o),
      agreementId: o2.agreementId ?? null,
      minutes: '演示数据 demo minutes',
      ...quorum,
    });
    [o, ...(o2.coHosts ?? [])].forEach((h, i) =>
      hosts.push({ meetingId: id, organizationId: h.id, regionPath: h.regionPath, kind, heldAt, primary: i === 0 }),
    );
  };
  const firstOfMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const at = (month: Date, day: number) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), day, 1));
  // the story's year (January–December 2024), then the twelve months before now that come after it
  const storyYear = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2024, i, 1)));
  const lastYear = Array.from({ length: 12 }, (_, i) => addMonths(firstOfMonth, i - 12)).filter(
    (m) => m.getUTCFullYear() > 2024,
  );
  for (const [key, o] of [
    ['media', B.media],
    ['weijiachang', B.weijiachang],
    ['binhe', B.binhe],
  ] as const) {
    const miss = MISSES[key];
    for (const month of [...storyYear, ...lastYear]) {
      const m = month.getUTCMonth() + 1;
      const q = Math.ceil(m / 3);
      if (!miss.themeDay.includes(m)) meeting(o, 'THEME_DAY', at(month, 15), THEMES[m - 1]!);
      if (!miss.committee.includes(m)) meeting(o, 'COMMITTEE_MEETING', at(month, 5), '研究部署本月工作');
      if (m % 3 === 2 && !miss.membersQuarters.includes(q))
        meeting(o, 'MEMBERS_MEETING', at(month, 20), '支部党员大会: 通报工作, 讨论党员发展');
      if (m % 3 === 1 && !miss.lectureQuarters.includes(q))
        meeting(o, 'PARTY_LECTURE', at(month, 25), '专题党课', {
          hostId:
            key !== 'weijiachang' && (q === 2 || key === 'binhe') ? secretaryOf(o) : roster.get(o.id)![4]!.personId,
        });
      if (m === 2 && key !== 'weijiachang') meeting(o, 'DEMOCRATIC_REVIEW', at(month, 26), '民主评议党员');
      if (m === 1 && key !== 'weijiachang') meeting(o, 'ORGANIZATIONAL_LIFE_MEETING', at(month, 27), '年度组织生活会');
    }
  }

  // ——— co-building: 新农职大马克思主义学院 × 昌吉州人民医院, and their joint theme day (70+ members) ———
  const agreementId = randomUUID();
  // 近日 on the page of 2024-12-20: 13 December 2024, 10:00 China time, on the university campus
  const jointDay = new Date(Math.min(Date.UTC(2024, 11, 13, 2), kit.now.getTime()));
  await db.partyCoBuildingAgreement.create({
    data: {
      id: agreementId,
      topic: '党建赋能、医校共建',
      partyIds: [B.marx.id, B.hospital.id],
      regionPath: B.marx.regionPath,
      startsOn: chinaDate(addDays(jointDay, -30)),
      // the 义诊 and first-aid training are the volunteering module's activity of the same afternoon, named
      // here by its title (modules do not import each other): one meeting, one service activity, no copy
      activities: [
        '联合主题党日',
        '参观德育馆、校史馆',
        '医疗案例融入思政课堂研修',
        '义诊',
        '急救培训',
        '联合主题党日·义诊与急救培训 (新疆农业职业技术大学、昌吉州人民医院)',
      ],
    },
  });
  meeting(B.marx, 'THEME_DAY', jointDay, '联合主题党日: 参观德育馆、校史馆, 研修, 义诊和急救培训', {
    coHosts: [B.hospitalBranch],
    agreementId,
    all: true,
    hostId: wangXueli,
    place: '新疆农业职业技术大学校园 (德育馆、校史馆)',
  });

  await db.partyMeeting.createMany({ data: meetings });
  await db.partyMeetingHost.createMany({ data: hosts });
  await db.partyMeetingAttendance.createMany({ data: attendance });

  // ——— dues: the media branch pays monthly; two members are behind ———
  const payments: Prisma.PartyDuesPaymentCreateManyInput[] = [];
  memberships
    .filter((m) => m.monthlyDuesFen)
    .forEach((m, j) => {
      const behind = j === 1 ? 3 : j === 2 ? 8 : 1;
      for (
        let month = addMonths(firstOfMonth, -1);
        monthOf(month) >= (m.duesFromMonth as string) && month >= addMonths(firstOfMonth, -12);
        month = addMonths(month, -1)
      ) {
        if (addMonths(firstOfMonth, -behind) >= month)
          payments.push({
            membershipId: m.id!,
            organizationId: m.organizationId,
            regionPath: m.regionPath,
            month: monthOf(month),
            amountFen: m.monthlyDuesFen as number,
            paidAt: at(month, 10),
            batchId: `demo-${m.id}`,
          });
      }
    });
  await db.partyDuesPayment.createMany({ data: payments });

  // ——— 木垒县 residential branches: ten clauses, requests, projects ———
  const branchOf = { binhe: B.binhe, renminlu: B.renminlu };
  const clauseRows = CLAUSES.map((c) => ({ id: randomUUID(), ...c }));
  await db.partyPropertyClause.createMany({
    data: clauseRows.map((c) => ({
      id: c.id,
      organizationId: branchOf[c.branch].id,
      regionPath: branchOf[c.branch].regionPath,
      propertyCompanyId: property.id,
      title: c.title,
      addedOn: addMonths(chinaDate(kit.anchor), -8),
      status: c.fulfilled === undefined ? 'PENDING' : c.fulfilled ? 'FULFILLED' : 'NOT_FULFILLED',
      lastCheckedAt: c.fulfilled === undefined ? null : addDays(kit.now, -20),
    })),
  });
  await db.partyPropertyClauseCheck.createMany({
    data: clauseRows
      .filter((c) => c.fulfilled !== undefined)
      .map((c) => ({
        clauseId: c.id,
        checkedAt: addDays(kit.now, -20),
        fulfilled: c.fulfilled!,
        regionPath: branchOf[c.branch].regionPath,
        note: '小区党支部季度检查',
      })),
  });
  await db.partyImprovementProject.createMany({
    data: PROJECTS.map((p) => ({
      organizationId: branchOf[p.branch].id,
      regionPath: branchOf[p.branch].regionPath,
      title: p.title,
      category: p.category,
      status: p.status,
      investmentFen: p.investmentYuan == null ? null : p.investmentYuan * 100,
      roadMetres: p.roadKm == null ? null : Math.round(p.roadKm * 1000),
      parkingSpaces: p.parkingSpaces ?? null,
      facilitiesRepaired: p.facilitiesRepaired ?? null,
      startedOn: p.status === 'PLANNED' ? null : addMonths(chinaDate(kit.anchor), -p.monthsAgo),
      completedOn: p.status === 'COMPLETED' ? addMonths(chinaDate(kit.anchor), -p.monthsAgo + 1) : null,
    })),
  });
  const residents = new Map(
    await Promise.all(
      REQUESTS.filter((r) => r.resident).map(async (r) => [r.resident!, await named(r.resident!)] as const),
    ),
  );
  await db.partyResidentRequest.createMany({
    data: REQUESTS.map((r, i) => ({
      organizationId: branchOf[r.branch].id,
      regionPath: branchOf[r.branch].regionPath,
      residentId: r.resident ? residents.get(r.resident)! : null,
      content: r.content,
      channel: '走访入户',
      receivedAt: addDays(kit.anchor, -200 + i * 10),
      status: r.answer ? 'ANSWERED' : 'OPEN',
      answer: r.answer ?? null,
      answeredAt: r.answer ? addDays(kit.anchor, -150 + i * 10) : null,
    })),
  });
}
