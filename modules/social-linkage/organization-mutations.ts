// 备案 and 登记: fileSocialOrganization (below the registration thresholds, with the township or the
// community's two committees), registerSocialOrganization (a civil-affairs registration number; also
// upgrades a filed organisation) and changeSocialOrganizationStatus (activate, suspend, resume, deregister).
import {
  AppError,
  canSeePerson,
  Checks,
  conflict,
  isUniqueViolation,
  MANAGERS,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  type Builder,
  type Context,
  type Region,
  write,
} from '../../src/kit/index.js';
import { MODULE_ID, type Enums } from './model.js';
import { orgLifecycle, type OrgRef } from './organizations.js';
import { assertManages, communityArg, regionArg, trimOrNull } from './shared.js';

interface OrgFields {
  communityId: string | number;
  name: string;
  kind: 'SERVICE' | 'CHARITY' | 'MUTUAL_AID' | 'CULTURE_SPORTS' | 'OTHER';
  serviceAreas: readonly string[];
  contactPersonId?: string | number | null;
}

/** the contact person: a person the viewer may see (else NOT_FOUND: no probing for people) */
async function contactArg(ctx: Context, globalId: string | number | null | undefined) {
  const id = parseOptionalId(globalId == null ? null : String(globalId), 'Person', 'input.contactPersonId');
  if (!id) return null;
  const person = await ctx.prisma.person.findUnique({ where: { id } });
  if (!person || !(await canSeePerson(ctx, person))) throw notFound('联系人 person');
  return person.id;
}

function fieldChecks(input: OrgFields, checks = new Checks()) {
  return checks
    .text(input.name, 'input.name', { min: 2, max: 60 })
    .check(input.serviceAreas.length >= 1 && input.serviceAreas.length <= 8, 'input.serviceAreas', '1–8 项')
    .check(!input.serviceAreas.includes('OTHER'), 'input.serviceAreas', '应为八进社区服务类别 (not OTHER)');
}

