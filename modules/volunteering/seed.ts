// Demo data for 志愿服务 (createMany throughout, so every test file seeds in well under a second):
// - 木垒县: a service centre in each community, party-member volunteers, 312 completed activities in
//   2024 (living environment, disability aid, legal publicity …) and 24 completed service orders whose
//   counters add up to the paper's 4,566 households, 83 suggestions, 712 disputes, 326 matters done;
// - 北五岔镇: the safety-hazard inspection team and its 72 inspections (activities) across 9 villages;
// - the joint 主题党日 of 新疆农业职业技术大学 and 昌吉州人民医院: 72 members, free clinic and first aid;
// - 小蒲 (member-pu): 24 confirmed activities over the past year (120 h, one star), a training and an award;
// - upcoming activities to try in GraphiQL (recruiting, a draft, a risky one without insurance yet) and
//   open service orders for 玛纳斯县应急管理局 and the inspection team.
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import {
  BEIWUCHA_VILLAGES,
  CENTRES,
  COMMUNITY,
  MULEI_ORDER_TITLES,
  MULEI_ORDER_TOTALS,
  MULEI_TITLES,
  names,
  spread,
} from './seed-data.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 10:00 Beijing time on day `n` of 2024 */
const day2024 = (n: number, hour = 10) => new Date(Date.UTC(2024, 0, 1 + n, hour - 8));

