// Mediation writes: openMediationCase (ACCEPTED), startMediation, recordMediationAgreement (AGREED, 调解协议),
// failMediation, referMediationCase (FAILED → REFERRED, with where) and followUpMediation (回访). A case's
// community managers and its mediators write; mediators must be members of the community's mediation team.
import {
  Checks,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  ValidationError,
  write,
  type Builder,
  type Context,
  type MediationCase,
} from '../../src/kit/index.js';
import { caseForWrite, communityForWrite } from './access.js';
import { mediationLifecycle } from './lifecycles.js';
import type { CaseRef } from './mediation.js';
import { MODULE_ID, type Enums } from './model.js';

const ROLES = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'PARTY_MEMBER', 'RESIDENT'] as const;
const policy = {
  roles: ROLES,
  scope: { record: 'MediationCase', id: 'input.caseId' },
  relation: 'a mediator of the case',
};

type Action = 'START' | 'AGREE' | 'FAIL' | 'REFER' | 'FOLLOW_UP';

/** one lifecycle step of a case as one write unit */
async function step(
  ctx: Context,
  caseId: string | number,
  action: Action,
  data: (c: MediationCase) => Record<string, unknown>,
) {
  const c = await caseForWrite(ctx, caseId);
  mediationLifecycle.assert(c, action);
  return write(ctx, { module: MODULE_ID, regionPath: c.regionPath }, (w) =>
    mediationLifecycle.apply(w, ctx, c, action, { data: data(c) }),
  );
}

export function registerMediationMutations(builder: Builder, enums: Enums, Case: CaseRef) {
  const Payload = payloadType(builder, 'MediationCasePayload', 'mediationCase', Case, {
    description: '调解案件 the changed case',
  });
  registerOpen(builder, enums, Payload);
  const inputs = {
    start: builder.inputType('StartMediationInput', {
      description: '开始调解',
      fields: (t) => ({ caseId: t.id({ required: true }) }),
    }),
    agree: builder.inputType('RecordMediationAgreementInput', {
      description: '记录调解协议',
      fields: (t) => ({
        caseId: t.id({ required: true }),
        terms: t.string({ required: true, description: '协议内容, 2–2000 characters' }),
        agreedOn: t.field({ type: 'Date', required: true, description: '协议日期' }),
      }),
    }),
    fail: builder.inputType('FailMediationInput', {
      description: '调解不成',
      fields: (t) => ({ caseId: t.id({ required: true }), reason: t.string({ required: true }) }),
    }),
    refer: builder.inputType('ReferMediationCaseInput', {
      description: '转交',
      fields: (t) => ({
        caseId: t.id({ required: true }),
        to: t.field({ type: enums.MediationReferral, required: true }),
        where: t.string({ required: true, description: '机构, e.g. 玛纳斯县人民法院' }),
      }),
    }),
    followUp: builder.inputType('FollowUpMediationInput', {
      description: '回访',
      fields: (t) => ({
        caseId: t.id({ required: true }),
        agreementKept: t.boolean({ required: true, description: '协议是否履行' }),
        note: t.string({ required: false }),
      }),
    }),
  };
  builder.mutationFields((t) => ({
    startMediation: t.field({
      policy,
      description: '开始调解: ACCEPTED → MEDIATING',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: inputs.start, required: true }) },
      resolve: async (_r, { input }, ctx) => ({
        mediationCase: await step(ctx, input.caseId, 'START', () => ({ mediationAt: ctx.clock.now() })),
      }),
    }),
    recordMediationAgreement: t.field({
      policy,
      description: '记录调解协议: MEDIATING → AGREED with the terms and date',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: inputs.agree, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.terms, 'input.terms', { min: 2, max: 2000 }).throwIfAny();
        return {
          mediationCase: await step(ctx, input.caseId, 'AGREE', () => ({
            agreementTerms: input.terms.trim(),
            agreedOn: input.agreedOn,
          })),
        };
      },
    }),
    failMediation: t.field({
      policy,
      description: '调解不成: MEDIATING → FAILED with the reason',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: inputs.fail, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        return {
          mediationCase: await step(ctx, input.caseId, 'FAIL', () => ({
            failureReason: input.reason.trim(),
            failedAt: ctx.clock.now(),
          })),
        };
      },
    }),
    referMediationCase: t.field({
      policy,
      description: '转交: FAILED → REFERRED to judicial mediation, arbitration or court, with where',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: inputs.refer, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.where, 'input.where', { min: 2, max: 100 }).throwIfAny();
        return {
          mediationCase: await step(ctx, input.caseId, 'REFER', () => ({
            referredTo: input.to,
            referredWhere: input.where.trim(),
            referredAt: ctx.clock.now(),
          })),
        };
      },
    }),
    followUpMediation: t.field({
      policy,
      description: '回访: AGREED → FOLLOWED_UP, with whether the agreement is kept',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: inputs.followUp, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 500, required: false }).throwIfAny();
        return {
          mediationCase: await step(ctx, input.caseId, 'FOLLOW_UP', () => ({
            agreementKept: input.agreementKept,
            followUpNote: input.note?.trim() || null,
            followedUpAt: ctx.clock.now(),
          })),
        };
      },
    }),
  }));
}