async function createOrg(ctx: Context, community: Region, input: OrgFields, extra: Record<string, unknown>) {
  const contactPersonId = await contactArg(ctx, input.contactPersonId);
  try {
    return await write(ctx, { module: MODULE_ID, regionPath: community.path }, async (w) => {
      const org = await w.tx.socialOrganization.create({
        data: {
          name: input.name.trim(),
          kind: input.kind,
          serviceAreas: [...new Set(input.serviceAreas)] as never,
          communityId: community.id,
          regionPath: community.path,
          contactPersonId,
          ...(extra as object),
          ...(extra.status === 'ACTIVE' ? { activatedAt: w.now } : {}),
          ...(extra.standing === 'FILED' ? { filedAt: w.now } : { registeredAt: w.now }),
        } as never,
      });
      await w.audit({
        action: extra.standing === 'FILED' ? 'organization.file' : 'organization.register',
        entityType: 'SocialOrganization',
        entityId: org.id,
        data: { name: org.name, standing: org.standing },
      });
      return org;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该社区已有同名社会组织 (an organisation of that name exists here)');
    throw e;
  }
}

export function registerOrganizationMutations(builder: Builder, enums: Enums, Org: OrgRef) {
  const FileInput = builder.inputType('FileSocialOrganizationInput', {
    description: '社会组织备案',
    fields: (t) => ({
      communityId: t.id({ required: true, description: '所在社区' }),
      name: t.string({ required: true, description: '名称 2–60' }),
      kind: t.field({ type: enums.SocialOrganizationKind, required: true }),
      serviceAreas: t.field({ type: [enums.ServiceArea], required: true, description: '服务领域 (八进社区)' }),
      contactPersonId: t.id({ required: false, description: '联系人 (Person)' }),
      filedWithId: t.id({ required: false, description: '备案机关: the township or the community (default)' }),
    }),
  });
  const RegisterInput = builder.inputType('RegisterSocialOrganizationInput', {
    description: '社会组织登记: a new registered organisation, or organizationId of a filed one that registered',
    fields: (t) => ({
      organizationId: t.id({
        required: false,
        description: '已备案的社会组织 (upgrade); the other fields then optional',
      }),
      communityId: t.id({ required: false }),
      name: t.string({ required: false }),
      kind: t.field({ type: enums.SocialOrganizationKind, required: false }),
      serviceAreas: t.field({ type: [enums.ServiceArea], required: false }),
      contactPersonId: t.id({ required: false }),
      registrationNumber: t.string({ required: true, description: '民政登记证号 (统一社会信用代码), 6–30' }),
    }),
  });
  const ChangeInput = builder.inputType('ChangeSocialOrganizationStatusInput', {
    description: '社会组织状态变更',
    fields: (t) => ({
      organizationId: t.id({ required: true }),
      action: t.field({
        type: builder.enumType('SocialOrganizationAction', {
          description: '状态变更动作',
          values: {
            ACTIVATE: { description: '确认备案 FILING → ACTIVE' },
            SUSPEND: { description: '暂停 ACTIVE → SUSPENDED' },
            RESUME: { description: '恢复 SUSPENDED → ACTIVE' },
            DEREGISTER: { description: '注销 → DEREGISTERED (final)' },
          },
        }),
        required: true,
      }),
      note: t.string({ required: false, description: '说明 up to 200' }),
    }),
  });
  const payload = (name: string) => payloadType(builder, name, 'organization', Org, { description: '社会组织' });

  builder.mutationFields((t) => ({
    fileSocialOrganization: t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '社会组织备案 (workers and admins of the community): a new organisation in FILING',
      type: payload('FileSocialOrganizationPayload'),
      errors: {},
      args: { input: t.arg({ type: FileInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        fieldChecks(input).throwIfAny();
        const community = await communityArg(ctx, input.communityId, 'input.communityId');
        assertManages(ctx, community.path);
        const filedWith = input.filedWithId ? await regionArg(ctx, input.filedWithId, 'input.filedWithId') : community;
        if (filedWith.id !== community.id && filedWith.id !== community.parentId)
          throw new AppError('VALIDATION', 'filedWithId 应为所在社区或其乡镇街道 (the community or its township)');
        const org = await createOrg(ctx, community, input, {
          standing: 'FILED',
          status: 'FILING',
          filedWithId: filedWith.id,
        });
        return { organization: org };
      },
    }),
    registerSocialOrganization: t.field({
      policy: {
        roles: MANAGERS,
        scope: [{ region: 'input.communityId' }, { record: 'SocialOrganization', id: 'input.organizationId' }],
      },
      description: '社会组织登记 (workers and admins): a registered organisation, ACTIVE; or a filed one upgraded',
      type: payload('RegisterSocialOrganizationPayload'),
      errors: {},
      args: { input: t.arg({ type: RegisterInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const number = input.registrationNumber.trim();
        const checks = new Checks().check(
          /^[0-9A-Z]{6,30}$/.test(number),
          'input.registrationNumber',
          '6–30 位数字或大写字母',
        );
        if (input.organizationId) {
          checks.throwIfAny();
          const org = await ctx.prisma.socialOrganization.findUnique({
            where: { id: parseId(String(input.organizationId), 'SocialOrganization', 'input.organizationId') },
          });
          if (!org) throw notFound('社会组织 organization');
          assertManages(ctx, org.regionPath);
          orgLifecycle.assert(org, 'REGISTER');
          const updated = await write(ctx, { module: MODULE_ID, regionPath: org.regionPath }, (w) =>
            orgLifecycle.apply(w, ctx, org, 'REGISTER', {
              data: {
                standing: 'REGISTERED',
                registrationNumber: number,
                registeredAt: w.now,
                activatedAt: org.activatedAt ?? w.now,
              },
              audit: { registrationNumber: number },
            }),
          );
          return { organization: updated };
        }
        const fields = {
          ...input,
          communityId: input.communityId ?? '',
          name: input.name ?? '',
          serviceAreas: input.serviceAreas ?? [],
          kind: input.kind ?? 'OTHER',
        };
        checks.check(!!input.communityId, 'input.communityId', '必填').check(!!input.kind, 'input.kind', '必填');
        fieldChecks(fields, checks).throwIfAny();
        const community = await communityArg(ctx, input.communityId!, 'input.communityId');
        assertManages(ctx, community.path);
        const org = await createOrg(ctx, community, fields, {
          standing: 'REGISTERED',
          status: 'ACTIVE',
          registrationNumber: number,
        });
        return { organization: org };
      },
    }),
    changeSocialOrganizationStatus: t.field({
      policy: { roles: MANAGERS, scope: { record: 'SocialOrganization', id: 'input.organizationId' } },
      description: '社会组织状态变更 (workers and admins): confirm a filing, suspend, resume or deregister',
      type: payload('ChangeSocialOrganizationStatusPayload'),
      errors: {},
      args: { input: t.arg({ type: ChangeInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 200, required: false }).throwIfAny();
        const org = await ctx.prisma.socialOrganization.findUnique({
          where: { id: parseId(String(input.organizationId), 'SocialOrganization', 'input.organizationId') },
        });
        if (!org) throw notFound('社会组织 organization');
        assertManages(ctx, org.regionPath);
        const updated = await write(ctx, { module: MODULE_ID, regionPath: org.regionPath }, (w) =>
          orgLifecycle.apply(w, ctx, org, input.action, {
            note: trimOrNull(input.note),
            data: input.action === 'ACTIVATE' ? { activatedAt: w.now } : {},
          }),
        );
        return { organization: updated };
      },
    }),
  }));
}
