// 党费 (关于中国共产党党费收缴、使用和管理的规定, 2008): setDuesBase (the branch committee only: the
// income base is sensitive), recordDuesPayment (at most 6 months at once; a month is paid once),
// duesArrears(organizationId). The rate table is the module setting duesRateTable.
import { randomUUID } from 'node:crypto';
import {
  AppError,
  Checks,
  forbidden,
  parseId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  invalidTransition,
  isUniqueViolation,
} from '../../src/kit/index.js';
import { canManageOrg, sitsOnCommitteeOf } from './access.js';
import { failIfMissing, membershipForWrite } from './development.js';
import type { PartyEnums } from './enums.js';
import { applyMembership } from './lifecycles.js';
import { readOrg } from './organizations.js';
import {
  chinaDate,
  type DuesRateTable,
  MAX_BACK_PAYMENT_MONTHS,
  MODULE_ID,
  monthOf,
  monthlyDuesFen,
  monthsBetween,
  nextMonth,
  validMonth,
} from './rules.js';
import { partyWrite } from './unit.js';

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** the payer's own file, or one the viewer manages (membershipForWrite checks the switch for that one) */
async function payerMembership(ctx: Context, globalId: string) {
  const id = parseId(globalId, 'PartyMembership', 'input.membershipId');
  const own = await ctx.prisma.partyMembership.findUnique({ where: { id } });
  if (!own || ctx.viewer?.personId !== own.personId) return membershipForWrite(ctx, globalId);
  // before the checks below, as for any other file: a switched-off township says MODULE_DISABLED first
  await ctx.gate.assertEnabled(MODULE_ID, own.regionPath);
  return own;
}