export async function seedVolunteering(kit: SeedKit) {
  const { prisma, now } = kit;
  const regions = new Map((await prisma.region.findMany()).map((r) => [r.code, r]));
  const region = (code: string) =>
    regions.get(code) ??
    (() => {
      throw new Error(`demo region ${code} missing`);
    })();
  const orgs = new Map((await prisma.organization.findMany()).map((o) => [o.name, o]));
  const org = (name: string) => orgs.get(name)!.id;
  const core = await prisma.person.findMany({
    select: { id: true, name: true, homeCommunityId: true, homePath: true },
  });
  const corePerson = (name: string) => core.find((p) => p.name === name)!;
  const taken = new Set(core.map((p) => p.name));

  const persons: Prisma.PersonCreateManyInput[] = [];
  const volunteers: Prisma.VolunteerCreateManyInput[] = [];
  const members: Prisma.VolunteerTeamMemberCreateManyInput[] = [];
  const activities: Prisma.VolunteerActivityCreateManyInput[] = [];
  const enrollments: Prisma.VolunteerEnrollmentCreateManyInput[] = [];
  const records: Prisma.VolunteerServiceRecordCreateManyInput[] = [];
  const volunteerOf = new Map<string, string>();

  /** registers a person (core or new) as a volunteer at their home community */
  const register = (personId: string, communityCode: string, registeredAt: Date, skills: string[]) => {
    const c = region(communityCode);
    const id = randomUUID();
    volunteers.push({
      id,
      personId,
      communityId: c.id,
      regionPath: c.path,
      skills,
      recordConsentAt: registeredAt,
      registeredAt,
      availability: '周末及节假日',
    });
    volunteerOf.set(personId, id);
    return personId;
  };
  /** a new fictitious party-member volunteer */
  const newVolunteer = (name: string, communityCode: string, i: number, workOrganizationName?: string) => {
    const c = region(communityCode);
    const id = randomUUID();
    persons.push({
      id,
      name,
      gender: i % 2 ? 'MALE' : 'FEMALE',
      ethnicity: /·/.test(name) ? '哈萨克族' : '汉族',
      birthDate: new Date(Date.UTC(1968 + (i % 32), i % 12, 1 + (i % 27))),
      homeCommunityId: c.id,
      homePath: c.path,
      partyMember: true,
      partyJoinedAt: new Date(Date.UTC(1995 + (i % 25), 6, 1)),
      workOrganizationId: workOrganizationName ? org(workOrganizationName) : null,
    });
    return register(
      id,
      communityCode,
      new Date(Date.UTC(2023, 2 + (i % 9), 5)),
      i % 3 ? ['入户走访', '环境整治'] : ['法律咨询', '政策宣传'],
    );
  };
  const teams: Prisma.VolunteerTeamCreateManyInput[] = [];
  const team = (
    code: string,
    name: string,
    kind: Prisma.VolunteerTeamCreateManyInput['kind'],
    leaders: string[],
    rest: string[],
    organizationName?: string,
  ) => {
    const r = region(code);
    const id = randomUUID();
    teams.push({
      id,
      regionId: r.id,
      regionPath: r.path,
      name,
      kind,
      organizationId: organizationName ? org(organizationName) : null,
      description: `${r.name}${name}`,
    });
    for (const [role, list] of [
      ['LEADER', leaders],
      ['MEMBER', rest],
    ] as const) {
      for (const personId of list)
        members.push({
          teamId: id,
          volunteerId: volunteerOf.get(personId)!,
          personId,
          role,
          regionId: r.id,
          regionPath: r.path,
          joinedAt: new Date(Date.UTC(2023, 11, 1)),
        });
    }
    return id;
  };
  /** a completed (or planned) activity; `served` volunteers are enrolled (confirmed when completed: records are derived below) */
  const activity = (
    a: {
      code: string;
      title: string;
      category: Prisma.VolunteerActivityCreateManyInput['category'];
      startsAt: Date;
      hours: number;
      teamId?: string;
      organizationIds?: string[];
      capacity?: number;
      status?: Prisma.VolunteerActivityCreateManyInput['status'];
      risky?: boolean;
      description?: string;
      place?: string;
    },
    served: string[],
  ) => {
    const c = region(a.code);
    const id = randomUUID();
    const endsAt = new Date(a.startsAt.getTime() + Math.max(a.hours, 2) * HOUR);
    const status = a.status ?? 'COMPLETED';
    activities.push({
      id,
      communityId: c.id,
      regionPath: c.path,
      teamId: a.teamId ?? null,
      organizationIds: a.organizationIds ?? [],
      title: a.title,
      category: a.category,
      place: a.place ?? `${c.name}党群服务中心`,
      description: a.description ?? `${a.title}（${c.name}）`,
      startsAt: a.startsAt,
      endsAt,
      capacity: a.capacity ?? Math.max(10, served.length),
      enrolledCount: served.length,
      status,
      risky: a.risky ?? false,
      publishedAt: status === 'DRAFT' ? null : new Date(a.startsAt.getTime() - 7 * DAY),
      startedAt: status === 'COMPLETED' ? a.startsAt : null,
      completedAt: status === 'COMPLETED' ? endsAt : null,
    });
    for (const personId of served) {
      const enrollmentId = randomUUID();
      const done = status === 'COMPLETED';
      enrollments.push({
        id: enrollmentId,
        activityId: id,
        volunteerId: volunteerOf.get(personId)!,
        personId,
        communityId: c.id,
        regionPath: c.path,
        status: done ? 'CONFIRMED' : 'SIGNED_UP',
        signedUpAt: new Date(a.startsAt.getTime() - 3 * DAY),
        checkInAt: done ? a.startsAt : null,
        checkOutAt: done ? new Date(a.startsAt.getTime() + a.hours * HOUR) : null,
      });
    }
    return id;
  };

  // ——— 木垒县: party-member volunteers, teams, 312 activities in 2024 ———
  const ayjan = register(corePerson('阿依江·托合塔尔').id, COMMUNITY.binhe, new Date(Date.UTC(2022, 5, 1)), [
    '政策宣传',
    '双语翻译',
  ]);
  const gao = register(corePerson('高建军').id, COMMUNITY.renminlu, new Date(Date.UTC(2022, 5, 1)), ['水电维修']);
  const binhe = names(14, 0, taken, true).map((n, i) => newVolunteer(n, COMMUNITY.binhe, i));
  const renminlu = names(14, 40, taken, true).map((n, i) => newVolunteer(n, COMMUNITY.renminlu, i + 14));
  const muleiTeams = {
    [COMMUNITY.binhe]: team(
      COMMUNITY.binhe,
      '滨河社区党员志愿服务队',
      'PARTY_MEMBER',
      [ayjan],
      binhe.slice(0, 10),
      '木垒县民政局',
    ),
    [COMMUNITY.renminlu]: team(
      COMMUNITY.renminlu,
      '人民路社区党员志愿服务队',
      'PARTY_MEMBER',
      [gao],
      renminlu.slice(0, 10),
    ),
  };
  team(
    '652328100',
    '木垒镇巾帼志愿服务队',
    'WOMEN',
    [binhe[1]!],
    [...binhe.slice(11), ...renminlu.slice(11)],
    '木垒县夕阳红志愿服务协会',
  );
  team('652328100', '木垒镇青年志愿服务队', 'YOUTH', [renminlu[2]!], [binhe[10]!, renminlu[10]!]);
  const categories = Object.keys(MULEI_TITLES) as (keyof typeof MULEI_TITLES)[];
  for (let i = 0; i < 312; i++) {
    const code = i % 2 ? COMMUNITY.renminlu : COMMUNITY.binhe;
    const pool = i % 2 ? renminlu : binhe;
    const category =
      i % 10 < 3
        ? 'LIVING_ENVIRONMENT'
        : i % 10 < 6
          ? 'DISABILITY_AID'
          : i % 10 < 9
            ? 'LEGAL_PUBLICITY'
            : categories[3 + (i % 2)]!;
    const titles = MULEI_TITLES[category];
    activity(
      {
        code,
        title: titles[i % titles.length]!,
        category,
        startsAt: day2024((i * 97) % 360, 10 + (i % 6)),
        hours: 2,
        teamId: muleiTeams[code],
      },
      [pool[i % 14]!, pool[(i + 5) % 14]!, pool[(i + 9) % 14]!],
    );
  }

  // ——— 北五岔镇: the safety-hazard inspection team and its 72 inspections ———
  const zhao = register(corePerson('赵刚').id, COMMUNITY.weijiachang, new Date(Date.UTC(2023, 3, 1)), [
    '安全检查',
    '电工',
  ]);
  const huang = register(corePerson('黄新龙').id, '652324104204', new Date(Date.UTC(2023, 3, 1)), ['安全检查']);
  const inspectors = names(8, 80, taken).map((n, i) => newVolunteer(n, BEIWUCHA_VILLAGES[i % 9]!, i + 30));
  const inspectionTeam = team(
    '652324104',
    '北五岔镇安全隐患排查志愿服务队',
    'SAFETY_INSPECTION',
    [zhao],
    [huang, ...inspectors],
    '中共玛纳斯县北五岔镇委员会',
  );
  for (let i = 0; i < 72; i++) {
    activity(
      {
        code: BEIWUCHA_VILLAGES[i % 9]!,
        title: ['自建房安全隐患排查', '冬季燃煤取暖安全检查', '农机具及仓储消防检查', '用电线路隐患排查'][i % 4]!,
        category: 'SAFETY_INSPECTION',
        startsAt: day2024(5 * i, 10),
        hours: 3,
        teamId: inspectionTeam,
        place: '村内入户',
      },
      [zhao, [huang, ...inspectors][i % 9]!],
    );
  }

  // ——— the joint 主题党日 of 新疆农业职业技术大学 and 昌吉州人民医院 (72 members) ———
  const homes = [
    COMMUNITY.yuanlin,
    COMMUNITY.wenhua,
    COMMUNITY.shiji,
    COMMUNITY.yanbei,
    COMMUNITY.jingcaicheng,
    COMMUNITY.jiashun,
  ];
  const joint = names(70, 200, taken).map((n, i) =>
    newVolunteer(n, homes[i % homes.length]!, i + 40, i % 2 ? '昌吉州人民医院' : '新疆农业职业技术大学'),
  );
  const maNan = register(corePerson('马楠').id, COMMUNITY.yuanlin, new Date(Date.UTC(2023, 0, 10)), [
    '急救',
    '临床医学',
  ]);
  const liuMin = register(corePerson('刘敏').id, COMMUNITY.wenhua, new Date(Date.UTC(2023, 0, 10)), ['农业技术']);
  const wangHai = register(corePerson('王海').id, COMMUNITY.shiji, new Date(Date.UTC(2023, 0, 10)), ['急救', '护理']);
  const jointTeam = team(
    COMMUNITY.yuanlin,
    '新农职大·州人民医院联合党员志愿服务队',
    'PARTY_MEMBER',
    [maNan],
    [liuMin, wangHai, ...joint],
    '新疆农业职业技术大学',
  );
  activity(
    {
      code: COMMUNITY.yuanlin,
      title: '新疆农业职业技术大学、昌吉州人民医院联合主题党日：义诊与急救培训进社区',
      category: 'HEALTH_SERVICE',
      startsAt: day2024(347, 11),
      hours: 3.5,
      teamId: jointTeam,
      organizationIds: [org('新疆农业职业技术大学'), org('昌吉州人民医院')],
      capacity: 80,
      place: '园林社区党群服务中心广场',
      description:
        '两家单位党员 70 余人开展联合主题党日：为居民免费测血压血糖、义诊咨询，开展心肺复苏和海姆立克急救法培训',
    },
    [maNan, liuMin, ...joint],
  );

  // ——— 晶彩城社区 and 小蒲 (member-pu): a year of service, 120 verified hours ———
  const liJing = register(corePerson('李静').id, COMMUNITY.jingcaicheng, new Date(Date.UTC(2022, 8, 1)), ['社区工作']);
  const pu = register(corePerson('蒲晓').id, COMMUNITY.jingcaicheng, new Date(now.getTime() - 420 * DAY), [
    '新闻摄影',
    '文案',
    '政策宣传',
  ]);
  for (const name of [
    '吴晓芳',
    '沙燕',
    '刘建国',
    '阿依努尔·买买提',
    '王鹏',
    '努尔兰·阿合买提',
    '张磊',
    '叶尔兰·哈力别克',
  ]) {
    const p = corePerson(name);
    register(p.id, p.homePath.split('/').filter(Boolean).pop()!, new Date(Date.UTC(2023, 4, 4)), ['志愿服务']);
  }
  const jingcai = joint.filter((_, i) => homes[i % homes.length] === COMMUNITY.jingcaicheng);
  const jingcaiTeam = team(
    COMMUNITY.jingcaicheng,
    '晶彩城社区党员志愿服务队',
    'PARTY_MEMBER',
    [liJing],
    [pu, ...jingcai],
  );
  const puTitles: [string, Prisma.VolunteerActivityCreateManyInput['category']][] = [
    ['微心愿认领与物资送达', 'HOME_VISIT'],
    ['公租房小区环境整治', 'LIVING_ENVIRONMENT'],
    ['反诈宣传进楼栋', 'LEGAL_PUBLICITY'],
    ['关爱空巢老人陪伴', 'ELDER_HELP'],
  ];
  for (let k = 0; k < 24; k++) {
    const [title, category] = puTitles[k % 4]!;
    const startsAt = new Date(Math.floor((now.getTime() - (15 * k + 5) * DAY) / DAY) * DAY + 1 * HOUR); // 09:00 Beijing
    activity({ code: COMMUNITY.jingcaicheng, title, category, startsAt, hours: 4 + (k % 3), teamId: jingcaiTeam }, [
      pu,
      jingcai[k % jingcai.length]!,
    ]);
  }
  const puVolunteer = volunteerOf.get(pu)!;
  const jc = region(COMMUNITY.jingcaicheng);
  for (const [kind, title, hours, ago] of [
    ['TRAINING', '志愿者应急救护培训', 4, 200],
    ['AWARD', '晶彩城社区优秀志愿者', 0, 60],
  ] as const) {
    const recordId = randomUUID();
    const startsAt = new Date(now.getTime() - ago * DAY);
    const endsAt = new Date(startsAt.getTime() + Math.max(hours, 1) * HOUR);
    records.push({
      id: recordId,
      volunteerId: puVolunteer,
      personId: pu,
      communityId: jc.id,
      regionPath: jc.path,
      kind,
      title,
      content: title,
      startsAt,
      endsAt,
      hours,
      organizationName: '晶彩城社区志愿服务中心',
      confirmedByName: '李静',
      confirmedAt: endsAt,
    });
  }

  // ——— upcoming activities to try ———
  const soon = (days: number, hour: number) =>
    new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + (hour - 8) * HOUR);
  activity(
    {
      code: COMMUNITY.jingcaicheng,
      title: '冬季楼道清理及扫雪除冰',
      category: 'LIVING_ENVIRONMENT',
      startsAt: soon(3, 10),
      hours: 3,
      teamId: jingcaiTeam,
      capacity: 20,
      status: 'RECRUITING',
    },
    jingcai.slice(0, 4),
  );
  activity(
    {
      code: COMMUNITY.jingcaicheng,
      title: '元旦社区联欢志愿服务',
      category: 'OTHER',
      startsAt: soon(35, 15),
      hours: 3,
      teamId: jingcaiTeam,
      capacity: 30,
      status: 'DRAFT',
    },
    [],
  );
  activity(
    {
      code: COMMUNITY.weijiachang,
      title: '农村自建房及燃气安全隐患排查',
      category: 'SAFETY_INSPECTION',
      startsAt: soon(5, 10),
      hours: 4,
      teamId: inspectionTeam,
      capacity: 12,
      status: 'RECRUITING',
      risky: true,
      place: '魏家场村各组',
    },
    [huang],
  );
  activity(
    {
      code: COMMUNITY.yuanlin,
      title: '助老义剪进家门',
      category: 'ELDER_HELP',
      startsAt: soon(7, 10),
      hours: 3,
      teamId: jointTeam,
      capacity: 15,
      status: 'RECRUITING',
    },
    [],
  );

  await prisma.person.createMany({ data: persons });
  await prisma.volunteer.createMany({ data: volunteers });
  await prisma.volunteerServiceCentre.createMany({
    data: CENTRES.map((c) => ({
      communityId: region(c.code).id,
      regionPath: region(c.code).path,
      name: c.name,
      address: c.address,
      openingHours: c.openingHours,
    })),
  });
  await prisma.volunteerTeam.createMany({ data: teams });
  await prisma.volunteerTeamMember.createMany({ data: members });
  await prisma.volunteerActivity.createMany({ data: activities });
  await prisma.volunteerEnrollment.createMany({ data: enrollments });
  // 志愿服务记录 of every confirmed enrollment, derived in SQL (one statement instead of 1,200 rows of
  // parameters): hours from check-in/out, the team as organiser, its leader as the one who confirmed
  await prisma.$executeRaw`
    INSERT INTO "VolunteerServiceRecord" ("id", "volunteerId", "personId", "communityId", "regionPath", "kind", "activityId", "enrollmentId", "title", "content",
      "place", "startsAt", "endsAt", "hours", "organizationName", "confirmedByName", "confirmedAt", "version", "updatedAt")
    SELECT gen_random_uuid()::text, e."volunteerId", e."personId", e."communityId", e."regionPath", 'SERVICE', a."id", e."id", a."title", COALESCE(a."description", a."title"),
      a."place", a."startsAt", a."endsAt", ROUND((EXTRACT(EPOCH FROM (e."checkOutAt" - e."checkInAt")) / 3600)::numeric, 2), COALESCE(t."name", '社区志愿服务站'),
      COALESCE(leader."name", '社区工作人员'), a."endsAt" + INTERVAL '1 day', 1, a."endsAt" + INTERVAL '1 day'
    FROM "VolunteerEnrollment" e
    JOIN "VolunteerActivity" a ON a."id" = e."activityId"
    LEFT JOIN "VolunteerTeam" t ON t."id" = a."teamId"
    LEFT JOIN LATERAL (SELECT p."name" FROM "VolunteerTeamMember" m JOIN "Person" p ON p."id" = m."personId"
                       WHERE m."teamId" = t."id" AND m."role" = 'LEADER' ORDER BY m."joinedAt", m."id" LIMIT 1) leader ON TRUE
    WHERE e."status" = 'CONFIRMED'`;
  await prisma.volunteerServiceRecord.createMany({ data: records });
  await prisma.$executeRaw`
    INSERT INTO "VolunteerServiceRecordVersion" ("id", "recordId", "version", "hours", "content", "startsAt", "endsAt", "changedByName", "communityId", "regionPath", "createdAt")
    SELECT gen_random_uuid()::text, r."id", 1, r."hours", r."content", r."startsAt", r."endsAt", r."confirmedByName", r."communityId", r."regionPath", r."confirmedAt"
    FROM "VolunteerServiceRecord" r`;

  // ——— service orders: 街道派单、部门接单 ———
  const mulei = region('652328100');
  const t = MULEI_ORDER_TOTALS;
  const [h, s, d, m] = [
    spread(t.householdsVisited, 24, 1),
    spread(t.suggestions, 24, 2),
    spread(t.disputesResolved, 24, 3),
    spread(t.mattersDone, 24, 4),
  ];
  const orders: Prisma.VolunteerServiceOrderCreateManyInput[] = Array.from({ length: 24 }, (_, i) => {
    const c = region(i % 2 ? COMMUNITY.renminlu : COMMUNITY.binhe);
    const dispatchedAt = day2024(i * 15, 9);
    return {
      townshipId: mulei.id,
      communityId: c.id,
      regionPath: c.path,
      title: MULEI_ORDER_TITLES[i % MULEI_ORDER_TITLES.length]!,
      status: 'COMPLETED' as const,
      assigneeOrganizationId: i % 3 === 0 ? org('木垒县民政局') : null,
      teamId: i % 3 === 0 ? null : muleiTeams[i % 2 ? COMMUNITY.renminlu : COMMUNITY.binhe],
      dispatchedAt,
      dueAt: new Date(dispatchedAt.getTime() + 14 * DAY),
      acceptedAt: new Date(dispatchedAt.getTime() + DAY),
      completedAt: new Date(dispatchedAt.getTime() + 10 * DAY),
      result: '已办结，居民满意',
      householdsVisited: h[i]!,
      suggestions: s[i]!,
      disputesResolved: d[i]!,
      mattersDone: m[i]!,
      assignedPersonIds: [],
    };
  });
  const beiwucha = region('652324104');
  const wjc = region(COMMUNITY.weijiachang);
  orders.push(
    {
      townshipId: beiwucha.id,
      communityId: wjc.id,
      regionPath: wjc.path,
      title: '冬季燃煤取暖一氧化碳中毒隐患排查',
      description: '魏家场村 3 组独居老人家中煤炉烟道需检查',
      status: 'DISPATCHED',
      assigneeOrganizationId: org('玛纳斯县应急管理局'),
      dispatchedAt: new Date(now.getTime() - DAY),
      dueAt: new Date(now.getTime() + 10 * DAY),
      assignedPersonIds: [],
    },
    {
      townshipId: beiwucha.id,
      communityId: wjc.id,
      regionPath: wjc.path,
      title: '村道路灯损坏排查',
      status: 'ACCEPTED',
      teamId: inspectionTeam,
      dispatchedAt: new Date(now.getTime() - 3 * DAY),
      acceptedAt: new Date(now.getTime() - 2 * DAY),
      dueAt: new Date(now.getTime() + 4 * DAY),
      assignedPersonIds: [zhao, huang],
    },
  );
  await prisma.volunteerServiceOrder.createMany({ data: orders });
}
