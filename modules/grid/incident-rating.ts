// 回访 by the resident: rateIncidentHandling. After a resolution (RESOLVED, or CLOSED after it) the reporter
// — or the resident concerned — rates it 满意/基本满意/不满意, once per resolution (an IncidentRating row
// unique on (incident, round = reworkCount): two racing ratings give one winner). A dissatisfied resident may
// reopen within `reopenWithinDays` of the resolution: a rework with the reason that keeps the original
// deadline (RESOLVED → IN_PROGRESS; CLOSED → IN_PROGRESS with a lead department, else → ACCEPTED).
import {
  AppError,
  Checks,
  conflict,
  forbidden,
  invalidTransition,
  isUniqueViolation,
  payloadType,
  type Builder,
  type Context,
  type Incident,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { MODULE, requireViewer } from './access.js';
import type { GridEnums } from './enums.js';
import { keptResolveDue, reworkMove } from './incident-deadlines.js';
import { moveIncident } from './incident-lifecycle.js';
import { escalateAtFor, loadForWrite } from './incident-service.js';

const DAY = 24 * 3_600_000;

/** the reporter, or the resident concerned, of the incident (residents and party members only) */
export const isRater = (ctx: Context, i: Incident) => {
  const v = ctx.viewer;
  return (
    !!v &&
    ['RESIDENT', 'PARTY_MEMBER'].includes(v.role) &&
    (i.reporterAccountId === v.accountId || (!!v.personId && i.residentId === v.personId))
  );
};

/** 重新办理: back into the chain with the reason, the original resolution deadline kept */
async function reopen(w: WriteUnit, ctx: Context, i: Incident, reason: string, rated: Record<string, unknown>) {
  const note = `居民回访不满意，重新办理: ${reason}`;
  if (i.status === 'RESOLVED') return reworkMove(w, ctx, i, { note }, { ...rated, reopenCount: { increment: 1 } });
  const due = await keptResolveDue(w, i);
  const data = {
    ...rated,
    reworkCount: { increment: 1 },
    reopenCount: { increment: 1 },
    resolvedAt: null,
    closedAt: null,
    closedOnTime: null,
    solved: null,
    deadline: due,
    escalateAt: escalateAtFor(i, due),
  };
  return moveIncident(w, ctx, i, i.leadDepartmentId ? 'REOPEN' : 'REOPEN_LOCAL', data, {
    note,
    departmentId: i.leadDepartmentId,
  });
}

async function rate(w: WriteUnit, ctx: Context, i: Incident, input: RateInput) {
  try {
    await w.tx.incidentRating.create({
      data: {
        incidentId: i.id,
        regionPath: i.regionPath,
        round: i.reworkCount,
        raterAccountId: ctx.viewer!.accountId,
        satisfaction: input.satisfaction,
        reopened: !!input.reopen,
        reason: input.reason?.trim() || null,
        createdAt: w.now,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('本次办理结果已评价过 (this resolution was already rated)');
    throw e;
  }
  const rated = { satisfaction: input.satisfaction, satisfactionSource: 'RESIDENT' as const };
  await w.audit({
    action: 'incident.rate',
    entityType: 'Incident',
    entityId: i.id,
    data: { satisfaction: input.satisfaction, reopen: !!input.reopen, round: i.reworkCount },
  });
  if (input.reopen) return reopen(w, ctx, i, input.reason!.trim(), rated);
  const [row] = await w.tx.incident.updateManyAndReturn({
    where: { id: i.id, version: i.version, status: i.status },
    data: { ...rated, version: { increment: 1 } },
  });
  if (!row) throw conflict('事件刚被他人更改，请刷新后重试 (changed meanwhile)');
  return row;
}

interface RateInput {
  incidentId: string | number;
  satisfaction: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';
  reopen?: boolean | null;
  reason?: string | null;
}

export function registerRating(builder: Builder, E: GridEnums) {
  const Input = builder.inputType('RateIncidentHandlingInput', {
    description: '回访评价: the resident rates a resolution, and may reopen it when dissatisfied',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      satisfaction: t.field({ type: E.IncidentSatisfaction, required: true, description: '满意/基本满意/不满意' }),
      reopen: t.boolean({ required: false, description: '重新办理 (only when DISSATISFIED, within reopenWithinDays)' }),
      reason: t.string({ required: false, description: '理由 (required to reopen)' }),
    }),
  });
  builder.mutationField('rateIncidentHandling', (t) =>
    t.field({
      policy: {
        roles: ['RESIDENT', 'PARTY_MEMBER'],
        scope: { record: 'Incident', id: 'input.incidentId' },
        relation: 'the resident who reported it, or the resident concerned',
      },
      description:
        '回访 by the resident: rate the handling after RESOLVED (once per resolution); a dissatisfied resident ' +
        'may reopen within reopenWithinDays (a rework with the reason; the original deadline is kept)',
      type: payloadType(builder, 'RateIncidentHandlingPayload', 'incident', 'Incident'),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const reopening = !!input.reopen;
        new Checks()
          .text(input.reason, 'input.reason', { min: 2, max: 500, required: reopening })
          .check(
            !reopening || input.satisfaction === 'DISSATISFIED',
            'input.reopen',
            '仅在不满意时可重新办理 (reopen only when DISSATISFIED)',
          )
          .throwIfAny();
        requireViewer(ctx);
        const incident = await loadForWrite(ctx, input.incidentId);
        if (!isRater(ctx, incident)) throw forbidden('只有上报居民或当事居民可以评价 (the reporting resident only)');
        if (!['RESOLVED', 'CLOSED'].includes(incident.status) || !incident.resolvedAt)
          throw invalidTransition('办理结果反馈后才能评价 (rate after the resolution: RESOLVED or CLOSED)');
        const days = (await ctx.settings.get(MODULE, 'reopenWithinDays', incident.regionPath)) as number;
        if (reopening && ctx.clock.now().getTime() > incident.resolvedAt.getTime() + days * DAY)
          throw new AppError('PRECONDITION_FAILED', `办结 ${days} 天后不能重新办理 (reopen within ${days} days)`, {
            missing: ['REOPEN_WINDOW'],
          });
        const updated = await write(ctx, { module: MODULE, regionPath: incident.regionPath }, (w) =>
          rate(w, ctx, incident, input),
        );
        return { incident: updated };
      },
    }),
  );
}
