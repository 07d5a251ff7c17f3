// 全州174个城乡社区 (昌吉日报, 州党委社会工作部 "五社联动"): the demo hierarchy is filled up to 174 communities
// and villages, spread round-robin over the townships it already has (their county and township codes are
// the real ones). The added communities' names and codes are ILLUSTRATIVE: street-office communities get
// codes 0NN and the name …社区, villages of towns and townships codes 2NN and the name …村, never a code
// the newspaper page names.
import type { RegionSeed } from './demo-data.js';

export const PREFECTURE_COMMUNITIES = 174;

// two-character name stems (和平, 幸福, …)
const NAMES = [
  ...'和平幸福团结振兴光明育才丰收新华长青阳光安康友好',
  ...'建设胜利兴盛春晖金桥绿园永安康宁怡和锦绣富民兴农',
].flatMap((_, i, chars) => (i % 2 ? [] : [chars[i]! + chars[i + 1]!]));

// townships whose villages the newspaper pages list in full (北五岔镇: the grid module's ten villages)
const COMPLETE = new Set(['652324104']);

/** the regions with illustrative communities added until the prefecture has PREFECTURE_COMMUNITIES */
export function fillCommunities(regions: RegionSeed[]): RegionSeed[] {
  const townships = regions.filter((r) => r.level === 'TOWNSHIP' && !COMPLETE.has(r.code));
  const used = new Set(regions.map((r) => r.code));
  const names = new Set(regions.map((r) => `${r.parentCode}:${r.name}`));
  const extra: RegionSeed[] = [];
  let missing = PREFECTURE_COMMUNITIES - regions.filter((r) => r.level === 'COMMUNITY').length;
  for (let round = 0; missing > 0; round++) {
    for (const t of townships) {
      if (missing === 0) break;
      const street = t.name.endsWith('街道');
      let n = street ? 1 : 200;
      while (used.has(`${t.code}${String(n).padStart(3, '0')}`)) n++;
      const code = `${t.code}${String(n).padStart(3, '0')}`;
      let k = round;
      while (names.has(`${t.code}:${NAMES[k % NAMES.length]}${street ? '社区' : '村'}`)) k++;
      const name = `${NAMES[k % NAMES.length]}${street ? '社区' : '村'}`;
      used.add(code);
      names.add(`${t.code}:${name}`);
      extra.push({ code, name, level: 'COMMUNITY', parentCode: t.code });
      missing--;
    }
  }
  return [...regions, ...extra];
}
