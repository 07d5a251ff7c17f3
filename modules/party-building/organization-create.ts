// 成立党组织 createPartyOrganization: administrators of the area, or the committee above; the kind fits
// its parent, a joint branch has 2–5 units, a 小区党支部 is a branch in a community.
import { randomUUID } from 'node:crypto';
import {
  AppError,
  Checks,
  forbidden,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { administersArea, canManageOrg } from './access.js';
import type { PartyEnums } from './enums.js';
import { chinaDate, JOINT_BRANCH_MAX_UNITS, MODULE_ID } from './rules.js';
import { partyWrite } from './unit.js';

const PARENT_KINDS: Record<string, string[]> = {
  COMMITTEE: ['COMMITTEE'],
  GENERAL_BRANCH: ['COMMITTEE'],
  BRANCH: ['COMMITTEE', 'GENERAL_BRANCH'],
  JOINT_BRANCH: ['COMMITTEE', 'GENERAL_BRANCH'],
  GROUP: ['BRANCH', 'JOINT_BRANCH', 'GENERAL_BRANCH'],
};

export function registerOrganizationCreate(builder: Builder, enums: PartyEnums) {
  const CreateInput = builder.inputType('CreatePartyOrganizationInput', {
    fields: (t) => ({
      name: t.string({ required: true, description: '名称, e.g. 中共昌吉州融媒体中心支部委员会' }),
      kind: t.field({ type: enums.OrgKind, required: true }),
      parentId: t.id({ required: false, description: '上级党组织' }),
      organizationId: t.id({ required: false, description: '所在单位 (core Organization)' }),
      unitIds: t.idList({ required: false, description: '联合党支部的组建单位 (2–5 core Organizations)' }),
      regionId: t.id({
        required: false,
        description: "所在区划; defaults to the unit's region. A 小区党支部 sits in its community",
      }),
      residentialComplex: t.string({ required: false, description: '小区名称 (小区党支部 only)' }),
      foundedOn: t.field({ type: 'Date', required: false, description: '成立日期 (default today)' }),
    }),
  });

  builder.mutationField('createPartyOrganization', (t) =>
    t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: [{ region: 'input.regionId' }, { record: 'PartyOrganization', id: 'input.parentId' }],
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '成立党组织 (administrators of the area, or the committee of the parent organisation)',
      type: payloadType(builder, 'CreatePartyOrganizationPayload', 'organization', 'PartyOrganization', {}),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks()
          .text(input.name, 'input.name', { max: 80 })
          .text(input.residentialComplex, 'input.residentialComplex', { max: 60, required: false });
        const unitIds = (input.unitIds ?? []).map((id, i) => parseId(String(id), 'Organization', `input.unitIds.${i}`));
        checks.check(new Set(unitIds).size === unitIds.length, 'input.unitIds', '单位重复 (duplicate units)');
        if (input.kind === 'JOINT_BRANCH')
          checks.check(unitIds.length >= 2, 'input.unitIds', '联合党支部至少由 2 个单位组建 (at least 2 units)');
        else checks.check(unitIds.length === 0, 'input.unitIds', '只有联合党支部有组建单位 (joint branches only)');
        checks.throwIfAny();
        if (unitIds.length > JOINT_BRANCH_MAX_UNITS) {
          throw new AppError(
            'LIMIT_EXCEEDED',
            `联合党支部最多由 ${JOINT_BRANCH_MAX_UNITS} 个单位组建 (at most ${JOINT_BRANCH_MAX_UNITS} units)`,
          );
        }
        const organizationId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        const parentId = parseOptionalId(
          input.parentId == null ? null : String(input.parentId),
          'PartyOrganization',
          'input.parentId',
        );
        let regionId = parseOptionalId(
          input.regionId == null ? null : String(input.regionId),
          'Region',
          'input.regionId',
        );
        const [unit, parent, units] = await Promise.all([
          organizationId ? ctx.prisma.organization.findUnique({ where: { id: organizationId } }) : null,
          parentId ? ctx.prisma.partyOrganization.findUnique({ where: { id: parentId } }) : null,
          ctx.prisma.organization.findMany({ where: { id: { in: unitIds } } }),
        ]);
        if (organizationId && !unit) throw notFound('单位 organization');
        if (parentId && !parent) throw notFound('上级党组织 parent');
        if (units.length !== unitIds.length) throw notFound('组建单位 unit');
        regionId ??= unit?.regionId ?? units[0]?.regionId ?? parent?.regionId ?? null;
        if (!regionId)
          throw new ValidationError([{ path: 'input.regionId', message: '请给出所在区划或单位 (a region or a unit)' }]);
        const region = await ctx.prisma.region.findUnique({ where: { id: regionId } });
        if (!region) throw notFound('区划 region');
        const allowed = PARENT_KINDS[input.kind]!;
        if (parent && !allowed.includes(parent.kind)) {
          throw new ValidationError([
            {
              path: 'input.parentId',
              message: `${input.kind} 的上级应为 ${allowed.join('/')} (parent must be one of these)`,
            },
          ]);
        }
        if (!parent && input.kind === 'GROUP')
          throw new ValidationError([
            { path: 'input.parentId', message: '党小组须隶属于党支部 (a group belongs to a branch)' },
          ]);
        const complex = input.residentialComplex?.trim() || null;
        if (complex && (input.kind !== 'BRANCH' || region.level !== 'COMMUNITY')) {
          throw new ValidationError([
            {
              path: 'input.residentialComplex',
              message: '小区党支部是设在社区的党支部 (a BRANCH sitting in a community)',
            },
          ]);
        }
        await ctx.gate.assertEnabled(MODULE_ID, region.path);
        if (!administersArea(ctx, region.path) && !(parent && (await canManageOrg(ctx, parent)))) {
          throw forbidden(
            '只有辖区管理员或上级党组织可以成立党组织 (administrators of the area or the committee above)',
          );
        }
        const id = randomUUID();
        const name = input.name.trim();
        const organization = await partyWrite(ctx, region.path, async (w) => {
          if (await w.tx.partyOrganization.findUnique({ where: { regionId_name: { regionId: region.id, name } } })) {
            throw new AppError('CONFLICT', `${name} 已存在 (already exists in that region)`);
          }
          const o = await w.tx.partyOrganization.create({
            data: {
              id,
              name,
              kind: input.kind,
              parentId: parent?.id ?? null,
              treePath: `${parent?.treePath ?? '/'}${id}/`,
              organizationId: unit?.id ?? null,
              unitIds,
              regionId: region.id,
              regionPath: region.path,
              regionLevel: region.level,
              residentialComplex: complex,
              foundedOn: input.foundedOn ?? chinaDate(w.now),
            },
          });
          await w.audit({
            action: 'organization.create',
            entityType: 'PartyOrganization',
            entityId: id,
            regionPath: region.path,
            data: { name, kind: input.kind },
          });
          return o;
        });
        return { organization };
      },
    }),
  );
}
