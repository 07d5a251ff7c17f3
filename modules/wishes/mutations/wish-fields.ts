// The texts, category and value of a wish: one validation for submitWish and updateWish, so a
// correction can never store what a submission would refuse.
import { Checks } from '../../../src/kit/index.js';

export interface WishFieldsInput {
  title?: string | null;
  description?: string | null;
  estimatedValue?: number | null;
}

/**
 * Checks the given fields (all problems at once). `partial` (updateWish): a field left out is not
 * checked; an explicit null title is refused like an empty one, a null description or value clears it.
 */
export function wishFieldChecks(input: WishFieldsInput, { partial = false } = {}): Checks {
  const checks = new Checks();
  if (!partial || input.title !== undefined) checks.text(input.title, 'input.title', { min: 2, max: 40 });
  return checks
    .text(input.description, 'input.description', { max: 500, required: false })
    .check(
      input.estimatedValue == null || (input.estimatedValue >= 0 && input.estimatedValue <= 100_000),
      'input.estimatedValue',
      '应为 0–100000 元',
    );
}
