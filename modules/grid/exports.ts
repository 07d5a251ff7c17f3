// 网格事件导出: incidents. Who gets which rows follows incidentVisibility: department staff only the
// incidents escalated to their organisation; the others every incident of their area. The resident
// concerned and the reporter are names (in full to managers, surname only to department staff, left out for
// analysts); descriptions and coordinates are not exported (free text and places can identify people).
import { globalIdSql, Prisma, type ExportDatasetDefinition } from '../../src/kit/index.js';

const incidents: ExportDatasetDefinition = {
  name: 'incidents',
  title: '网格事件清单',
  description: '事件 by the time reported (filter.from/to), filter.status the incident status',
  statuses: ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'],
  roles: ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'DEPARTMENT_STAFF', 'ANALYST'],
  columns: [
    { id: 'id', title: '编号', type: 'STRING' },
    { id: 'community', title: '社区/村', type: 'STRING' },
    { id: 'grid', title: '网格', type: 'STRING' },
    { id: 'category', title: '类别', type: 'STRING' },
    { id: 'priority', title: '紧急程度', type: 'STRING' },
    { id: 'status', title: '状态', type: 'STRING' },
    { id: 'title', title: '事件', type: 'STRING' },
    { id: 'channel', title: '来源渠道', type: 'STRING' },
    { id: 'reportedAt', title: '上报时间', type: 'DATETIME' },
    { id: 'resolveDueAt', title: '办结时限', type: 'DATETIME' },
    { id: 'closedAt', title: '办结时间', type: 'DATETIME' },
    { id: 'closedOnTime', title: '按期办结', type: 'BOOLEAN' },
    { id: 'satisfaction', title: '满意度', type: 'STRING' },
    { id: 'resident', title: '当事居民', type: 'STRING', personal: 'NAME' },
  ],
  async rows(kit) {
    const readable = await kit.readable('i."regionPath"');
    const org = kit.viewer.organizationId;
    const department =
      kit.viewer.role === 'DEPARTMENT_STAFF'
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM "IncidentDepartment" d
                                  WHERE d."incidentId" = i.id AND d."organizationId" = ${org ?? ''})`
        : Prisma.empty;
    return Prisma.sql`
      SELECT i.id AS "_key", ${globalIdSql('Incident', 'i.id')} AS "id", c.name AS "community", g.name AS "grid",
             i.category::text AS "category", i.priority::text AS "priority", i.status::text AS "status", i.title,
             i.channel::text AS "channel", i."reportedAt", i."resolveDueAt", i."closedAt", i."closedOnTime",
             i.satisfaction::text AS "satisfaction", p.name AS "resident"
        FROM "Incident" i
        JOIN "Region" c ON c.id = i."communityId"
        LEFT JOIN "Grid" g ON g.id = i."gridId"
        LEFT JOIN "Person" p ON p.id = i."residentId"
       WHERE ${readable} ${department}
         ${kit.status ? Prisma.sql`AND i.status::text = ${kit.status}` : Prisma.empty}
         ${kit.from ? Prisma.sql`AND i."reportedAt" >= ${kit.from}` : Prisma.empty}
         ${kit.to ? Prisma.sql`AND i."reportedAt" < ${kit.to}` : Prisma.empty}`;
  },
};

export const GRID_EXPORTS: ExportDatasetDefinition[] = [incidents];
