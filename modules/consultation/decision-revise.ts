// 未通过 and 修改后重新提议: a meeting that votes a matter down sends it to REJECTED; revised, it goes back to
// PROPOSED and the procedure starts again from the two committees.
import { Checks, type payloadType, write, type Builder } from '../../src/kit/index.js';
import { decisionForWrite } from './access.js';
import { decisionLifecycle } from './lifecycles.js';
import { MODULE_ID } from './model.js';

const WRITERS = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'] as const;

export function registerRejectRevise(builder: Builder, Payload: ReturnType<typeof payloadType>) {
  const Reject = builder.inputType('RejectVillageDecisionInput', {
    description: '未通过: a meeting voted the matter down',
    fields: (t) => ({
      decisionId: t.id({ required: true }),
      heldOn: t.field({ type: 'Date', required: true }),
      reason: t.string({ required: true }),
    }),
  });
  const Revise = builder.inputType('ReviseVillageDecisionInput', {
    description: '修改后重新提议',
    fields: (t) => ({
      decisionId: t.id({ required: true }),
      title: t.string({ required: false }),
      content: t.string({ required: true, description: '修改后的内容' }),
    }),
  });
  builder.mutationFields((t) => ({
    rejectVillageDecision: t.field({
      policy: { roles: WRITERS, scope: { record: 'VillageDecision', id: 'input.decisionId' } },
      description: '未通过: PROPOSED | DISCUSSED | REVIEWED → REJECTED (a meeting voted it down), with the reason',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Reject, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const d = await decisionForWrite(ctx, input.decisionId);
        const decision = await write(ctx, { module: MODULE_ID, regionPath: d.regionPath }, async (w) => {
          const next = await decisionLifecycle.apply(w, ctx, d, 'REJECT', {
            data: { rejectedReason: input.reason.trim() },
          });
          await w.tx.villageDecisionStep.create({
            data: {
              decisionId: d.id,
              toStatus: 'REJECTED',
              heldOn: input.heldOn,
              note: input.reason.trim(),
              actorId: ctx.viewer?.accountId ?? null,
              at: w.now,
            },
          });
          return next;
        });
        return { decision };
      },
    }),
    reviseVillageDecision: t.field({
      policy: { roles: WRITERS, scope: { record: 'VillageDecision', id: 'input.decisionId' } },
      description: '修改后重新提议: REJECTED → PROPOSED with the revised content; the procedure starts again',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Revise, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.title, 'input.title', { min: 2, max: 100, required: false })
          .text(input.content, 'input.content', { min: 2, max: 5000 })
          .throwIfAny();
        const d = await decisionForWrite(ctx, input.decisionId);
        const decision = await write(ctx, { module: MODULE_ID, regionPath: d.regionPath }, (w) =>
          decisionLifecycle.apply(w, ctx, d, 'REVISE', {
            data: {
              content: input.content.trim(),
              ...(input.title ? { title: input.title.trim() } : {}),
              rejectedReason: null,
              revisions: { increment: 1 },
            },
          }),
        );
        return { decision };
      },
    }),
  }));
}
