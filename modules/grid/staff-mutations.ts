// 网格人员: assignGridStaff and endGridStaffAssignment (community workers of the community, admins above).
import { AppError, Checks, conflict, MANAGERS, notFound, parseId, type Builder } from '../../src/kit/index.js';
import type { GridEnums } from './enums.js';
import { gridForWrite, gridWrite, payloadWithWarnings } from './grid-write.js';
import { refs } from './refs.js';

export function registerStaffMutations(builder: Builder, E: GridEnums) {
  const R = refs(builder);
  const AssignmentPayload = (name: string) => payloadWithWarnings(builder, name, 'assignment', R.GridStaff);
  const AssignGridStaffInput = builder.inputType('AssignGridStaffInput', {
    fields: (t) => ({
      gridId: t.id({ required: true }),
      personId: t.id({ required: true }),
      role: t.field({ type: E.GridStaffRole, required: true }),
      startDate: t.field({ type: 'Date', required: true }),
      endDate: t.field({ type: 'Date', required: false, description: 'exclusive' }),
    }),
  });
  const EndAssignmentInput = builder.inputType('EndGridStaffAssignmentInput', {
    fields: (t) => ({
      assignmentId: t.id({ required: true }),
      endDate: t.field({ type: 'Date', required: true, description: 'exclusive' }),
    }),
  });

  builder.mutationFields((t) => ({
    assignGridStaff: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Grid', id: 'input.gridId' } },
      description: '网格人员任职: assign 网格长, 专职/兼职网格员 or 网格指导员 to a grid from a start date',
      type: AssignmentPayload('AssignGridStaffPayload'),
      errors: {},
      args: { input: t.arg({ type: AssignGridStaffInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const after = !input.endDate || input.endDate > input.startDate;
        new Checks().check(after, 'input.endDate', '应晚于开始日期 (after the start date)').throwIfAny();
        const grid = await gridForWrite(ctx, input.gridId, 'input.gridId');
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        if (!(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } })))
          throw notFound('人员 person');
        const assignment = await gridWrite(ctx, grid.regionPath, async (w) => {
          const overlapping = await w.tx.gridStaff.count({
            where: {
              gridId: grid.id,
              personId,
              role: input.role,
              ...(input.endDate ? { startDate: { lt: input.endDate } } : {}),
              OR: [{ endDate: null }, { endDate: { gt: input.startDate } }],
            },
          });
          if (overlapping) throw conflict('该人员在此期间已担任此职务 (an overlapping assignment in this role exists)');
          const a = await w.tx.gridStaff.create({
            data: {
              gridId: grid.id,
              communityId: grid.communityId,
              regionPath: grid.regionPath,
              personId,
              role: input.role,
              startDate: input.startDate,
              endDate: input.endDate ?? null,
            },
          });
          const data = { role: input.role };
          await w.audit({ action: 'staff.assign', entityType: 'GridStaff', entityId: a.id, data });
          return a;
        });
        return { value: assignment, warnings: [] };
      },
    }),
    endGridStaffAssignment: t.field({
      policy: { roles: MANAGERS, scope: { record: 'GridStaff', id: 'input.assignmentId' } },
      description: '结束任职',
      type: AssignmentPayload('EndGridStaffAssignmentPayload'),
      errors: {},
      args: { input: t.arg({ type: EndAssignmentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const existing = await ctx.prisma.gridStaff.findUnique({
          where: { id: parseId(String(input.assignmentId), 'GridStaff', 'input.assignmentId') },
        });
        if (!existing) throw notFound('任职 assignment');
        await gridForWrite(ctx, '', 'input.assignmentId', existing.gridId);
        if (input.endDate <= existing.startDate)
          throw new AppError('VALIDATION', 'input.endDate: 应晚于开始日期 (after the start date)');
        const assignment = await gridWrite(ctx, existing.regionPath, async (w) => {
          // conditional on the end date as read: a change in between makes this one a CONFLICT
          const done = await w.tx.gridStaff.updateMany({
            where: { id: existing.id, endDate: existing.endDate },
            data: { endDate: input.endDate },
          });
          if (!done.count) throw conflict('任职已被他人修改 (changed by someone else)');
          await w.audit({ action: 'staff.end', entityType: 'GridStaff', entityId: existing.id });
          return w.tx.gridStaff.findUniqueOrThrow({ where: { id: existing.id } });
        });
        return { value: assignment, warnings: [] };
      },
    }),
  }));
}
