// 登记培训或表彰记录 addVolunteerRecord: training and award records of a volunteer, by the workers and admins of
// their community (service hours come only from activities, record-mutations.ts).
import {
  AppError,
  Checks,
  forbidden,
  MANAGERS,
  managesPeopleAt,
  parseId,
  payloadType,
  type Builder,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { viewerName } from './loaders.js';
import { communityOrganiser, createRecord, twoDecimals } from './records.js';
import { MODULE } from './shared.js';

type RecordRow = Prisma.VolunteerServiceRecordGetPayload<object>;

export function registerRecordAdd(builder: Builder, enums: Enums) {
  const RecordPayload = (name: string) => payloadType<RecordRow>(builder, name, 'record', 'VolunteerServiceRecord');
  const AddInput = builder.inputType('AddVolunteerRecordInput', {
    description: '培训、表彰记录 (service hours come only from activities)',
    fields: (t) => ({
      personId: t.id({ required: true }),
      kind: t.field({ type: enums.RecordKind, required: true, description: 'TRAINING or AWARD' }),
      title: t.string({ required: true }),
      content: t.string({ required: true }),
      place: t.string({ required: false }),
      startsAt: t.field({ type: 'DateTime', required: true }),
      endsAt: t.field({ type: 'DateTime', required: true }),
      hours: t.float({ required: false, description: '培训时长 (0 for awards)' }),
      organizationName: t.string({ required: false, description: '组织/授予单位 (default: the community)' }),
    }),
  });

  builder.mutationFields((t) => ({
    addVolunteerRecord: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Person', id: 'input.personId' } },
      description: '登记培训或表彰记录 (workers and admins of the volunteer’s community)',
      type: RecordPayload('AddVolunteerRecordPayload'),
      errors: {},
      args: { input: t.arg({ type: AddInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const hours = input.kind === 'AWARD' ? 0 : (input.hours ?? 0);
        new Checks()
          .check(
            input.kind !== 'SERVICE',
            'input.kind',
            '服务时长只能通过活动记录 (service hours come from activities)',
          )
          .text(input.title, 'input.title', { max: 100 })
          .text(input.content, 'input.content', { max: 2000 })
          .text(input.place, 'input.place', { max: 200, required: false })
          .text(input.organizationName, 'input.organizationName', { max: 100, required: false })
          .check(input.endsAt >= input.startsAt, 'input.endsAt', '结束时间不早于开始时间')
          .check(hours >= 0 && hours <= 744 && twoDecimals(hours), 'input.hours', '时长应为 0–744 小时')
          .throwIfAny();
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const volunteer = await ctx.prisma.volunteer.findUnique({ where: { personId } });
        if (!volunteer) throw new AppError('PRECONDITION_FAILED', '此人尚未注册志愿者 (not a registered volunteer)');
        if (!managesPeopleAt(ctx.viewer, volunteer.regionPath))
          throw forbidden('志愿者所在社区工作人员办理 (workers of the volunteer’s community)');
        const [signer, fallback] = await Promise.all([viewerName(ctx), communityOrganiser(ctx, volunteer.communityId)]);
        const now = ctx.clock.now();
        const record = await write(ctx, { module: MODULE, regionPath: volunteer.regionPath }, async (w) => {
          const r = await createRecord(
            w,
            ctx,
            {
              volunteerId: volunteer.id,
              personId,
              communityId: volunteer.communityId,
              regionPath: volunteer.regionPath,
              kind: input.kind,
              title: input.title.trim(),
              content: input.content.trim(),
              place: input.place?.trim() || null,
              startsAt: input.startsAt,
              endsAt: input.endsAt,
              hours,
              organizationName: input.organizationName?.trim() || fallback,
            },
            { by: signer, at: now },
          );
          await w.audit({
            action: 'record.add',
            entityType: 'VolunteerServiceRecord',
            entityId: r.id,
            regionPath: r.regionPath,
            data: { kind: r.kind, title: r.title },
          });
          return r;
        });
        return { record };
      },
    }),
  }));
}
