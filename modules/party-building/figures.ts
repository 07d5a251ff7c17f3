// 党建指标 for series and rankings, with the rules of RegionStats.partyBuilding: meetings by the moment held
// (and by kind: 三会一课 and the rest), members admitted by their admission date, in-service members by
// their registration at a community, resident requests (诉求) by receipt and answer, dues by payment.
// Stocks (organisations, members on the rolls, compliance) are as they stand and are not series.
import { Prisma, shanghaiTime, type FigureDefinition } from '../../src/kit/index.js';

const meetings = (name: string, title: string, kind?: string): FigureDefinition => ({
  name,
  title,
  facts: Prisma.sql`SELECT ${shanghaiTime('m."heldAt"')} AS "at", m."regionPath", 1 AS "value"
    FROM "PartyMeeting" m ${kind ? Prisma.sql`WHERE m."kind"::text = ${kind}` : Prisma.empty}`,
});

export const PARTY_BUILDING_FIGURES: FigureDefinition[] = [
  meetings('meetingsHeld', '组织生活会议次数 meetings held (三会一课 and the rest)'),
  meetings('membersMeetings', '支部党员大会 members’ meetings', 'MEMBERS_MEETING'),
  meetings('committeeMeetings', '支部委员会 committee meetings', 'COMMITTEE_MEETING'),
  meetings('groupMeetings', '党小组会 group meetings', 'GROUP_MEETING'),
  meetings('partyLectures', '党课 party lectures', 'PARTY_LECTURE'),
  meetings('themeDays', '主题党日 theme days', 'THEME_DAY'),
  {
    name: 'admitted',
    title: '发展党员 admitted as probationary members (by admission date)',
    facts: Prisma.sql`SELECT m."admittedAt"::timestamp AS "at", m."regionPath", 1 AS "value"
      FROM "PartyMembership" m WHERE m."admittedAt" IS NOT NULL`,
  },
  {
    name: 'inServiceRegistered',
    title: '在职党员报到 in-service members registered at a community',
    facts: Prisma.sql`SELECT ${shanghaiTime('p."registeredAt"')} AS "at", c."path" AS "regionPath", 1 AS "value"
      FROM "Person" p JOIN "Region" c ON c."id" = p."registeredCommunityId"
     WHERE p."partyMember" AND p."registeredAt" IS NOT NULL`,
  },
  {
    name: 'requestsReceived',
    title: '收集居民诉求 resident requests received',
    facts: Prisma.sql`SELECT ${shanghaiTime('r."receivedAt"')} AS "at", r."regionPath", 1 AS "value"
      FROM "PartyResidentRequest" r`,
  },
  {
    name: 'requestsAnswered',
    title: '答复居民诉求 resident requests answered (by answer time)',
    facts: Prisma.sql`SELECT ${shanghaiTime('r."answeredAt"')} AS "at", r."regionPath", 1 AS "value"
      FROM "PartyResidentRequest" r WHERE r."status" = 'ANSWERED'`,
  },
  {
    name: 'duesPaidYuan',
    title: '党费收缴(元) dues paid, by payment time',
    facts: Prisma.sql`SELECT ${shanghaiTime('d."paidAt"')} AS "at", d."regionPath", d."amountFen" / 100.0 AS "value"
      FROM "PartyDuesPayment" d`,
  },
  {
    name: 'projectInvestmentYuan',
    title: '改造投资(元) improvement projects started',
    facts: Prisma.sql`SELECT p."startedOn"::timestamp AS "at", p."regionPath",
        coalesce(p."investmentFen", 0) / 100.0 AS "value"
      FROM "PartyImprovementProject" p WHERE p."status" <> 'PLANNED' AND p."startedOn" IS NOT NULL`,
  },
];