export function registerDues(builder: Builder, enums: PartyEnums) {
  const payload = (name: string) => payloadType(builder, name, 'membership', 'PartyMembership');

  const BaseInput = builder.inputType('SetDuesBaseInput', {
    description: '党费基数 (the branch committee only)',
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      category: t.field({ type: enums.DuesCategory, required: true }),
      incomeBaseYuan: t.float({ required: false, description: '月工资收入 (税后) for SALARIED/RETIRED, yuan' }),
      farmerAmountYuan: t.float({ required: false, description: '农民党员月缴 0.2–1 元' }),
      fromMonth: t.string({ required: false, description: '起缴月份 "YYYY-MM" (default: unchanged, or this month)' }),
    }),
  });
  const PaymentInput = builder.inputType('RecordDuesPaymentInput', {
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      months: t.stringList({ required: true, description: '缴纳月份 "YYYY-MM", at most 6 at once' }),
      paidAt: t.field({ type: 'DateTime', required: false, description: '缴纳时间 (default now)' }),
    }),
  });

  builder.mutationFields((t) => ({
    setDuesBase: t.field({
      policy: {
        roles: ['PARTY_MEMBER'],
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'the branch committee only',
      },
      description:
        "核定党费: category and income base give the monthly amount from the rate table (the organisation's " +
        'own committee only)',
      type: payload('SetDuesBasePayload'),
      errors: {},
      args: { input: t.arg({ type: BaseInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(
            input.incomeBaseYuan == null || (input.incomeBaseYuan >= 0 && input.incomeBaseYuan <= 10_000_000),
            'input.incomeBaseYuan',
            '0–10000000',
          )
          .check(input.fromMonth == null || validMonth(input.fromMonth), 'input.fromMonth', '格式 YYYY-MM')
          .throwIfAny();
        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (!(await sitsOnCommitteeOf(ctx, m.organizationId)))
          throw forbidden('党费基数由本支部委员会核定 (the branch committee only)');
        if (m.stage !== 'PROBATIONARY' && m.stage !== 'FULL')
          failIfMissing([{ code: 'PARTY_MEMBER', message: '预备党员和正式党员缴纳党费 (members only)' }]);
        const incomeBaseFen = input.incomeBaseYuan == null ? null : Math.round(input.incomeBaseYuan * 100);
        const farmerFen = input.farmerAmountYuan == null ? null : Math.round(input.farmerAmountYuan * 100);
        const duesFromMonth = input.fromMonth ?? m.duesFromMonth ?? monthOf(chinaDate(ctx.clock.now()));
        const membership = await partyWrite(
          ctx,
          m.regionPath,
          async (w) => {
            const table = w.settings.duesRateTable as DuesRateTable;
            const result = monthlyDuesFen(table, input.category, incomeBaseFen, farmerFen);
            if ('error' in result) throw new ValidationError([{ path: 'input', message: result.error }]);
            return applyMembership(w, ctx, m, 'DUES_BASE', {
              data: {
                duesCategory: input.category,
                incomeBaseFen: input.category === 'SALARIED' || input.category === 'RETIRED' ? incomeBaseFen : null,
                monthlyDuesFen: result.fen,
                duesFromMonth,
              },
              // the audit keeps the amount, never the income base
              audit: { category: input.category, monthlyFen: result.fen },
            });
          },
          ['duesRateTable'],
        );
        return { membership };
      },
    }),

    recordDuesPayment: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it, or the member',
      },
      description:
        '缴纳党费 for whole months (back payment of at most 6 months at once; a month is paid once). The ' +
        "member, or the organisation's committee",
      type: payload('RecordDuesPaymentPayload'),
      errors: {},
      args: { input: t.arg({ type: PaymentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const months = [...new Set(input.months.map((x) => x.trim()))].sort();
        new Checks()
          .check(months.length >= 1 && months.every(validMonth), 'input.months', '月份格式 YYYY-MM (at least one)')
          .check(!input.paidAt || input.paidAt <= ctx.clock.now(), 'input.paidAt', '不能晚于现在')
          .throwIfAny();
        if (months.length > MAX_BACK_PAYMENT_MONTHS) {
          throw new AppError(
            'LIMIT_EXCEEDED',
            `一次最多补交 ${MAX_BACK_PAYMENT_MONTHS} 个月 (at most ${MAX_BACK_PAYMENT_MONTHS} months at once)`,
          );
        }
        const m = await payerMembership(ctx, String(input.membershipId));
        if (m.status !== 'ACTIVE') throw invalidTransition('档案已结束 (the membership is no longer active)');
        if (!m.monthlyDuesFen || !m.duesFromMonth)
          failIfMissing([{ code: 'DUES_BASE', message: '尚未核定月缴党费 (the monthly amount is not set)' }]);
        const current = monthOf(chinaDate(ctx.clock.now()));
        const early = months.filter((x) => x < m.duesFromMonth!);
        if (early.length)
          throw new ValidationError([
            { path: 'input.months', message: `起缴月份为 ${m.duesFromMonth} (${early.join(', ')} 早于起缴月份)` },
          ]);
        let latest = current;
        for (let i = 0; i < 12; i++) latest = nextMonth(latest);
        if (months.some((x) => x > latest))
          throw new ValidationError([{ path: 'input.months', message: '最多预交 12 个月 (up to 12 months ahead)' }]);
        const paidAt = input.paidAt ?? ctx.clock.now();
        const batchId = randomUUID();
        try {
          const membership = await partyWrite(ctx, m.regionPath, async (w) => {
            const paid = await w.tx.partyDuesPayment.findMany({
              where: { membershipId: m.id, month: { in: months } },
              select: { month: true },
            });
            if (paid.length)
              throw new AppError('CONFLICT', `已缴纳 (already paid): ${paid.map((p) => p.month).join(', ')}`);
            await w.tx.partyDuesPayment.createMany({
              data: months.map((month) => ({
                membershipId: m.id,
                organizationId: m.organizationId,
                regionPath: m.regionPath,
                month,
                amountFen: m.monthlyDuesFen!,
                paidAt,
                batchId,
                recordedById: ctx.viewer?.accountId ?? null,
              })),
            });
            await w.audit({
              action: 'dues.payment',
              entityType: 'PartyMembership',
              entityId: m.id,
              regionPath: m.regionPath,
              data: { months, amountFen: m.monthlyDuesFen! * months.length },
            });
            return w.tx.partyMembership.findUniqueOrThrow({ where: { id: m.id } });
          });
          return { membership };
        } catch (e) {
          // two payments of one month that both found it unpaid: the unique (membership, month) stops the second
          if (isUniqueViolation(e)) throw new AppError('CONFLICT', '该月份已缴纳 (already paid)');
          throw e;
        }
      },
    }),
  }));

  interface Arrear {
    membershipId: string;
    months: string[];
    amountFen: number;
  }
  const ArrearRef = builder.objectRef<Arrear>('DuesArrear').implement({
    description: "党费欠缴 unpaid months before the current one (amount at today's monthly rate)",
    fields: (t) => ({
      membership: t.prismaField({
        type: 'PartyMembership',
        resolve: (q, a, _x, ctx) =>
          ctx.prisma.partyMembership.findUniqueOrThrow({ ...q, where: { id: a.membershipId } }),
      }),
      months: t.stringList({ resolve: (a) => a.months }),
      monthsCount: t.int({ resolve: (a) => a.months.length }),
      amountYuan: t.float({ resolve: (a) => a.amountFen / 100 }),
    }),
  });

  builder.queryField('duesArrears', (t) =>
    t.field({
      maxItems: 1000,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      type: [ArrearRef],
      description:
        '党费欠缴名单 of an organisation (its committee, those above, administrators of the area), most months first',
      args: { organizationId: t.arg.id({ required: true }) },
      resolve: async (_r, args, ctx) => {
        const org = await readOrg(ctx, String(args.organizationId), 'organizationId');
        if (!org) return [];
        if (!(await canManageOrg(ctx, org)))
          throw forbidden('仅本组织委员会、上级党组织和辖区管理员 (the committee, those above, administrators)');
        const last = previousMonth(monthOf(chinaDate(ctx.clock.now())));
        const members = await ctx.prisma.partyMembership.findMany({
          where: {
            organizationId: org.id,
            status: 'ACTIVE',
            stage: { in: ['PROBATIONARY', 'FULL'] },
            monthlyDuesFen: { not: null },
            duesFromMonth: { lte: last },
          },
          select: {
            id: true,
            monthlyDuesFen: true,
            duesFromMonth: true,
            payments: { where: { month: { lte: last } }, select: { month: true } },
          },
        });
        const out: Arrear[] = [];
        for (const mem of members) {
          const paid = new Set(mem.payments.map((p) => p.month));
          const owed = monthsBetween(mem.duesFromMonth!, last).filter((x) => !paid.has(x));
          if (owed.length)
            out.push({ membershipId: mem.id, months: owed, amountFen: owed.length * mem.monthlyDuesFen! });
        }
        return out.sort((a, b) => b.months.length - a.months.length);
      },
    }),
  );
}
