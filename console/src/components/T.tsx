import { L, type LabelKey } from '../i18n.js';

/** a bilingual label: the Chinese first, the English after it in a smaller, lighter span */
export function T({ k }: { k: LabelKey }) {
  return (
    <>
      {L[k][0]}{' '}
      <span class="en" lang="en">
        {L[k][1]}
      </span>
    </>
  );
}
