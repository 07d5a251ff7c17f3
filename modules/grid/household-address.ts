// One household per address in a community (户籍地址不重复), unless it is marked as split from another household
// at that address (分户). Addresses are compared normalised by the database function household_address_key
// (NFKC, no whitespace, lower case) inside the partial unique index "Household_one_per_address": the index is
// the check, so a taken address and two writers racing for one give the same CONFLICT, and nothing is written.
import { AppError, isUniqueViolation, notFound, parseId, ValidationError, type Context } from '../../src/kit/index.js';

const taken = (address: string) =>
  new AppError(
    'CONFLICT',
    `本社区已有住址为「${address}」的户；如系分户，请注明原户 (splitFromId) ` +
      '(a household of this community already has this address; mark a split household with splitFromId)',
    { path: 'input.address' },
  );

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

/** a write refused by the index (an address another household holds): CONFLICT naming splitFromId */
export async function claimingAddress<T>(address: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(address);
    throw e;
  }
}
