// Demo data of 五社联动 (after 昌吉日报's page on the 州党委社会工作部 "五社联动" scheme: 5–10 social
// organisations per community, the three lists, 八进社区, the county → township → community network,
// government-purchased projects). Organisation names, registration numbers, needs, resources and project
// figures are ILLUSTRATIVE.
import type { ServiceAreaValue } from './model.js';

type Kind = 'SERVICE' | 'CHARITY' | 'MUTUAL_AID' | 'CULTURE_SPORTS' | 'OTHER';

/** the organisation templates a community draws its 5–10 from (name suffix, kind, areas, filed or registered) */
export const ORG_TEMPLATES: { suffix: string; kind: Kind; areas: ServiceAreaValue[]; registered: boolean }[] = [
  { suffix: '睦邻互助会', kind: 'MUTUAL_AID', areas: ['HOUSEKEEPING', 'MEALS_AND_MOBILITY'], registered: false },
  { suffix: '夕阳红志愿服务队', kind: 'SERVICE', areas: ['ELDER_AND_CHILD_CARE'], registered: false },
  { suffix: '巾帼家政服务社', kind: 'SERVICE', areas: ['HOUSEKEEPING', 'EMPLOYMENT'], registered: true },
  { suffix: '文体协会', kind: 'CULTURE_SPORTS', areas: ['FITNESS', 'CULTURE'], registered: false },
  { suffix: '爱心助餐服务社', kind: 'CHARITY', areas: ['MEALS_AND_MOBILITY'], registered: true },
  { suffix: '青少年成长驿站', kind: 'SERVICE', areas: ['CHILDREN_PLAY', 'ELDER_AND_CHILD_CARE'], registered: false },
  { suffix: '健康服务队', kind: 'SERVICE', areas: ['FAMILY_DOCTOR'], registered: false },
  { suffix: '就业帮扶工作室', kind: 'SERVICE', areas: ['EMPLOYMENT'], registered: true },
  { suffix: '书画诗词社', kind: 'CULTURE_SPORTS', areas: ['CULTURE'], registered: false },
  { suffix: '慈善帮扶站', kind: 'CHARITY', areas: ['ELDER_AND_CHILD_CARE', 'HOUSEKEEPING'], registered: true },
];

/** how many organisations a community has: 5–10, from its code (stable across runs) */
export const orgCountOf = (code: string) => 5 + ((Number(code.slice(-3)) * 7 + Number(code.slice(-6, -3))) % 6);

/** 晶彩城社区: needs of its 居民需求清单 (days ago, category, people, urgency, source, outcome) */
export const JINGCAICHENG_NEEDS: {
  daysAgo: number;
  category: ServiceAreaValue;
  description: string;
  people: number;
  urgency: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  source: 'VISIT' | 'HOTLINE' | 'GRID' | 'OTHER';
  outcome: 'OPEN' | 'MATCHED' | 'MET';
  matchedAfterDays?: number;
}[] = [
  {
    daysAgo: 40,
    category: 'MEALS_AND_MOBILITY',
    description: '独居老人午餐助餐需求',
    people: 12,
    urgency: 'HIGH',
    source: 'VISIT',
    outcome: 'MET',
    matchedAfterDays: 2,
  },
  {
    daysAgo: 35,
    category: 'CHILDREN_PLAY',
    description: '暑期儿童托管与游憩场地',
    people: 30,
    urgency: 'NORMAL',
    source: 'HOTLINE',
    outcome: 'MET',
    matchedAfterDays: 4,
  },
  {
    daysAgo: 20,
    category: 'FAMILY_DOCTOR',
    description: '慢病老人上门随访',
    people: 8,
    urgency: 'HIGH',
    source: 'GRID',
    outcome: 'MATCHED',
    matchedAfterDays: 1,
  },
  {
    daysAgo: 12,
    category: 'HOUSEKEEPING',
    description: '高龄老人居家保洁',
    people: 5,
    urgency: 'NORMAL',
    source: 'VISIT',
    outcome: 'OPEN',
  },
  {
    daysAgo: 3,
    category: 'EMPLOYMENT',
    description: '待业青年技能培训与岗位推荐',
    people: 6,
    urgency: 'LOW',
    source: 'OTHER',
    outcome: 'OPEN',
  },
  {
    daysAgo: 45,
    category: 'FITNESS',
    description: '老年人健身器材维护与健身指导',
    people: 40,
    urgency: 'LOW',
    source: 'VISIT',
    outcome: 'OPEN',
  },
];
