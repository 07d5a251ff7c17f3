// 小区改造项目: createImprovementProject, updateImprovementProject (status forward only, optimistic
// version), with investment and measured outputs (greening, road, parking spaces, facilities).
import { Checks, parseId, PARTY_WORKERS, payloadType, type Builder, type Prisma } from '../../src/kit/index.js';
import { orgForWrite } from './access.js';
import type { PartyEnums } from './enums.js';
import { applyProject, projectAction, projectLifecycle } from './lifecycles.js';
import { forWrite, residentialOnly } from './residential.js';
import { chinaDate } from './rules.js';
import { partyWrite } from './unit.js';

export function registerProjects(builder: Builder, enums: PartyEnums) {
  builder.prismaNode('PartyImprovementProject', {
    description: '小区改造项目 with investment and measured outputs',
    id: { field: 'id' },
    fields: (t) => ({
      organization: t.relation('organization'),
      title: t.exposeString('title'),
      category: t.expose('category', { type: enums.ImprovementCategory }),
      status: t.expose('status', { type: enums.ImprovementStatus }),
      investmentYuan: t.float({
        nullable: true,
        description: '投资 (元)',
        resolve: (p) => (p.investmentFen == null ? null : p.investmentFen / 100),
      }),
      greeningSquareMetres: t.exposeFloat('greeningSquareMetres', {
        nullable: true,
        description: '增加绿化面积 (平方米)',
      }),
      roadKm: t.float({
        nullable: true,
        description: '铺设路面 (公里)',
        resolve: (p) => (p.roadMetres == null ? null : p.roadMetres / 1000),
      }),
      parkingSpaces: t.exposeInt('parkingSpaces', { nullable: true, description: '增设车位 (个)' }),
      facilitiesRepaired: t.exposeInt('facilitiesRepaired', { nullable: true, description: '维修更换设施 (处)' }),
      startedOn: t.field({ type: 'Date', nullable: true, resolve: (p) => p.startedOn }),
      completedOn: t.field({ type: 'Date', nullable: true, resolve: (p) => p.completedOn }),
      note: t.exposeString('note', { nullable: true }),
      version: t.exposeInt('version', { description: '版本 (pass it back to updateImprovementProject)' }),
    }),
  });

  // the measured outputs (and dates, note) a project records at creation and on every update
  const projectFigures = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({
    investmentYuan: t.float({ required: false, description: '投资 (元)' }),
    greeningSquareMetres: t.float({ required: false, description: '增加绿化面积 (平方米)' }),
    roadKm: t.float({ required: false, description: '铺设路面 (公里)' }),
    parkingSpaces: t.int({ required: false, description: '增设车位' }),
    facilitiesRepaired: t.int({ required: false, description: '维修更换设施 (处)' }),
    startedOn: t.field({ type: 'Date', required: false }),
    completedOn: t.field({ type: 'Date', required: false }),
    note: t.string({ required: false }),
  });
  const CreateProjectInput = builder.inputType('CreateImprovementProjectInput', {
    fields: (t) => ({
      organizationId: t.id({ required: true }),
      title: t.string({ required: true }),
      category: t.field({ type: enums.ImprovementCategory, required: true }),
      status: t.field({ type: enums.ImprovementStatus, required: false }),
      ...projectFigures(t),
    }),
  });
  const UpdateProjectInput = builder.inputType('UpdateImprovementProjectInput', {
    fields: (t) => ({
      projectId: t.id({ required: true }),
      version: t.int({
        required: false,
        description: '上次读到的版本 (refused with CONFLICT when someone changed it since)',
      }),
      status: t.field({
        type: enums.ImprovementStatus,
        required: false,
        description: 'forward only: PLANNED → IN_PROGRESS → COMPLETED',
      }),
      ...projectFigures(t),
    }),
  });

  type Outputs = {
    investmentYuan?: number | null;
    greeningSquareMetres?: number | null;
    roadKm?: number | null;
    parkingSpaces?: number | null;
    facilitiesRepaired?: number | null;
    note?: string | null;
  };
  const outputData = (i: Outputs) => {
    new Checks()
      .check(
        i.investmentYuan == null || (i.investmentYuan >= 0 && i.investmentYuan <= 1e9),
        'input.investmentYuan',
        '0–1000000000',
      )
      .check(i.greeningSquareMetres == null || i.greeningSquareMetres >= 0, 'input.greeningSquareMetres', '≥ 0')
      .check(i.roadKm == null || (i.roadKm >= 0 && i.roadKm <= 1000), 'input.roadKm', '0–1000')
      .check(
        i.parkingSpaces == null || (i.parkingSpaces >= 0 && i.parkingSpaces <= 100000),
        'input.parkingSpaces',
        '≥ 0',
      )
      .check(
        i.facilitiesRepaired == null || (i.facilitiesRepaired >= 0 && i.facilitiesRepaired <= 100000),
        'input.facilitiesRepaired',
        '≥ 0',
      )
      .text(i.note, 'input.note', { max: 500, required: false })
      .throwIfAny();
    const d: Prisma.PartyImprovementProjectUpdateManyMutationInput = {};
    if (i.investmentYuan != null) d.investmentFen = Math.round(i.investmentYuan * 100);
    if (i.greeningSquareMetres != null) d.greeningSquareMetres = i.greeningSquareMetres;
    if (i.roadKm != null) d.roadMetres = Math.round(i.roadKm * 1000);
    if (i.parkingSpaces != null) d.parkingSpaces = i.parkingSpaces;
    if (i.facilitiesRepaired != null) d.facilitiesRepaired = i.facilitiesRepaired;
    if (i.note != null) d.note = i.note.trim() || null;
    return d;
  };

  builder.mutationFields((t) => ({
    createImprovementProject: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '小区改造项目 (residential branch)',
      type: payloadType(builder, 'CreateImprovementProjectPayload', 'project', 'PartyImprovementProject', {}),
      errors: {},
      args: { input: t.arg({ type: CreateProjectInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.title, 'input.title', { max: 100 }).throwIfAny();
        const data = outputData(input);
        const org = await orgForWrite(
          ctx,
          parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
        );
        residentialOnly(org);
        const status = input.status ?? 'PLANNED';
        const today = chinaDate(ctx.clock.now());
        const startedOn = input.startedOn ?? (status !== 'PLANNED' ? today : null);
        const project = await partyWrite(ctx, org.regionPath, async (w) => {
          const p = await w.tx.partyImprovementProject.create({
            data: {
              ...(data as Prisma.PartyImprovementProjectUncheckedCreateInput),
              organizationId: org.id,
              regionPath: org.regionPath,
              title: input.title.trim(),
              category: input.category,
              status,
              startedOn,
              completedOn: status === 'COMPLETED' ? (input.completedOn ?? today) : null,
            },
          });
          await w.audit({
            action: 'project.create',
            entityType: 'PartyImprovementProject',
            entityId: p.id,
            regionPath: org.regionPath,
            data: { status },
          });
          return p;
        });
        return { project };
      },
    }),
    updateImprovementProject: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyImprovementProject', id: 'input.projectId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '更新改造项目: status forward only, outputs corrected',
      type: payloadType(builder, 'UpdateImprovementProjectPayload', 'project', 'PartyImprovementProject', {}),
      errors: {},
      args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const data = outputData(input);
        const id = parseId(String(input.projectId), 'PartyImprovementProject', 'input.projectId');
        const p = await forWrite(
          ctx,
          await ctx.prisma.partyImprovementProject.findUnique({ where: { id } }),
          '改造项目 project',
        );
        const action = projectAction(p.status, input.status);
        // before the unit: a backward move is INVALID_TRANSITION whatever version the client sent
        projectLifecycle.assert(p, action);
        const today = chinaDate(ctx.clock.now());
        if (input.startedOn) data.startedOn = input.startedOn;
        else if (input.status && input.status !== 'PLANNED' && !p.startedOn)
          data.startedOn = input.completedOn ?? today;
        if (input.completedOn) data.completedOn = input.completedOn;
        else if (input.status === 'COMPLETED' && !p.completedOn) data.completedOn = today;
        // the client's version, when it sends one: an edit based on an older read is a CONFLICT
        const read = { ...p, version: input.version ?? p.version };
        const project = await partyWrite(ctx, p.regionPath, (w) =>
          applyProject(w, ctx, read, action, { data, audit: { status: input.status ?? p.status } }),
        );
        return { project };
      },
    }),
  }));
}
