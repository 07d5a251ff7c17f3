// Demo incidents in every status, each with the timeline its steps would have written, and the
// departments they were escalated to. Written directly: a seed has no request, so no write unit.
import { randomUUID } from 'node:crypto';
import type { SeedKit } from '../../src/kit/index.js';

const HOUR = 3_600_000;

type Step = [
  status: string,
  hoursAfterReport: number,
  actor: 'grid' | 'worker' | 'admin' | 'dept' | 'system',
  note?: string,
];

export async function seedIncidents(
  kit: SeedKit,
  g1: { id: string; communityId: string; regionPath: string },
  g2: typeof g1,
  reporterPersonId: string,
  reporterAccountId: string,
  residentId: string,
) {
  const p = kit.prisma;
  const [worker, admin, dept] = await Promise.all([
    kit.account('weijiachang-worker'),
    kit.account('beiwucha-admin'),
    kit.account('manas-emergency'),
  ]);
  const emergency = await kit.organization('玛纳斯县应急管理局');
  const housing = await kit.organization('玛纳斯县住建局');
  const actors = { grid: reporterAccountId, worker: worker.id, admin: admin.id, dept: dept.id, system: null };
  const roles = {
    grid: 'COMMUNITY_WORKER',
    worker: 'COMMUNITY_WORKER',
    admin: 'REGION_ADMIN',
    dept: 'DEPARTMENT_STAFF',
    system: 'SYSTEM',
  };
  const H = HOUR;
  const specs: {
    title: string;
    category: string;
    priority: string;
    ageH: number;
    steps: Step[];
    grid: typeof g1;
    extra?: Record<string, unknown>;
  }[] = [
    { title: '村道路灯损坏', category: 'INFRASTRUCTURE', priority: 'NORMAL', ageH: 1, steps: [], grid: g1 },
    { title: '液化气罐存放在厨房灶台旁', category: 'SAFETY_HAZARD', priority: 'URGENT', ageH: 5, steps: [], grid: g2 },
    {
      title: '邻里宅基地边界纠纷',
      category: 'DISPUTE',
      priority: 'NORMAL',
      ageH: 30,
      steps: [['ACCEPTED', 1, 'worker']],
      grid: g1,
      extra: { complex: true },
    },
    {
      title: '垃圾清运点满溢',
      category: 'ENVIRONMENT',
      priority: 'NORMAL',
      ageH: 10,
      steps: [['ACCEPTED', 1.5, 'worker']],
      grid: g2,
    },
    {
      title: '灌溉渠护栏缺失',
      category: 'SAFETY_HAZARD',
      priority: 'NORMAL',
      ageH: 50,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 20, 'admin', '吹哨: 玛纳斯县应急管理局'],
      ],
      grid: g1,
      extra: { depts: [emergency.id] },
    },
    {
      title: '危房屋顶开裂',
      category: 'INFRASTRUCTURE',
      priority: 'NORMAL',
      ageH: 26,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 24, 'admin', '吹哨: 玛纳斯县住建局'],
      ],
      grid: g2,
      extra: { depts: [housing.id] },
    },
    {
      title: '农机具占道停放',
      category: 'PUBLIC_ORDER',
      priority: 'NORMAL',
      ageH: 80,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 5, 'admin'],
        ['IN_PROGRESS', 6, 'dept'],
      ],
      grid: g1,
      extra: { depts: [emergency.id], lead: emergency.id },
    },
    {
      title: '取暖炉烟道未安装',
      category: 'SAFETY_HAZARD',
      priority: 'URGENT',
      ageH: 3,
      steps: [
        ['ACCEPTED', 0.5, 'worker'],
        ['ESCALATED', 0.8, 'admin'],
        ['IN_PROGRESS', 1.2, 'dept'],
      ],
      grid: g2,
      extra: { depts: [emergency.id], lead: emergency.id },
    },
    {
      title: '电动车楼道充电',
      category: 'SAFETY_HAZARD',
      priority: 'NORMAL',
      ageH: 100,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 8, 'admin'],
        ['IN_PROGRESS', 9, 'dept'],
        ['RESOLVED', 60, 'dept', '已清理并张贴告知'],
      ],
      grid: g1,
      extra: { depts: [emergency.id], lead: emergency.id },
    },
    {
      title: '村委会旁井盖缺失',
      category: 'INFRASTRUCTURE',
      priority: 'NORMAL',
      ageH: 40,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 3, 'admin'],
        ['IN_PROGRESS', 4, 'dept'],
        ['RESOLVED', 20, 'dept'],
      ],
      grid: g2,
      extra: { depts: [housing.id], lead: housing.id },
    },
    {
      title: '独居老人取暖困难',
      category: 'LIVELIHOOD',
      priority: 'NORMAL',
      ageH: 300,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['CLOSED', 30, 'worker', '村里协调送煤到户'],
      ],
      grid: g1,
      extra: { resident: residentId, satisfaction: 'SATISFIED' },
    },
    {
      title: '废弃农膜焚烧',
      category: 'ENVIRONMENT',
      priority: 'NORMAL',
      ageH: 400,
      steps: [
        ['ACCEPTED', 1, 'worker'],
        ['ESCALATED', 6, 'admin'],
        ['IN_PROGRESS', 7, 'dept'],
        ['RESOLVED', 50, 'dept'],
        ['IN_PROGRESS', 60, 'worker', '返工: 仍有焚烧痕迹'],
        ['RESOLVED', 90, 'dept'],
        ['CLOSED', 100, 'worker'],
      ],
      grid: g2,
      extra: { depts: [emergency.id], lead: emergency.id, rework: 1, satisfaction: 'BASICALLY_SATISFIED' },
    },
    {
      title: '彩钢房违规用电',
      category: 'SAFETY_HAZARD',
      priority: 'NORMAL',
      ageH: 500,
      steps: [
        ['ACCEPTED', 3, 'worker'],
        ['ESCALATED', 30, 'admin'],
        ['IN_PROGRESS', 40, 'dept'],
        ['RESOLVED', 250, 'dept'],
        ['CLOSED', 260, 'admin'],
      ],
      grid: g1,
      extra: { depts: [emergency.id], lead: emergency.id, satisfaction: 'DISSATISFIED' },
    },
    {
      title: '重复上报: 村道路灯',
      category: 'INFRASTRUCTURE',
      priority: 'NORMAL',
      ageH: 0.5,
      steps: [['REJECTED', 0.2, 'worker', '重复事件']],
      grid: g1,
    },
  ];
  for (const s of specs) {
    const id = randomUUID();
    const reportedAt = new Date(kit.now.getTime() - s.ageH * H);
    const at = (h: number) => new Date(reportedAt.getTime() + h * H);
    const acceptH = s.priority === 'URGENT' ? 2 : 2;
    const resolveH = s.priority === 'URGENT' ? 2 : s.category === 'INFRASTRUCTURE' ? 24 : s.extra?.complex ? 360 : 168;
    const last = s.steps[s.steps.length - 1];
    const status = last?.[0] ?? 'REPORTED';
    const accepted = s.steps.find((x) => x[0] === 'ACCEPTED');
    const inProgress = [...s.steps].reverse().find((x) => x[0] === 'IN_PROGRESS');
    const resolved = [...s.steps].reverse().find((x) => x[0] === 'RESOLVED');
    const closed = s.steps.find((x) => x[0] === 'CLOSED');
    // the resolution deadline runs from acceptance: reporting in and rework keep it (incident-deadlines.ts)
    const resolveStart = accepted ?? inProgress;
    const resolveDueAt = resolveStart ? at(resolveStart[1] + resolveH) : null;
    const stageStart = last ? at(last[1]) : reportedAt;
    const deadline =
      status === 'REPORTED'
        ? at(acceptH)
        : status === 'ACCEPTED' || status === 'IN_PROGRESS'
          ? resolveDueAt
          : status === 'ESCALATED'
            ? at(last![1] + 2)
            : status === 'RESOLVED'
              ? at(last![1] + 72)
              : null;
    const resolvedAt = resolved ? at(resolved[1]) : closed ? at(closed[1]) : null;
    await p.incident.create({
      data: {
        id,
        gridId: s.grid.id,
        communityId: s.grid.communityId,
        regionPath: s.grid.regionPath,
        category: s.category as never,
        priority: s.priority as never,
        status: status as never,
        title: s.title,
        description: `${s.title}（演示数据 demo data）`,
        occurredAt: reportedAt,
        attachmentUrls: [],
        reporterAccountId,
        reporterPersonId,
        residentId: (s.extra?.resident as string) ?? null,
        reportedAt,
        stageStartedAt: stageStart,
        deadline,
        acceptDeadline: at(acceptH),
        escalateAt: ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS'].includes(status) ? deadline : null,
        acceptedAt: accepted ? at(accepted[1]) : null,
        respondedAt: s.steps[0] ? at(s.steps[0][1]) : null,
        resolveDueAt,
        resolvedAt: status === 'RESOLVED' || status === 'CLOSED' ? resolvedAt : null,
        closedAt: closed ? at(closed[1]) : null,
        closedOnTime: closed ? !!resolveDueAt && resolvedAt!.getTime() <= resolveDueAt.getTime() : null,
        satisfaction: (s.extra?.satisfaction as never) ?? null,
        solved: closed ? s.extra?.satisfaction !== 'DISSATISFIED' : null,
        complex: !!s.extra?.complex,
        reworkCount: (s.extra?.rework as number) ?? 0,
        leadDepartmentId: (s.extra?.lead as string) ?? null,
      },
    });
    let from: string | null = null;
    const entries = [['REPORTED', 0, 'grid'] as Step, ...s.steps].map(([to, h, who, note]) => {
      const e = {
        incidentId: id,
        regionPath: s.grid.regionPath,
        at: at(h),
        fromStatus: from as never,
        toStatus: to as never,
        actorAccountId: who === 'dept' && s.extra?.lead !== emergency.id ? null : actors[who],
        actorRole: roles[who],
        actorOrgId: who === 'dept' ? ((s.extra?.lead as string) ?? emergency.id) : null,
        note: note ?? null,
        attachmentUrls: [],
      };
      from = to;
      return e;
    });
    for (const e of entries) await p.incidentEntry.create({ data: e }); // one by one: seq follows the steps
    const depts = (s.extra?.depts as string[]) ?? [];
    const escalated = s.steps.find((x) => x[0] === 'ESCALATED');
    if (depts.length && escalated) {
      await p.incidentDepartment.createMany({
        data: depts.map((organizationId) => ({
          incidentId: id,
          organizationId,
          regionPath: s.grid.regionPath,
          notifiedAt: at(escalated[1]),
          reportInDueAt: at(escalated[1] + 2),
          role: organizationId === s.extra?.lead ? ('LEAD' as const) : ('NOTIFIED' as const),
          reportedInAt:
            organizationId === s.extra?.lead && inProgress ? at(s.steps.find((x) => x[0] === 'IN_PROGRESS')![1]) : null,
        })),
      });
    }
  }
}
