// The incident chain's shared parts: loading for a write, checks of a new report, the timeline row and the
// creation of an incident (网格发现). The moves themselves are the lifecycle's (incident-lifecycle.ts).
import {
  AppError,
  type Checks,
  notFound,
  parseId,
  type Context,
  type Incident,
  type Prisma,
  type Viewer,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { STATUS_TERMS, type IncidentStatusName } from './enums.js';
import { addHours, policyFor } from './policy.js';

export const LEVELS = ['COMMUNITY', 'TOWNSHIP', 'COUNTY'] as const;
export type Level = (typeof LEVELS)[number];

export const term = (s: IncidentStatusName) => STATUS_TERMS[s].split(' ')[0];

export function checkAttachments(checks: Checks, urls: readonly string[] | null | undefined, path: string) {
  const list = urls ?? [];
  checks.check(list.length <= 20, path, '最多 20 个附件 (at most 20 attachments)');
  list.forEach((u, i) =>
    checks.check(/^https?:\/\/\S+$/.test(u) && u.length <= 1000, `${path}.${i}`, '应为 http(s) 地址 (an http(s) URL)'),
  );
  return [...list];
}

/**
 * loads an incident for a write: NOT_FOUND, then MODULE_DISABLED where the module is off — before the
 * caller's permission and state checks, so a switched-off township answers the same to everyone
 */
export async function loadForWrite(ctx: Context, globalId: string | number, path = 'input.incidentId') {
  const incident = await ctx.prisma.incident.findUnique({ where: { id: parseId(String(globalId), 'Incident', path) } });
  if (!incident) throw notFound('事件 incident');
  await ctx.gate.assertEnabled(MODULE, incident.regionPath);
  return incident;
}

/** the write unit of a change to an incident (or to a new one in `regionPath`) */
export const incidentWrite = <T>(ctx: Context, regionPath: string, work: (w: WriteUnit) => Promise<T>) =>
  write(ctx, { module: MODULE, regionPath }, work);

export interface TimelineInput {
  note?: string | null;
  attachmentUrls?: string[];
  departmentId?: string | null;
  kind?: 'TRANSITION' | 'SUPERVISION' | 'ASSIST';
  level?: Level | null;
}

export async function writeEntry(
  tx: Prisma.TransactionClient,
  incident: Pick<Incident, 'id' | 'regionPath'>,
  at: Date,
  actor: Viewer | null,
  from: IncidentStatusName | null,
  to: IncidentStatusName,
  t: TimelineInput = {},
) {
  return tx.incidentEntry.create({
    data: {
      incidentId: incident.id,
      regionPath: incident.regionPath,
      at,
      kind: t.kind ?? 'TRANSITION',
      fromStatus: from,
      toStatus: to,
      actorAccountId: actor?.accountId ?? null,
      actorRole: actor?.role ?? 'SYSTEM',
      actorOrgId: actor?.role === 'DEPARTMENT_STAFF' ? actor.organizationId : null,
      note: t.note?.trim() || null,
      attachmentUrls: t.attachmentUrls ?? [],
      departmentId: t.departmentId ?? null,
      level: t.level ?? null,
    },
  });
}

/** the sweep re-arms only below county level */
export const escalateAtFor = (incident: Pick<Incident, 'supervisionLevel'>, deadline: Date | null) =>
  incident.supervisionLevel === 'COUNTY' ? null : deadline;

export interface NewIncident {
  /** the grid, or (a resident's report outside a known grid) just the community: id null */
  grid: { id: string | null; communityId: string; regionPath: string };
  category: string;
  priority: string;
  title: string;
  description: string;
  latitude?: number | null;
  longitude?: number | null;
  occurredAt?: Date | null;
  attachmentUrls: string[];
  residentId?: string | null;
  householdId?: string | null;
  note?: string | null;
  channel?: 'GRID' | 'RESIDENT' | 'OPEN311';
  hideReporter?: boolean;
}

export function checkNewIncident(
  checks: Checks,
  input: { title: string; description?: string | null; occurredAt?: Date | null },
  now: Date,
  prefix = 'input',
) {
  checks
    .text(input.title, `${prefix}.title`, { max: 100 })
    .text(input.description, `${prefix}.description`, { max: 4000, required: false })
    .check(
      !input.occurredAt || input.occurredAt.getTime() <= now.getTime() + 5 * 60_000,
      `${prefix}.occurredAt`,
      '不能晚于现在 (not in the future)',
    );
  return checks;
}

/** 网格发现: creates an incident in REPORTED with its accept deadline, and its first timeline entry */
export async function createIncident(w: WriteUnit, ctx: Context, n: NewIncident) {
  const { tx, now } = w;
  const policy = await policyFor(tx, n.grid.regionPath, n.category, n.priority);
  const deadline = addHours(now, policy.acceptHours);
  const viewer = ctx.viewer;
  const incident = await tx.incident.create({
    data: {
      gridId: n.grid.id,
      communityId: n.grid.communityId,
      regionPath: n.grid.regionPath,
      category: n.category as never,
      priority: n.priority as never,
      title: n.title.trim(),
      description: n.description?.trim() ?? '',
      latitude: n.latitude ?? null,
      longitude: n.longitude ?? null,
      occurredAt: n.occurredAt ?? now,
      attachmentUrls: n.attachmentUrls,
      reporterAccountId: viewer?.accountId ?? null,
      reporterPersonId: viewer?.personId ?? null,
      residentId: n.residentId ?? null,
      householdId: n.householdId ?? null,
      channel: n.channel ?? 'GRID',
      hideReporter: n.hideReporter ?? false,
      reportedAt: now,
      stageStartedAt: now,
      deadline,
      acceptDeadline: deadline,
      escalateAt: deadline,
    },
  });
  await writeEntry(tx, incident, now, viewer, null, 'REPORTED', { note: n.note, attachmentUrls: n.attachmentUrls });
  return incident;
}

/** resident concerned and household must be real and belong to the grid's community */
export async function resolveConcerned(
  ctx: Context,
  grid: { id: string; regionPath: string },
  residentGid?: string | number | null,
  householdGid?: string | number | null,
  prefix = 'input',
) {
  let residentId: string | null = null;
  let householdId: string | null = null;
  if (residentGid != null) {
    residentId = parseId(String(residentGid), 'Person', `${prefix}.residentId`);
    const person = await ctx.prisma.person.findUnique({ where: { id: residentId }, select: { id: true } });
    if (!person) throw notFound('当事居民 person');
  }
  if (householdGid != null) {
    householdId = parseId(String(householdGid), 'Household', `${prefix}.householdId`);
    const household = await ctx.prisma.household.findUnique({ where: { id: householdId }, select: { gridId: true } });
    if (!household) throw notFound('户 household');
    if (household.gridId !== grid.id)
      throw new AppError('VALIDATION', `${prefix}.householdId: 该户不在此网格 (household is not in this grid)`);
  }
  return { residentId, householdId };
}
