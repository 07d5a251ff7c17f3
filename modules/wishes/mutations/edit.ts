// 修改: updateWish corrects the title, description, category or estimated value of a wish that is not
// yet on its way to a claimant: the requester while it waits for review (待审核), a community worker of
// that community also while it is published (已发布, e.g. to take a phone number out of the wall text).
// Same validation as submitWish; fields left out stay unchanged. The change is a conditional update on
// (status, version) like every transition, so a review or withdrawal that lands first wins cleanly and
// the late edit gets CONFLICT; the timeline shows EDITED with from = to = the status.
import { forbidden, invalidTransition, payloadType, type Builder, type Wish, write } from '../../../src/kit/index.js';
import { isWorkerAt, wishForWrite } from '../access.js';
import { MODULE_ID, EDITABLE_BY_REQUESTER, EDITABLE_BY_WORKER, STATUS_LABELS, type WishEnums } from '../model.js';
import { applyEdit, type TransitionOptions } from '../transition.js';
import type { WishRef } from '../wish-node.js';
import { wishFieldChecks } from './wish-fields.js';

type Field = 'title' | 'description' | 'category' | 'estimatedValue';
const FIELDS: readonly Field[] = ['title', 'description', 'category', 'estimatedValue'];

/** the stored form of a field, for comparing and for the audit entry */
const current = (wish: Wish, field: Field) =>
  field === 'estimatedValue' ? (wish.estimatedValue?.toNumber() ?? null) : wish[field];

export function registerEdit(builder: Builder, enums: WishEnums, Wish: WishRef) {
  const UpdateWishInput = builder.inputType('UpdateWishInput', {
    description: '修改微心愿: only the fields given change; the rules of submitWish apply',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      title: t.string({ required: false, description: '心愿, 2–40 characters (cannot be cleared)' }),
      description: t.string({ required: false, description: '说明, up to 500 characters; null clears it' }),
      category: t.field({ type: enums.WishCategory, required: false, description: '心愿类别 (cannot be cleared)' }),
      estimatedValue: t.float({ required: false, description: '预估价值 (元), 0–100000; null clears it' }),
    }),
  });

  builder.mutationField('updateWish', (t) =>
    t.field({
      policy: {
        roles: ['COMMUNITY_WORKER', 'PARTY_MEMBER', 'RESIDENT'],
        scope: { record: 'Wish', id: 'input.wishId' },
        relation: 'the requester',
      },
      description:
        '修改微心愿: the requester while PENDING_REVIEW, ' +
        'a community worker of that community while PENDING_REVIEW or PUBLISHED. ' +
        'Fields left out stay unchanged; the status does not change (timeline: EDITED). ' +
        'A review that lands first makes it a CONFLICT.',
      type: payloadType(builder, 'UpdateWishPayload', 'wish', Wish, {
        description: '修改结果 the corrected wish',
      }),
      errors: {},
      args: { input: t.arg({ type: UpdateWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const given = FIELDS.filter((f) => input[f] !== undefined);
        const checks = wishFieldChecks(input, { partial: true })
          .check(
            given.length > 0,
            'input',
            '没有要修改的内容 (give at least one of title, description, category, estimatedValue)',
          )
          .check(input.category !== null, 'input.category', '不能清空 (cannot be cleared)');
        checks.throwIfAny();

        const wish = await wishForWrite(ctx, input.wishId);
        const viewer = ctx.viewer!;
        const worker = isWorkerAt(viewer, wish.regionPath);
        if (!worker && viewer.personId !== wish.requesterId) {
          throw forbidden('只有许愿人或该社区的社区工作者可以修改 (the requester or a worker of the community)');
        }
        if (!(worker ? EDITABLE_BY_WORKER : EDITABLE_BY_REQUESTER).includes(wish.status)) {
          const label = STATUS_LABELS[wish.status].split(' ')[0];
          throw invalidTransition(
            worker || wish.status !== 'PUBLISHED'
              ? `${label}的心愿不能修改 (a ${wish.status} wish cannot be edited)`
              : '已发布的心愿请联系社区工作者修改 (once published, a worker of the community corrects it)',
          );
        }

        const wanted: Record<Field, unknown> = {
          title: input.title?.trim(),
          description: input.description === undefined ? undefined : input.description?.trim() || null,
          category: input.category,
          estimatedValue: input.estimatedValue,
        };
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const f of given)
          if (current(wish, f) !== wanted[f]) changes[f] = { from: current(wish, f), to: wanted[f] };
        const changed = Object.keys(changes) as Field[];
        // the same values again: nothing to record
        if (changed.length === 0) return { wish };

        const data = Object.fromEntries(changed.map((f) => [f, wanted[f]])) as TransitionOptions['data'];
        const updated = await write(ctx, { module: MODULE_ID, regionPath: wish.regionPath }, (w) =>
          applyEdit(w, ctx, wish, {
            data,
            changes,
            note: `修改 ${changed.join(', ')}`,
            conflictMessage:
              '心愿刚被审核或更改，请刷新后重试 (the wish was reviewed or changed meanwhile; reload and retry)',
          }),
        );
        return { wish: updated };
      },
    }),
  );
}
