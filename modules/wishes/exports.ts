// 微心愿导出: the wish list (names as the API shows them: in full to those who manage the community's people,
// surname only to department staff, left out for analysts) and a community × month figures table.
import { figureTable, globalIdSql, Prisma, type ExportDatasetDefinition } from '../../src/kit/index.js';
import { WISH_FIGURES } from './figures.js';
import { STATUS_LABELS } from './model.js';

const wishList: ExportDatasetDefinition = {
  name: 'wishes',
  title: '微心愿清单',
  description: '心愿列表 (the rows of Query.wishes for the same region, status and submission period)',
  statuses: Object.keys(STATUS_LABELS),
  columns: [
    { id: 'id', title: '编号', type: 'STRING' },
    { id: 'community', title: '社区/村', type: 'STRING' },
    { id: 'title', title: '心愿', type: 'STRING' },
    { id: 'category', title: '类别', type: 'STRING' },
    { id: 'status', title: '状态', type: 'STRING' },
    { id: 'estimatedValue', title: '预估价值(元)', type: 'NUMBER' },
    { id: 'submittedAt', title: '提交时间', type: 'DATETIME' },
    { id: 'requester', title: '许愿人', type: 'STRING', personal: 'NAME' },
    { id: 'claimant', title: '认领人', type: 'STRING', personal: 'NAME' },
    { id: 'organization', title: '认领单位', type: 'STRING' },
    { id: 'fulfilledAt', title: '兑现时间', type: 'DATETIME' },
    { id: 'rating', title: '评价', type: 'NUMBER' },
  ],
  // readers (the default roles) see every wish of their area, as in visibleWishesWhere
  async rows(kit) {
    const readable = await kit.readable('w."regionPath"');
    return Prisma.sql`
      SELECT w.id AS "_key", ${globalIdSql('Wish', 'w.id')} AS "id", c.name AS "community",
             w.title, w.category::text AS "category", w.status::text AS "status", w."estimatedValue",
             w."submittedAt", rq.name AS "requester", cl.name AS "claimant", o.name AS "organization",
             w."fulfilledAt", w.rating
        FROM "Wish" w
        JOIN "Region" c ON c.id = w."communityId"
        JOIN "Person" rq ON rq.id = w."requesterId"
        LEFT JOIN "Person" cl ON cl.id = w."claimantId"
        LEFT JOIN "Organization" o ON o.id = w."organizationId"
       WHERE ${readable}
         ${kit.status ? Prisma.sql`AND w.status::text = ${kit.status}` : Prisma.empty}
         ${kit.from ? Prisma.sql`AND w."submittedAt" >= ${kit.from}` : Prisma.empty}
         ${kit.to ? Prisma.sql`AND w."submittedAt" < ${kit.to}` : Prisma.empty}`;
  },
};

export const WISH_EXPORTS: ExportDatasetDefinition[] = [
  wishList,
  figureTable('monthly', '微心愿月度指标', WISH_FIGURES, [
    'submitted',
    'published',
    'claimed',
    'fulfilled',
    'confirmed',
  ]),
];
