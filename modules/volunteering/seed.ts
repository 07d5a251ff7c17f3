// Demo data for 志愿服务 (createMany throughout, so every test file seeds in well under a second):
// - 木垒县: a service centre in each community, party-member volunteers, 312 completed activities in
//   2024 (living environment, disability aid, legal publicity …) and 24 completed service orders whose
//   counters add up to the paper's 4,566 households, 83 suggestions, 712 disputes, 326 matters done;
// - 北五岔镇: the safety-hazard inspection team and its 72 inspections (activities) across 9 villages;
// - the joint 主题党日 of 新疆农业职业技术大学 and 昌吉州人民医院: 72 members, free clinic and first aid;
// - 小蒲 (member-pu): 24 confirmed activities over the past year (120 h, one star), a training and an award;
// - upcoming activities to try in GraphiQL (recruiting, a draft, a risky one without insurance yet) and
//   open service orders for 玛纳斯县应急管理局 and the inspection team.
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { DAY, type DemoBuilder, day2024, demoBuilder } from './seed-builder.js';
import { CENTRES, COMMUNITY, MULEI_ORDER_TITLES, MULEI_ORDER_TOTALS, spread } from './seed-data.js';
import { seedBeiwucha, seedJingcaicheng, seedJointPartyDay, seedMulei, seedUpcoming } from './seed-scenes.js';

export async function seedVolunteering(kit: SeedKit) {
  const b = await demoBuilder(kit);
  const muleiTeams = seedMulei(b);
  const beiwucha = seedBeiwucha(b);
  const { joint, homes, jointTeam } = seedJointPartyDay(b);
  const { jingcaiTeam, jingcai } = seedJingcaicheng(b, kit, { joint, homes });
  seedUpcoming(b, kit, {
    jingcaiTeam,
    inspectionTeam: beiwucha.inspectionTeam,
    jointTeam,
    jingcai,
    huang: beiwucha.huang,
  });
  await insertRows(kit, b);
  await publishHours(kit);
  await kit.prisma.volunteerServiceOrder.createMany({ data: serviceOrders(kit, b, muleiTeams, beiwucha) });
}

/** everything queued, then the service records of every confirmed enrollment and their first versions */
async function insertRows({ prisma }: SeedKit, { region, rows }: DemoBuilder) {
  const { persons, volunteers, teams, members, activities, enrollments, records } = rows;
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
    INSERT INTO "VolunteerServiceRecord" ("id", "volunteerId", "personId", "communityId", "regionPath", "kind",
      "activityId", "enrollmentId", "title", "content", "place", "startsAt", "endsAt", "hours", "organizationName",
      "confirmedByName", "confirmedAt", "version", "updatedAt")
    SELECT gen_random_uuid()::text, e."volunteerId", e."personId", e."communityId", e."regionPath", 'SERVICE',
      a."id", e."id", a."title", COALESCE(a."description", a."title"), a."place", a."startsAt", a."endsAt",
      ROUND((EXTRACT(EPOCH FROM (e."checkOutAt" - e."checkInAt")) / 3600)::numeric, 2),
      COALESCE(t."name", '社区志愿服务站'), COALESCE(leader."name", '社区工作人员'), a."endsAt" + INTERVAL '1 day', 1,
      a."endsAt" + INTERVAL '1 day'
    FROM "VolunteerEnrollment" e
    JOIN "VolunteerActivity" a ON a."id" = e."activityId"
    LEFT JOIN "VolunteerTeam" t ON t."id" = a."teamId"
    LEFT JOIN LATERAL (SELECT p."name" FROM "VolunteerTeamMember" m JOIN "Person" p ON p."id" = m."personId"
                       WHERE m."teamId" = t."id" AND m."role" = 'LEADER'
                       ORDER BY m."joinedAt", m."id" LIMIT 1) leader ON TRUE
    WHERE e."status" = 'CONFIRMED'`;
  await prisma.volunteerServiceRecord.createMany({ data: records });
  await prisma.$executeRaw`
    INSERT INTO "VolunteerServiceRecordVersion" ("id", "recordId", "version", "hours", "content", "startsAt",
      "endsAt", "changedByName", "communityId", "regionPath", "createdAt")
    SELECT gen_random_uuid()::text, r."id", 1, r."hours", r."content", r."startsAt", r."endsAt",
      r."confirmedByName", r."communityId", r."regionPath", r."confirmedAt"
    FROM "VolunteerServiceRecord" r`;
}

/** service orders: 街道派单、部门接单 */
function serviceOrders(
  { now }: SeedKit,
  { region, org }: DemoBuilder,
  muleiTeams: Record<string, string>,
  { zhao, huang, inspectionTeam }: { zhao: string; huang: string; inspectionTeam: string },
): Prisma.VolunteerServiceOrderCreateManyInput[] {
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
  return orders;
}

/**
 * volunteering.hoursVerified for the service records of registered in-service members, as confirmRecord
 * publishes it: party-building's 在职党员报到 hours come from these events, so the two modules agree
 */
async function publishHours(kit: SeedKit) {
  const members = await kit.prisma.person.findMany({
    where: { partyMember: true, registeredCommunityId: { not: null } },
    select: { id: true },
  });
  const rows = await kit.prisma.volunteerServiceRecord.findMany({
    where: { kind: 'SERVICE', personId: { in: members.map((m) => m.id) } },
    select: { id: true, personId: true, hours: true, title: true, regionPath: true, confirmedAt: true, endsAt: true },
    orderBy: { confirmedAt: 'asc' },
  });
  await kit.publish(
    rows.map((r) => ({
      type: 'volunteering.hoursVerified',
      regionPath: r.regionPath,
      payload: { personId: r.personId, hours: Number(r.hours), recordId: r.id, activityTitle: r.title },
      occurredAt: r.confirmedAt ?? r.endsAt,
    })),
  );
}
