// One household per address in a community (户籍地址不重复), unless it is marked as split from another household
// at that address (分户). Addresses are compared normalised by the database function household_address_key
// (NFKC, no whitespace, lower case), the same expression as the partial unique index "Household_one_per_address",
// so the check before writing and the index agree; two writers racing for one address: the index lets one win
// and the other gets CONFLICT.
import {
  AppError,
  isUniqueViolation,
  notFound,
  parseId,
  ValidationError,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';

type Db = Pick<Prisma.TransactionClient, '$queryRaw'>;

const taken = (address: string) =>
  new AppError(
    'CONFLICT',
    `本社区已有住址为「${address}」的户；如系分户，请注明原户 (splitFromId) ` +
      '(a household of this community already has this address; mark a split household with splitFromId)',
    { path: 'input.address' },
  );

/** the household of the community holding this address as its own (not a split one), if any */
async function holderOf(db: Db, communityId: string, address: string, exceptId?: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Household"
    WHERE "communityId" = ${communityId} AND "splitFromId" IS NULL AND id <> ${exceptId ?? ''}
      AND household_address_key("address") = household_address_key(${address})
    LIMIT 1`;
  return rows[0]?.id ?? null;
}

/** refuses an address another household of the community holds, unless this one is split (分户) */
export async function assertAddressFree(
  db: Db,
  h: { communityId: string; address: string; splitFromId: string | null; id?: string },
) {
  if (h.splitFromId) return;
  if (await holderOf(db, h.communityId, h.address, h.id)) throw taken(h.address);
}

/** the household a new one splits from: of the same community and the same (normalised) address */
export async function splitOrigin(ctx: Context, globalId: unknown, communityId: string, address: string) {
  if (globalId == null) return null;
  const id = parseId(String(globalId), 'Household', 'input.splitFromId');
  const origin = await ctx.prisma.household.findUnique({ where: { id } });
  if (!origin) throw notFound('原户 household');
  const rows = await ctx.prisma.$queryRaw<{ same: boolean }[]>`
    SELECT household_address_key(${origin.address}) = household_address_key(${address}) AS same`;
  if (origin.communityId !== communityId || !rows[0]?.same)
    throw new ValidationError([
      {
        path: 'input.splitFromId',
        message: '分户须与原户同一社区、同一住址 (same community and address as the original)',
      },
    ]);
  return origin.id;
}

/** a write that lost the race for an address to another writer: CONFLICT, like the check before it */
export async function claimingAddress<T>(address: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(address);
    throw e;
  }
}
