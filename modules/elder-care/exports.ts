// 康养服务导出: care visits (探访记录) without their findings (health, mental state, home safety are
// sensitive facts read one by one and audited in the API, never in bulk). Analysts get the figure columns
// only (community, date, mode); the elder and the visitor are names; the risk level is a sensitive fact,
// offered only to those who manage the area's people.
import { globalIdSql, Prisma, type ExportDatasetDefinition } from '../../src/kit/index.js';

const visits: ExportDatasetDefinition = {
  name: 'visits',
  title: '探访记录',
  description: '探访 by the visit date (filter.from/to), without findings',
  columns: [
    { id: 'id', title: '编号', type: 'STRING' },
    { id: 'community', title: '社区/村', type: 'STRING' },
    { id: 'visitedAt', title: '探访时间', type: 'DATETIME' },
    { id: 'mode', title: '方式', type: 'STRING' },
    { id: 'elder', title: '老人', type: 'STRING', personal: 'NAME' },
    { id: 'visitor', title: '探访人', type: 'STRING', personal: 'NAME' },
    { id: 'riskLevel', title: '风险等级', type: 'STRING', personal: 'SENSITIVE' },
  ],
  async rows(kit) {
    const readable = await kit.readable('v."regionPath"');
    return Prisma.sql`
      SELECT v.id AS "_key", ${globalIdSql('CareVisit', 'v.id')} AS "id", c.name AS "community", v."visitedAt",
             v.mode::text AS "mode", p.name AS "elder", v."visitorName" AS "visitor", v."riskLevel"::text AS "riskLevel"
        FROM "CareVisit" v
        JOIN "Region" c ON c.id = v."communityId"
        JOIN "Person" p ON p.id = v."personId"
       WHERE ${readable}
         ${kit.from ? Prisma.sql`AND v."visitedAt" >= ${kit.from}` : Prisma.empty}
         ${kit.to ? Prisma.sql`AND v."visitedAt" < ${kit.to}` : Prisma.empty}`;
  },
};

export const ELDER_CARE_EXPORTS: ExportDatasetDefinition[] = [visits];
