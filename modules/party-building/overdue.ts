// 逾期事项 PartyOrganization.overdueItems: talks not held within a month, activists not assessed for 6
// months, admissions not approved within 3 months, probations ended without a decision (checked on read).
import { mapLoader, type Builder, type Context } from '../../src/kit/index.js';
import type { PartyEnums } from './enums.js';
import { managesRoll } from './memberships.js';
import { addMonths, APPROVAL_WITHIN_MONTHS, ASSESSMENT_EVERY_MONTHS, chinaDate, TALK_WITHIN_MONTHS } from './rules.js';

export function registerOverdue(builder: Builder, enums: PartyEnums) {
  interface Overdue {
    kind: string;
    membershipId: string;
    dueOn: Date;
    message: string;
  }
  const OverdueRef = builder.objectRef<Overdue>('DevelopmentOverdueItem').implement({
    description: '逾期事项 a development step that is late',
    fields: (t) => ({
      kind: t.field({ type: enums.OverdueKind, resolve: (o) => o.kind as never }),
      dueOn: t.field({ type: 'Date', description: '应完成日期', resolve: (o) => o.dueOn }),
      message: t.exposeString('message'),
      membership: t.prismaField({
        type: 'PartyMembership',
        resolve: (q, o, _a, ctx) =>
          ctx.prisma.partyMembership.findUniqueOrThrow({ ...q, where: { id: o.membershipId } }),
      }),
    }),
  });

  builder.prismaObjectField('PartyOrganization', 'overdueItems', (t) =>
    t.field({
      maxItems: 300,
      type: [OverdueRef],
      description:
        '逾期事项: talks not held within a month, activists not assessed for 6 months, admissions not ' +
        'approved within 3 months, probations ended without a decision',
      authScopes: (org, _a, ctx) => managesRoll(org, ctx),
      resolve: (org, _a, ctx) => overdueLoader(ctx).load(org.id),
    }),
  );

  const overdueLoader = (ctx: Context) =>
    mapLoader<Overdue[]>(
      ctx,
      'party-building.overdue',
      async (ids) => {
        const today = chinaDate(ctx.clock.now());
        const rows = await ctx.prisma.partyMembership.findMany({
          where: {
            organizationId: { in: [...ids] },
            status: 'ACTIVE',
            stage: { in: ['APPLICANT', 'ACTIVIST', 'PROBATIONARY'] },
          },
          select: {
            id: true,
            organizationId: true,
            stage: true,
            appliedAt: true,
            activistAt: true,
            admittedAt: true,
            approvedAt: true,
            probationEndsAt: true,
            steps: { where: { kind: { in: ['TALK', 'ASSESSMENT'] } }, select: { kind: true, at: true } },
          },
          orderBy: { appliedAt: 'asc' },
        });
        const map = new Map<string, Overdue[]>();
        const push = (orgId: string, o: Overdue) => map.set(orgId, [...(map.get(orgId) ?? []), o]);
        for (const m of rows) {
          if (m.stage === 'APPLICANT' && !m.steps.some((s) => s.kind === 'TALK')) {
            const due = addMonths(m.appliedAt, TALK_WITHIN_MONTHS);
            if (due < today)
              push(m.organizationId, {
                kind: 'TALK',
                membershipId: m.id,
                dueOn: due,
                message: '递交申请后一个月内应派人谈话 (talk within one month of the application)',
              });
          }
          if (m.stage === 'ACTIVIST' && m.activistAt) {
            const last = m.steps
              .filter((s) => s.kind === 'ASSESSMENT')
              .reduce((d, s) => (s.at > d ? s.at : d), m.activistAt);
            const due = addMonths(last, ASSESSMENT_EVERY_MONTHS);
            if (due < today)
              push(m.organizationId, {
                kind: 'ASSESSMENT',
                membershipId: m.id,
                dueOn: due,
                message: '入党积极分子每半年考察一次 (assess every 6 months)',
              });
          }
          if (m.stage === 'PROBATIONARY' && m.admittedAt && !m.approvedAt) {
            const due = addMonths(m.admittedAt, APPROVAL_WITHIN_MONTHS);
            if (due < today)
              push(m.organizationId, {
                kind: 'APPROVAL',
                membershipId: m.id,
                dueOn: due,
                message: '上级党委应在三个月内审批 (the committee above approves within 3 months)',
              });
          }
          if (m.stage === 'PROBATIONARY' && m.probationEndsAt && m.probationEndsAt < today) {
            push(m.organizationId, {
              kind: 'PROBATION_REVIEW',
              membershipId: m.id,
              dueOn: m.probationEndsAt,
              message: '预备期满应及时讨论转正 (probation has ended: decide)',
            });
          }
        }
        return map;
      },
      [],
    );
}
