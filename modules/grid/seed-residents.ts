// Demo: residents' voice in 北五岔镇 — 陈玉梅 (login `weijiachang-resident`, 魏家场村) reported four problems
// herself: one handled by 玛纳斯县住建局 and rated 满意, one closed by the village and reopened as 不满意, one
// answered 基本满意, one just reported (anonymous to the public). Written directly, like seed-incidents.ts.
import { randomUUID } from 'node:crypto';
import type { SeedKit } from '../../src/kit/index.js';

const H = 3_600_000;
type Step = [to: string, hours: number, who: 'resident' | 'worker' | 'admin' | 'dept', note?: string];

interface Spec {
  title: string;
  category: string;
  ageH: number;
  steps: Step[];
  rating?: { satisfaction: string; at: number; reopen?: string };
  hide?: boolean;
  lead?: boolean;
}

const SPECS: Spec[] = [
  {
    title: '村口路灯不亮，晚上出行不便',
    category: 'INFRASTRUCTURE',
    ageH: 120,
    steps: [
      ['ACCEPTED', 1, 'worker'],
      ['ESCALATED', 2, 'admin', '吹哨部门: 玛纳斯县住建局'],
      ['IN_PROGRESS', 3, 'dept'],
      ['RESOLVED', 20, 'dept', '已更换灯具'],
      ['CLOSED', 30, 'worker'],
    ],
    rating: { satisfaction: 'SATISFIED', at: 26 },
    lead: true,
  },
  {
    title: '垃圾清运不及时，堆在路边',
    category: 'ENVIRONMENT',
    ageH: 80,
    steps: [
      ['ACCEPTED', 1, 'worker'],
      ['CLOSED', 10, 'worker', '已协调清运'],
      ['ACCEPTED', 40, 'resident', '居民回访不满意，重新办理: 第二天又堆满了'],
    ],
    rating: { satisfaction: 'DISSATISFIED', at: 40, reopen: '第二天又堆满了' },
  },
  {
    title: '冬季取暖补贴怎么申请',
    category: 'LIVELIHOOD',
    ageH: 60,
    steps: [
      ['ACCEPTED', 0.5, 'worker'],
      ['CLOSED', 5, 'worker', '已上门讲解申请流程'],
    ],
    rating: { satisfaction: 'BASICALLY_SATISFIED', at: 8 },
  },
  { title: '自来水压力小，二楼没水', category: 'INFRASTRUCTURE', ageH: 1, steps: [], hide: true },
];

export async function seedResidentReports(kit: SeedKit, grid: { id: string; communityId: string; regionPath: string }) {
  const p = kit.prisma;
  const person = await kit.person('陈玉梅');
  const template = await kit.account('resident-he');
  const resident = await p.account.create({
    data: {
      username: 'weijiachang-resident',
      passwordHash: template.passwordHash,
      role: 'RESIDENT',
      regionId: grid.communityId,
      regionPath: grid.regionPath,
      personId: person.id,
    },
  });
  const [worker, admin, dept] = await Promise.all(
    ['weijiachang-worker', 'beiwucha-admin', 'manas-emergency'].map((u) => kit.account(u)),
  );
  const housing = await kit.organization('玛纳斯县住建局');
  const actors = { resident, worker, admin, dept };
  for (const s of SPECS) {
    const id = randomUUID();
    const reportedAt = new Date(kit.now.getTime() - s.ageH * H);
    const at = (h: number) => new Date(reportedAt.getTime() + h * H);
    const status = s.steps.at(-1)?.[0] ?? 'REPORTED';
    const accepted = s.steps.find((x) => x[0] === 'ACCEPTED');
    const resolveH = s.category === 'INFRASTRUCTURE' ? 24 : 168;
    const resolveDueAt = accepted ? at(accepted[1] + resolveH) : null; // from acceptance, never restarted
    const resolved = s.steps.find((x) => x[0] === 'RESOLVED' || x[0] === 'CLOSED');
    const reopened = !!s.rating?.reopen;
    const closed = status === 'CLOSED';
    const deadline = status === 'REPORTED' ? at(2) : closed ? null : resolveDueAt;
    await p.incident.create({
      data: {
        id,
        gridId: grid.id,
        communityId: grid.communityId,
        regionPath: grid.regionPath,
        channel: 'RESIDENT',
        hideReporter: !!s.hide,
        category: s.category as never,
        status: status as never,
        title: s.title,
        description: `${s.title}（演示数据 demo data）`,
        occurredAt: reportedAt,
        attachmentUrls: [],
        reporterAccountId: resident.id,
        reporterPersonId: person.id,
        residentId: person.id,
        reportedAt,
        stageStartedAt: at(s.steps.at(-1)?.[1] ?? 0),
        deadline,
        escalateAt: closed ? null : deadline,
        acceptDeadline: at(2),
        acceptedAt: accepted ? at(accepted[1]) : null,
        respondedAt: accepted ? at(accepted[1]) : null,
        resolveDueAt,
        resolvedAt: closed && resolved ? at(resolved[1]) : null,
        closedAt: closed ? at(s.steps.at(-1)![1]) : null,
        closedOnTime: closed ? !!resolveDueAt && at(resolved![1]) <= resolveDueAt : null,
        solved: closed ? true : null,
        satisfaction: (s.rating?.satisfaction as never) ?? null,
        satisfactionSource: s.rating ? 'RESIDENT' : null,
        reworkCount: reopened ? 1 : 0,
        reopenCount: reopened ? 1 : 0,
        leadDepartmentId: s.lead ? housing.id : null,
      },
    });
    let from: string | null = null;
    for (const [to, h, who, note] of [['REPORTED', 0, 'resident'] as Step, ...s.steps]) {
      await p.incidentEntry.create({
        data: {
          incidentId: id,
          regionPath: grid.regionPath,
          at: at(h),
          fromStatus: from as never,
          toStatus: to as never,
          actorAccountId: who === 'dept' ? null : actors[who].id,
          actorRole: actors[who].role,
          actorOrgId: who === 'dept' ? housing.id : null,
          note: note ?? null,
          attachmentUrls: [],
          departmentId: who === 'dept' ? housing.id : null,
        },
      });
      from = to;
    }
    if (s.lead) {
      await p.incidentDepartment.create({
        data: {
          incidentId: id,
          organizationId: housing.id,
          regionPath: grid.regionPath,
          role: 'LEAD',
          notifiedAt: at(2),
          reportInDueAt: at(4),
          reportedInAt: at(3),
        },
      });
    }
    if (s.rating) {
      await p.incidentRating.create({
        data: {
          incidentId: id,
          regionPath: grid.regionPath,
          round: 0,
          raterAccountId: resident.id,
          satisfaction: s.rating.satisfaction as never,
          reopened,
          reason: s.rating.reopen ?? null,
          createdAt: at(s.rating.at),
        },
      });
    }
    await p.residentReport.create({
      data: {
        accountId: resident.id,
        regionPath: grid.regionPath,
        category: s.category as never,
        reportedAt,
        incidentId: id,
      },
    });
  }
}
