// 更正申请: the volunteer asks for a correction of a record; the organiser accepts (a new record
// version) or rejects it, answering either way.
import {
  ACTORS,
  Checks,
  conflict,
  countRows,
  forbidden,
  guardNode,
  invalidTransition,
  managesPerson,
  notFound,
  parseId,
  payloadType,
  readsWithinScope,
  SELF_OR_MANAGERS,
  ValidationError,
  type Builder,
  type Context,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { assertNotOwnRecord, hoursOf } from './hours.js';
import { answerCorrection } from './lifecycles.js';
import { loaders, viewerName } from './loaders.js';
import { appendVersion, loadRecord, recordFor } from './records.js';
import { listScope, MODULE, readsAt } from './shared.js';

type RequestRow = Prisma.VolunteerCorrectionRequestGetPayload<object>;

export function registerCorrections(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerCorrectionRequest', {
    description: '更正申请 a volunteer’s request to correct a service record',
    id: { field: 'id' },
    fields: (t) => ({
      status: t.expose('status', { type: enums.CorrectionStatus }),
      reason: t.exposeString('reason', { description: '申请理由' }),
      requestedHours: t.float({
        nullable: true,
        description: '申请更正为(小时)',
        resolve: (c) => (c.requestedHours == null ? null : hoursOf(c.requestedHours)),
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
      answer: t.exposeString('answer', { nullable: true, description: '组织方答复' }),
      answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.answeredAt }),
      resultVersion: t.exposeInt('resultVersion', { nullable: true, description: '更正后的记录版本' }),
      record: t.relation('record'),
    }),
  });
  guardNode(builder, 'VolunteerCorrectionRequest', async (c: RequestRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, c.regionPath);
    return ctx.viewer?.personId === c.personId || readsAt(ctx.viewer, c.regionPath);
  });

  const where = async (
    ctx: Context,
    regionId: string | number | null | undefined,
    status: RequestRow['status'] | null | undefined,
  ): Promise<Prisma.VolunteerCorrectionRequestWhereInput> => {
    const readable = await listScope(ctx, regionId, { field: 'regionId' });
    const own = readsWithinScope(ctx.viewer) ? {} : { personId: ctx.viewer!.personId ?? '-' };
    return { AND: [readable, own, status ? { status } : {}] };
  };

  builder.queryField('volunteerCorrectionRequests', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'regionId' } },
      description: '更正申请 to answer (workers and admins: their area; volunteers: their own), oldest first',
      type: 'VolunteerCorrectionRequest',
      cursor: 'id',
      args: {
        regionId: t.arg.id({ required: false }),
        status: t.arg({ type: enums.CorrectionStatus, required: false }),
      },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.volunteerCorrectionRequest.findMany({
          ...query,
          where: await where(ctx, args.regionId, args.status),
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        countRows(ctx, 'VolunteerCorrectionRequest', await where(ctx, args.regionId, args.status)),
    }),
  );

  const Payload = (name: string) => payloadType<RequestRow>(builder, name, 'request', 'VolunteerCorrectionRequest');
  const RequestInput = builder.inputType('RequestServiceRecordCorrectionInput', {
    fields: (t) => ({
      recordId: t.id({ required: true }),
      reason: t.string({ required: true, description: '理由, e.g. 签退忘记扫码' }),
      requestedHours: t.float({ required: false, description: '应为多少小时' }),
    }),
  });
  const AnswerInput = builder.inputType('AnswerServiceRecordCorrectionInput', {
    fields: (t) => ({
      requestId: t.id({ required: true }),
      accept: t.boolean({ required: true, description: 'true: correct the record (a new version); false: keep it' }),
      hours: t.float({ required: false, description: '更正后的时长 (default: the requested hours)' }),
      answer: t.string({ required: true, description: '答复' }),
    }),
  });

  builder.mutationFields((t) => ({
    requestServiceRecordCorrection: t.field({
      policy: {
        roles: SELF_OR_MANAGERS,
        scope: { record: 'VolunteerServiceRecord', id: 'input.recordId' },
        relation: 'a member or resident for themself only',
      },
      description: '申请更正记录 (the volunteer, or a worker for them); one open request per record',
      type: Payload('RequestServiceRecordCorrectionPayload'),
      errors: {},
      args: { input: t.arg({ type: RequestInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.reason, 'input.reason', { min: 2, max: 500 })
          .check(
            input.requestedHours == null || (input.requestedHours >= 0 && input.requestedHours <= 744),
            'input.requestedHours',
            '0–744 小时',
          )
          .throwIfAny();
        const { record } = await recordFor(ctx, input.recordId);
        const person = await loaders.person(ctx).load(record.personId);
        if (!person || !managesPerson(ctx.viewer, person))
          throw forbidden('本人或所在社区工作人员申请 (the volunteer or a worker for them)');
        const request = await write(ctx, { module: MODULE, regionPath: record.regionPath }, async (w) => {
          if (await w.tx.volunteerCorrectionRequest.findFirst({ where: { recordId: record.id, status: 'OPEN' } }))
            throw conflict('已有待处理的更正申请 (one is open)');
          const c = await w.tx.volunteerCorrectionRequest.create({
            data: {
              recordId: record.id,
              personId: record.personId,
              communityId: record.communityId,
              regionPath: record.regionPath,
              reason: input.reason.trim(),
              requestedHours: input.requestedHours ?? null,
              requestedById: ctx.viewer!.accountId,
              createdAt: w.now,
            },
          });
          await w.audit({
            action: 'correction.request',
            entityType: 'VolunteerCorrectionRequest',
            entityId: c.id,
            regionPath: c.regionPath,
            data: { recordId: record.id },
          });
          return c;
        });
        return { request };
      },
    }),
    answerServiceRecordCorrection: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerCorrectionRequest', id: 'input.requestId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description: '答复更正申请 (the organiser side): accept → a new record version; reject → the record stays',
      type: Payload('AnswerServiceRecordCorrectionPayload'),
      errors: {},
      args: { input: t.arg({ type: AnswerInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.answer, 'input.answer', { min: 2, max: 500 }).throwIfAny();
        const request = await ctx.prisma.volunteerCorrectionRequest.findUnique({
          where: { id: parseId(String(input.requestId), 'VolunteerCorrectionRequest', 'input.requestId') },
        });
        if (!request) throw notFound('更正申请 request');
        const { record, organiser } = await loadRecord(ctx, request.recordId);
        if (!organiser) throw forbidden('谁记录谁证明: the organiser side answers');
        // 他人批准: the requester never approves their own request, nobody their own hours
        assertNotOwnRecord(ctx, record.personId);
        if (input.accept && request.requestedById === ctx.viewer!.accountId) {
          throw forbidden('更正申请须由申请人以外的人批准 (someone other than the requester approves)');
        }
        if (request.status !== 'OPEN') throw invalidTransition(`申请已处理 (${request.status})`);
        const hours = input.accept
          ? (input.hours ?? (request.requestedHours == null ? null : hoursOf(request.requestedHours)))
          : null;
        if (input.accept && (hours == null || hours < 0 || hours > 744))
          throw new ValidationError([{ path: 'input.hours', message: '请填写更正后的时长 (0–744)' }]);
        const signer = await viewerName(ctx);
        const reason = `更正申请：${request.reason}；答复：${input.answer.trim()}`;
        const updated = await write(ctx, { module: MODULE, regionPath: request.regionPath }, async (w) => {
          const corrected = input.accept
            ? await appendVersion(w, ctx, record, { hours: hours!, content: record.content, reason }, signer)
            : null;
          return answerCorrection(w, ctx, request, input.accept, {
            data: {
              answer: input.answer.trim(),
              answeredById: ctx.viewer!.accountId,
              answeredAt: w.now,
              resultVersion: corrected?.version ?? null,
            },
            audit: { accept: input.accept, hours },
          });
        });
        return { request: updated };
      },
    }),
  }));
}
