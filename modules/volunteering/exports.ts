// 志愿服务导出: service records (志愿服务记录). The volunteer's name as the API shows it: in full to those who
// manage the area's people, surname only to department staff, left out for analysts.
import { globalIdSql, Prisma, type ExportDatasetDefinition } from '../../src/kit/index.js';

const serviceRecords: ExportDatasetDefinition = {
  name: 'serviceRecords',
  title: '志愿服务记录',
  description: '服务记录 by the date the service started (filter.from/to)',
  statuses: ['SERVICE', 'TRAINING', 'AWARD'],
  // filter.status is the record kind here
  columns: [
    { id: 'id', title: '编号', type: 'STRING' },
    { id: 'community', title: '服务社区', type: 'STRING' },
    { id: 'volunteer', title: '志愿者', type: 'STRING', personal: 'NAME' },
    { id: 'volunteerNo', title: '志愿者编号', type: 'STRING', personal: 'NAME' },
    { id: 'kind', title: '类型', type: 'STRING' },
    { id: 'title', title: '服务项目', type: 'STRING' },
    { id: 'startsAt', title: '开始时间', type: 'DATETIME' },
    { id: 'endsAt', title: '结束时间', type: 'DATETIME' },
    { id: 'hours', title: '服务时长(小时)', type: 'NUMBER' },
    { id: 'organizationName', title: '组织单位', type: 'STRING' },
    { id: 'confirmedAt', title: '确认时间', type: 'DATETIME' },
  ],
  async rows(kit) {
    const readable = await kit.readable('r."regionPath"');
    return Prisma.sql`
      SELECT r.id AS "_key", ${globalIdSql('VolunteerServiceRecord', 'r.id')} AS "id",
             c.name AS "community", p.name AS "volunteer", 'ZY' || lpad(v.seq::text, 8, '0') AS "volunteerNo",
             r.kind::text AS "kind", r.title, r."startsAt", r."endsAt", r.hours, r."organizationName", r."confirmedAt"
        FROM "VolunteerServiceRecord" r
        JOIN "Volunteer" v ON v.id = r."volunteerId"
        JOIN "Person" p ON p.id = r."personId"
        JOIN "Region" c ON c.id = r."communityId"
       WHERE ${readable}
         ${kit.status ? Prisma.sql`AND r.kind::text = ${kit.status}` : Prisma.empty}
         ${kit.from ? Prisma.sql`AND r."startsAt" >= ${kit.from}` : Prisma.empty}
         ${kit.to ? Prisma.sql`AND r."startsAt" < ${kit.to}` : Prisma.empty}`;
  },
};

export const VOLUNTEERING_EXPORTS: ExportDatasetDefinition[] = [serviceRecords];
