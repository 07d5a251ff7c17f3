// 社工 and the county → township → community social-work service network (三级社会工作服务网络):
// SocialWorkStation and SocialWorker nodes, their lists, and registerSocialWorker.
import {
  AppError,
  canSeePerson,
  conflict,
  countRows,
  guardNode,
  isUniqueViolation,
  MANAGERS,
  mustLoad,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  personLoader,
  regionLoader,
  shownName,
  type Builder,
  type Context,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { MODULE_ID, type Enums } from './model.js';
import { assertManages, inArea, listScope } from './shared.js';

export function registerWorkers(builder: Builder, enums: Enums) {
  const Station = builder.prismaNode('SocialWorkStation', {
    description: '社会工作服务站点 one level of the county → township → community social-work network',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      level: t.expose('level', { type: enums.SocialWorkStationLevel, description: '层级' }),
      region: t.prismaField({
        type: 'Region',
        description: '服务区划 the county, township or community',
        resolve: (_q, s, _a, ctx) => mustLoad(regionLoader(ctx), s.regionId, 'region'),
      }),
      parent: t.relation('parent', { nullable: true, description: '上级站点' }),
      workerCount: t.relationCount('workers', { description: '驻站社工数' }),
    }),
  });
  const Worker = builder.prismaNode('SocialWorker', {
    description: '社工 a qualified social worker, assigned to a station of the network',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.string({
        description: '姓名: in full for those who manage the person, otherwise masked',
        resolve: async (w, _a, ctx) => {
          const p = await mustLoad(personLoader(ctx), w.personId, 'person');
          return shownName(ctx.viewer, p, p.name);
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '人员 (个人信息, for those who may see the person)',
        resolve: async (_q, w, _a, ctx) => {
          const p = await mustLoad(personLoader(ctx), w.personId, 'person');
          return (await canSeePerson(ctx, p)) ? p : null;
        },
      }),
      qualification: t.expose('qualification', { type: enums.SocialWorkerQualification, description: '职业水平' }),
      employer: t.relation('employer', { nullable: true, description: '用人单位: a social organisation' }),
      employerStation: t.relation('employerStation', { nullable: true, description: '用人单位: a station' }),
      station: t.relation('station', { description: '服务站点' }),
      registeredAt: t.expose('registeredAt', { type: 'DateTime', description: '登记时间' }),
    }),
  });
  for (const name of ['SocialWorkStation', 'SocialWorker'] as const) {
    guardNode(builder, name, async (r: { regionPath: string }, ctx) => {
      if (!inArea(ctx.viewer, r.regionPath)) return false;
      await ctx.gate.assertEnabled(MODULE_ID, r.regionPath);
      return true;
    });
  }

  const StationFilter = builder.inputType('SocialWorkStationFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      level: t.field({ type: enums.SocialWorkStationLevel, required: false }),
    }),
  });
  const WorkerFilter = builder.inputType('SocialWorkerFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      qualification: t.field({ type: enums.SocialWorkerQualification, required: false }),
    }),
  });
  const stationWhere = async (ctx: Context, f: typeof StationFilter.$inferInput | null | undefined) => ({
    AND: [
      (await listScope(ctx, f?.regionId)) as Prisma.SocialWorkStationWhereInput,
      f?.level ? { level: f.level } : {},
    ],
  });
  const workerWhere = async (ctx: Context, f: typeof WorkerFilter.$inferInput | null | undefined) => ({
    AND: [
      (await listScope(ctx, f?.regionId)) as Prisma.SocialWorkerWhereInput,
      f?.qualification ? { qualification: f.qualification } : {},
    ],
  });

  builder.queryFields((t) => ({
    socialWorkStations: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '社会工作服务站点 of your area, county centres first',
      type: Station,
      cursor: 'id',
      args: { filter: t.arg({ type: StationFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.socialWorkStation.findMany({
          ...query,
          where: await stationWhere(ctx, args.filter),
          orderBy: [{ level: 'asc' }, { regionPath: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'SocialWorkStation', await stationWhere(ctx, args.filter)),
    }),
    socialWorkers: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '社工 assigned to stations of your area (names masked unless you manage the person)',
      type: Worker,
      cursor: 'id',
      args: { filter: t.arg({ type: WorkerFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.socialWorker.findMany({
          ...query,
          where: await workerWhere(ctx, args.filter),
          orderBy: [{ regionPath: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'SocialWorker', await workerWhere(ctx, args.filter)),
    }),
  }));

  const Input = builder.inputType('RegisterSocialWorkerInput', {
    description: '社工登记',
    fields: (t) => ({
      personId: t.id({ required: true, description: '人员 (Person)' }),
      qualification: t.field({ type: enums.SocialWorkerQualification, required: true }),
      stationId: t.id({ required: true, description: '服务站点' }),
      employerId: t.id({ required: false, description: '用人单位 a social organisation (default: the station)' }),
    }),
  });
  builder.mutationField('registerSocialWorker', (t) =>
    t.field({
      policy: { roles: MANAGERS, scope: { record: 'SocialWorkStation', id: 'input.stationId' } },
      description: '社工登记 (workers and admins of the station’s area): assigns a qualified person to a station',
      type: payloadType(builder, 'RegisterSocialWorkerPayload', 'socialWorker', Worker, { description: '社工' }),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const station = await ctx.prisma.socialWorkStation.findUnique({
          where: { id: parseId(String(input.stationId), 'SocialWorkStation', 'input.stationId') },
        });
        if (!station) throw notFound('服务站点 station');
        assertManages(ctx, station.regionPath);
        const person = await ctx.prisma.person.findUnique({
          where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
        });
        if (!person || !(await canSeePerson(ctx, person))) throw notFound('人员 person');
        const employerId = parseOptionalId(
          input.employerId == null ? null : String(input.employerId),
          'SocialOrganization',
          'input.employerId',
        );
        if (employerId) {
          const employer = await ctx.prisma.socialOrganization.findUnique({ where: { id: employerId } });
          if (!employer || !inArea(ctx.viewer, employer.regionPath)) throw notFound('用人单位 organization');
          if (employer.status !== 'ACTIVE')
            throw new AppError('PRECONDITION_FAILED', '用人单位不在正常状态 (the employer is not active)');
        }
        try {
          const worker = await write(ctx, { module: MODULE_ID, regionPath: station.regionPath }, async (w) => {
            const created = await w.tx.socialWorker.create({
              data: {
                personId: person.id,
                qualification: input.qualification,
                stationId: station.id,
                regionPath: station.regionPath,
                employerId,
                employerStationId: employerId ? null : station.id,
                registeredAt: w.now,
              },
            });
            await w.audit({
              action: 'worker.register',
              entityType: 'SocialWorker',
              entityId: created.id,
              data: { qualification: created.qualification, stationId: station.id },
            });
            return created;
          });
          return { socialWorker: worker };
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict('此人已登记为社工 (already registered as a social worker)');
          throw e;
        }
      },
    }),
  );
  return { Station, Worker };
}