function registerOpen(builder: Builder, enums: Enums, Payload: ReturnType<typeof payloadType>) {
  const Party = builder.inputType('MediationPartyInput', {
    description: '当事人: personId, or name (and phone) of an outside party',
    fields: (t) => ({
      personId: t.id({ required: false }),
      name: t.string({ required: false }),
      phone: t.string({ required: false }),
    }),
  });
  const Input = builder.inputType('OpenMediationCaseInput', {
    description: '受理纠纷',
    fields: (t) => ({
      communityId: t.id({ required: true }),
      venueId: t.id({ required: false, description: '调解地点' }),
      category: t.field({ type: enums.MediationCategory, required: true }),
      facts: t.string({ required: true, description: '纠纷事实, 2–2000 characters' }),
      parties: t.field({ type: [Party], required: true, description: '当事人, 1–10' }),
      mediatorIds: t.idList({ required: true, description: '调解员: 1–5 members of the community’s mediation team' }),
    }),
  });
  builder.mutationField('openMediationCase', (t) =>
    t.field({
      policy: { roles: ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'], scope: { region: 'input.communityId' } },
      description: '受理纠纷 (ACCEPTED): a worker of the community, with the parties and the mediators',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.facts, 'input.facts', { min: 2, max: 2000 });
        checks.check(input.parties.length >= 1 && input.parties.length <= 10, 'input.parties', '应为 1–10 人');
        checks.check(
          input.mediatorIds.length >= 1 && input.mediatorIds.length <= 5,
          'input.mediatorIds',
          '应为 1–5 人',
        );
        input.parties.forEach((p, i) => {
          checks.check(!!p.personId !== !!p.name, `input.parties.${i}`, 'personId 或 name 二选一 (one of them)');
          checks.text(p.name, `input.parties.${i}.name`, { min: 2, max: 40, required: false });
          checks.check(
            !p.phone || /^[0-9+\- ]{5,20}$/.test(p.phone),
            `input.parties.${i}.phone`,
            '电话格式 (a phone number)',
          );
        });
        checks.throwIfAny();
        const community = await communityForWrite(ctx, input.communityId, 'input.communityId');
        const venueId = parseOptionalId(input.venueId?.toString() ?? null, 'ConsultationVenue', 'input.venueId');
        if (venueId) {
          const venue = await ctx.prisma.consultationVenue.findUnique({ where: { id: venueId } });
          if (!venue || venue.communityId !== community.id) throw notFound('议事点 venue');
        }
        const parties = await partyRows(ctx, input.parties);
        const mediators = [
          ...new Set(input.mediatorIds.map((m, i) => parseId(String(m), 'Person', `input.mediatorIds.${i}`))),
        ];
        const team = await ctx.prisma.mediationTeamMember.count({
          where: { communityId: community.id, personId: { in: mediators } },
        });
        if (team !== mediators.length) {
          throw new ValidationError([
            { path: 'input.mediatorIds', message: '调解员应为本村调解队伍成员 (members of the mediation team)' },
          ]);
        }
        const created = await write(ctx, { module: MODULE_ID, regionPath: community.path }, async (w) => {
          const c = await w.tx.mediationCase.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              venueId,
              category: input.category,
              facts: input.facts.trim(),
              acceptedAt: w.now,
              parties: { create: parties },
              mediators: { create: mediators.map((personId) => ({ personId })) },
            },
          });
          await w.audit({ action: 'caseOpened', entityType: 'MediationCase', entityId: c.id });
          return c;
        });
        return { mediationCase: created };
      },
    }),
  );
}

async function partyRows(
  ctx: Context,
  parties: { personId?: string | number | null; name?: string | null; phone?: string | null }[],
) {
  return Promise.all(
    parties.map(async (p, i) => {
      if (!p.personId) return { name: p.name!.trim(), phone: p.phone?.trim() || null };
      const personId = parseId(String(p.personId), 'Person', `input.parties.${i}.personId`);
      if (!(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } })))
        throw notFound('当事人 person');
      return { personId };
    }),
  );
}
