// 志愿服务指标 for series and rankings, with the same rules as RegionStats.volunteering: activities by
// their start (published ones), sign-ups by their time (not cancelled), service hours by the service's start.
import { Prisma, shanghaiTime, type FigureDefinition } from '../../src/kit/index.js';

const LIVE = Prisma.raw(`('RECRUITING', 'ONGOING', 'COMPLETED')`);

export const VOLUNTEERING_FIGURES: FigureDefinition[] = [
  {
    name: 'activities',
    title: '志愿服务活动数 activities (published, by start)',
    facts: Prisma.sql`SELECT ${shanghaiTime('a."startsAt"')} AS "at", a."regionPath", 1 AS "value"
      FROM "VolunteerActivity" a WHERE a."status"::text IN ${LIVE}`,
  },
  {
    name: 'completedActivities',
    title: '已完成活动数 completed activities',
    facts: Prisma.sql`SELECT ${shanghaiTime('a."startsAt"')} AS "at", a."regionPath", 1 AS "value"
      FROM "VolunteerActivity" a WHERE a."status" = 'COMPLETED'`,
  },
  {
    name: 'enrollments',
    title: '报名人次 sign-ups (not cancelled)',
    facts: Prisma.sql`SELECT ${shanghaiTime('e."signedUpAt"')} AS "at", e."regionPath", 1 AS "value"
      FROM "VolunteerEnrollment" e WHERE e."status" <> 'CANCELLED'`,
  },
  {
    name: 'verifiedHours',
    title: '志愿服务时长(小时) verified service hours',
    facts: Prisma.sql`SELECT ${shanghaiTime('r."startsAt"')} AS "at", r."regionPath", r."hours" AS "value"
      FROM "VolunteerServiceRecord" r WHERE r."kind" = 'SERVICE'`,
  },
];
