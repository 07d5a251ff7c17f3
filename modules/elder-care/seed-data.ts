// Demo data of elder-care: names, categories and dishes the seed cycles through (ILLUSTRATIVE).
import type { Category, Tier } from './constants.js';

export type Room = 'DINING' | 'CHESS_CARDS' | 'READING' | 'FITNESS' | 'REHABILITATION' | 'REST';
export const ALL_ROOMS: Room[] = ['DINING', 'CHESS_CARDS', 'READING', 'FITNESS', 'REHABILITATION', 'REST'];
export const INTERVAL: Record<Tier, number> = { HIGH_RISK: 7, KEY: 30, GENERAL: 90 };
export const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭'];
export const GIVEN = [
  '桂兰',
  '秀英',
  '德福',
  '玉珍',
  '建华',
  '淑珍',
  '志强',
  '凤英',
  '长海',
  '兰英',
  '国庆',
  '秀兰',
  '永福',
  '金花',
  '文清',
  '春梅',
  '万山',
  '巧云',
  '有才',
  '翠萍',
];
export const CATEGORY_CYCLE: Category[][] = [
  ['LIVING_ALONE'],
  ['EMPTY_NEST'],
  ['LEFT_BEHIND'],
  ['HARDSHIP', 'LOW_INCOME'],
  ['EMPTY_NEST', 'DEPENDENT'],
  ['DISABILITY'],
  [],
  ['LIVING_ALONE', 'EXTREME_POVERTY'],
  ['EMPTY_NEST', 'FAMILY_PLANNING_SPECIAL'],
  ['SEVERE_DISABILITY'],
];
export const NEED_KINDS = [
  'MEALS',
  'DAY_CARE',
  'HOME_HELP',
  'MEDICAL',
  'REHABILITATION',
  'ACCESSIBILITY',
  'COMPANIONSHIP',
  'OTHER',
] as const;

/** 园林社区's three invented elders (besides 王孝梅 from the core demo data) */
export const YUANLIN_ELDERS = [
  {
    name: '刘桂兰',
    birth: '1941-04-09',
    gender: 'FEMALE',
    categories: ['LIVING_ALONE', 'DEPENDENT'],
    scores: [14, 6, 20, 8],
    tier: 'HIGH_RISK',
  },
  {
    name: '张德福',
    birth: '1944-12-01',
    gender: 'MALE',
    categories: ['EMPTY_NEST', 'LOW_INCOME'],
    scores: [30, 14, 26, 12],
    tier: 'KEY',
  },
  {
    name: '马秀英',
    birth: '1937-06-18',
    gender: 'FEMALE',
    categories: ['LEFT_BEHIND', 'EXTREME_POVERTY'],
    scores: [10, 4, 14, 6],
    tier: 'HIGH_RISK',
  },
] as const;

export const DISHES = [
  ['米饭', '土豆炖牛肉', '清炒白菜'],
  ['拉条子', '过油肉', '西红柿蛋汤'],
  ['馒头', '红烧鸡块', '凉拌黄瓜'],
  ['抓饭', '胡萝卜羊肉', '酸奶'],
];
