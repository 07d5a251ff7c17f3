// 志愿服务证明: issued free over a period from the verified records, with a unique serial; the row is
// immutable (a database trigger refuses UPDATE/DELETE) and anyone may verify a serial publicly.
import { randomInt } from 'node:crypto';
import {
  AppError,
  canSeePerson,
  Checks,
  forbidden,
  guardNode,
  isUniqueViolation,
  managesPeopleAt,
  maskName,
  notFound,
  parseId,
  payloadType,
  PUBLIC_SUB_GRAPH,
  SELF_OR_MANAGERS,
  type Builder,
  type Context,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { DEFAULT_STAR_THRESHOLDS, hoursOf, starLevelOf } from './hours.js';
import { loaders, viewerName } from './loaders.js';
import { displayName, MODULE, SG } from './shared.js';
import { volunteerNumber } from './volunteer.js';

type CertificateRow = Prisma.VolunteerCertificateGetPayload<object>;

export interface CertificateEntry {
  kind: string;
  title: string;
  content: string;
  place: string | null;
  startsAt: string;
  endsAt: string;
  hours: number;
  organizationName: string;
  confirmedByName: string;
  version: number;
}
export interface CertificateSnapshot {
  volunteer: { name: string; volunteerNumber: string; registeredAt: string };
  period: { from: string; to: string };
  totals: { serviceHours: number; records: number; cumulativeHours: number; starLevel: number };
  issuer: { name: string; issuedBy: string };
  records: CertificateEntry[];
}

const snap = (c: CertificateRow) => c.snapshot as unknown as CertificateSnapshot;

/** ZYZM-<year>-<10 characters of Crockford base32>, about 50 random bits */
function newSerial(now: Date) {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let s = '';
  for (let i = 0; i < 10; i++) s += alphabet[randomInt(alphabet.length)];
  return `ZYZM-${new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()}-${s}`;
}

const entitled = (ctx: Context, c: { personId: string; regionPath: string }) =>
  ctx.viewer?.personId === c.personId || managesPeopleAt(ctx.viewer, c.regionPath);

export function registerCertificates(builder: Builder) {
  const Entry = builder.objectRef<CertificateEntry>('VolunteerCertificateEntry').implement({
    description: '证明所列记录 one record as it stood at issue',
    fields: (t) => ({
      kind: t.exposeString('kind'),
      title: t.exposeString('title'),
      content: t.exposeString('content'),
      place: t.exposeString('place', { nullable: true }),
      startsAt: t.field({ type: 'DateTime', resolve: (e) => e.startsAt }),
      endsAt: t.field({ type: 'DateTime', resolve: (e) => e.endsAt }),
      hours: t.exposeFloat('hours'),
      organizationName: t.exposeString('organizationName', { description: '组织单位' }),
      confirmedByName: t.exposeString('confirmedByName', { description: '记录人' }),
      version: t.exposeInt('version'),
    }),
  });

  builder.prismaNode('VolunteerCertificate', {
    description: '志愿服务证明 (free, never changes after issue; verify with verifyVolunteerCertificate)',
    id: { field: 'id' },
    fields: (t) => ({
      serial: t.exposeString('serial', { description: '证明编号' }),
      issuedAt: t.field({ type: 'DateTime', description: '出具日期', resolve: (c) => c.issuedAt }),
      issuerName: t.exposeString('issuerName', { description: '出具单位' }),
      periodFrom: t.field({ type: 'DateTime', description: '证明期间 起', resolve: (c) => c.periodFrom }),
      periodTo: t.field({ type: 'DateTime', description: '证明期间 止 (exclusive)', resolve: (c) => c.periodTo }),
      volunteerName: t.string({
        description: '志愿者姓名 (masked unless it is yours or you manage the community)',
        resolve: (c, _a, ctx) => displayName(snap(c).volunteer.name, entitled(ctx, c)),
      }),
      volunteerNumber: t.string({ description: '志愿者编号', resolve: (c) => snap(c).volunteer.volunteerNumber }),
      totalHours: t.float({ description: '期间服务时长(小时)', resolve: (c) => hoursOf(c.totalHours) }),
      recordCount: t.exposeInt('recordCount', { description: '记录条数' }),
      cumulativeHours: t.float({ description: '出具时累计时长', resolve: (c) => snap(c).totals.cumulativeHours }),
      starLevel: t.int({ description: '出具时星级', resolve: (c) => snap(c).totals.starLevel }),
      entries: t.field({
        maxItems: 500,
        type: [Entry],
        description: '所列记录 (only for the volunteer and those who manage the community)',
        resolve: (c, _a, ctx) => (entitled(ctx, c) ? snap(c).records : []),
      }),
    }),
  });
  guardNode(builder, 'VolunteerCertificate', async (c: CertificateRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, c.regionPath);
    return entitled(ctx, c);
  });

  // verification is public without X-Township too (PUBLIC_SUB_GRAPH); the switch is checked per certificate
  const Check = builder.objectRef<CertificateRow>('VolunteerCertificateCheck').implement({
    subGraphs: [...SG, PUBLIC_SUB_GRAPH],
    description: '证明核验结果: no personal information beyond the masked name and the totals',
    fields: (t) => ({
      serial: t.exposeString('serial', { description: '证明编号' }),
      valid: t.boolean({ description: '真实有效 (issued by this platform, unchanged since)', resolve: () => true }),
      maskedName: t.exposeString('maskedName', { description: '姓名(脱敏) e.g. 蒲*' }),
      issuedAt: t.field({ type: 'DateTime', description: '出具日期', resolve: (c) => c.issuedAt }),
      issuerName: t.exposeString('issuerName', { description: '出具单位' }),
      periodFrom: t.field({ type: 'DateTime', resolve: (c) => c.periodFrom }),
      periodTo: t.field({ type: 'DateTime', resolve: (c) => c.periodTo }),
      totalHours: t.float({ description: '期间服务时长(小时)', resolve: (c) => hoursOf(c.totalHours) }),
      recordCount: t.exposeInt('recordCount', { description: '记录条数' }),
    }),
  });

  builder.queryField('verifyVolunteerCertificate', (t) =>
    t.field({
      subGraphs: [...SG, PUBLIC_SUB_GRAPH],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '核验志愿服务证明 by serial (public, no login): null when no such certificate',
      type: Check,
      nullable: true,
      args: { serial: t.arg.string({ required: true }) },
      resolve: async (_r, args, ctx) => {
        const serial = args.serial.trim().toUpperCase();
        if (!/^ZYZM-\d{4}-[0-9A-Z]{10}$/.test(serial)) return null;
        const c = await ctx.prisma.volunteerCertificate.findUnique({ where: { serial } });
        if (!c) return null;
        await ctx.gate.assertEnabled(MODULE, c.regionPath);
        return c;
      },
    }),
  );

  const IssueInput = builder.inputType('IssueVolunteerCertificateInput', {
    fields: (t) => ({
      personId: t.id({ required: true, description: '志愿者 (yourself, or a volunteer you manage)' }),
      from: t.field({ type: 'DateTime', required: true, description: '期间 起 (inclusive)' }),
      to: t.field({ type: 'DateTime', required: true, description: '期间 止 (exclusive)' }),
    }),
  });

  builder.mutationField('issueVolunteerCertificate', (t) =>
    t.field({
      policy: {
        roles: SELF_OR_MANAGERS,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'a member or resident for themself only',
      },
      description:
        '出具志愿服务证明 over a period (the volunteer, or a worker of their community); ' +
        'free; lists the verified records and totals',
      type: payloadType<CertificateRow>(
        builder,
        'IssueVolunteerCertificatePayload',
        'certificate',
        'VolunteerCertificate',
      ),
      errors: {},
      args: { input: t.arg({ type: IssueInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        new Checks()
          .check(input.from < input.to, 'input.to', '止应晚于起 (to after from)')
          .check(input.from <= now, 'input.from', '期间不能从将来开始 (from must not be in the future)')
          .throwIfAny();
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const person = await loaders.person(ctx).load(personId);
        if (!person || !(await canSeePerson(ctx, person))) throw notFound('居民 person');
        const volunteer = await ctx.prisma.volunteer.findUnique({ where: { personId } });
        if (!volunteer) throw new AppError('PRECONDITION_FAILED', '此人尚未注册志愿者 (not a registered volunteer)');
        if (
          ctx.viewer!.personId !== personId &&
          !managesPeopleAt(ctx.viewer, volunteer.regionPath) &&
          !managesPeopleAt(ctx.viewer, person.homePath)
        ) {
          throw forbidden('本人或所在社区工作人员申请 (the volunteer or a worker of their community)');
        }
        await ctx.gate.assertEnabled(MODULE, volunteer.regionPath);
        const records = await ctx.prisma.volunteerServiceRecord.findMany({
          where: { volunteerId: volunteer.id, startsAt: { gte: input.from, lt: input.to } },
          orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
          take: 2000,
        });
        if (!records.length)
          throw new AppError(
            'PRECONDITION_FAILED',
            '该期间没有已确认的志愿服务记录 (no verified records in that period)',
          );
        const [totals, centre, community, signer] = await Promise.all([
          loaders.totals(ctx).load(volunteer.id),
          ctx.prisma.volunteerServiceCentre.findUnique({ where: { communityId: volunteer.communityId } }),
          loaders.region(ctx).load(volunteer.communityId),
          viewerName(ctx),
        ]);
        const serviceHours =
          Math.round(records.filter((r) => r.kind === 'SERVICE').reduce((s, r) => s + hoursOf(r.hours) * 100, 0)) / 100;
        const issuerName = centre?.name ?? `${community?.name ?? ''}志愿服务站`;
        const snapshotWith = (thresholds: number[] | null): CertificateSnapshot => ({
          volunteer: {
            name: person.name,
            volunteerNumber: volunteerNumber(volunteer.seq),
            registeredAt: volunteer.registeredAt.toISOString(),
          },
          period: { from: input.from.toISOString(), to: input.to.toISOString() },
          totals: {
            serviceHours,
            records: records.length,
            cumulativeHours: totals.total,
            starLevel: starLevelOf(totals.total, thresholds ?? DEFAULT_STAR_THRESHOLDS),
          },
          issuer: { name: issuerName, issuedBy: signer },
          records: records.map((r) => ({
            kind: r.kind,
            title: r.title,
            content: r.content,
            place: r.place,
            startsAt: r.startsAt.toISOString(),
            endsAt: r.endsAt.toISOString(),
            hours: hoursOf(r.hours),
            organizationName: r.organizationName,
            confirmedByName: r.confirmedByName,
            version: r.version,
          })),
        });
        const scope = { module: MODULE, regionPath: volunteer.regionPath, settings: ['starThresholds'] };
        // a serial taken meanwhile (about 50 random bits: practically never) is drawn again, at most 3 times
        for (let attempt = 0; ; attempt++) {
          try {
            const certificate = await write(ctx, scope, async (w) => {
              const snapshot = snapshotWith(w.settings.starThresholds as number[] | null);
              const c = await w.tx.volunteerCertificate.create({
                data: {
                  serial: newSerial(now),
                  volunteerId: volunteer.id,
                  personId,
                  communityId: volunteer.communityId,
                  regionPath: volunteer.regionPath,
                  periodFrom: input.from,
                  periodTo: input.to,
                  issuedAt: now,
                  issuedById: ctx.viewer!.accountId,
                  issuerName,
                  maskedName: maskName(person.name),
                  totalHours: serviceHours,
                  recordCount: records.length,
                  snapshot: snapshot as unknown as Prisma.InputJsonValue,
                },
              });
              await w.audit({
                action: 'certificate.issue',
                entityType: 'VolunteerCertificate',
                entityId: c.id,
                regionPath: c.regionPath,
                data: { serial: c.serial, hours: serviceHours },
              });
              return c;
            });
            return { certificate };
          } catch (e) {
            if (!isUniqueViolation(e) || attempt >= 3) throw e;
          }
        }
      },
    }),
  );
}
