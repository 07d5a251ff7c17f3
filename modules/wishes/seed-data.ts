// Demo data of 微心愿, after 昌吉日报 2024-12-20 p.5 (pure data, no database access). Named people come
// from prisma/seed/demo-data.ts; the other requesters and a few in-service members are generated here
// (fictitious, like all demo people). Everything the page reports has happened, so every claimed wish
// is FULFILLED or CONFIRMED: no demo claim is open, so none expires when the server starts.
import type { Gender, PersonTag, WishCategory, WishChannel } from '../../src/kit/index.js';

export const CODES = {
  yuanlin: '652301006001', // 园林社区
  jingcaicheng: '652301004001', // 晶彩城社区
  jiashun: '652301004002', // 嘉顺社区
  tianlong: '652302100001', // 天龙社区
  huangtaizi: '652324203207', // 黄台子村 (塔西河乡)
} as const;

/** community worker accounts that reviewed the demo wishes (none for 嘉顺社区 and 黄台子村) */
export const WORKERS: Partial<Record<string, string>> = {
  [CODES.yuanlin]: 'yuanlin-worker',
  [CODES.jingcaicheng]: 'jingcaicheng-worker',
  [CODES.tianlong]: 'tianlong-worker',
};

export interface NewMember {
  name: string;
  gender: Gender;
  community: string;
  organization: string;
  commitment: string;
}

/** in-service party members (在职党员) the page implies but demo-data.ts does not name */
export const NEW_MEMBERS: NewMember[] = [
  {
    name: '陈志远',
    gender: 'MALE',
    community: CODES.yuanlin,
    organization: '昌吉州人民医院',
    commitment: '每月为社区老人义诊一次',
  },
  {
    name: '刘芳',
    gender: 'FEMALE',
    community: CODES.yuanlin,
    organization: '新疆农业职业技术大学',
    commitment: '认领困难群众微心愿',
  },
  ...(['杨帆', '李娜', '张昊', '王雪', '赵磊', '周婷', '孙健'] as const).map((name, i) => ({
    name,
    gender: (i % 2 ? 'FEMALE' : 'MALE') as Gender,
    community: CODES.jingcaicheng,
    organization: '昌吉州融媒体中心',
    commitment: '圆梦微心愿，每季度至少认领一个',
  })),
  {
    name: '郭鹏',
    gender: 'MALE',
    community: CODES.jiashun,
    organization: '昌吉州人民医院',
    commitment: '冬季为独居老人送温暖',
  },
  {
    name: '林志明',
    gender: 'MALE',
    community: CODES.huangtaizi,
    organization: '福建援疆三明分指挥部',
    commitment: '圆梦微心愿 爱心助成长',
  },
];

type Item = [title: string, category: WishCategory, value: number, description: string];

export const ITEMS: Item[] = [
  ['米面油', 'DAILY_NECESSITIES', 150, '大米一袋、清油一桶'],
  ['电饭锅', 'DAILY_NECESSITIES', 199, '家里的电饭锅坏了，想换一个'],
  ['保温水杯', 'DAILY_NECESSITIES', 59, '冬天想随时喝上热水'],
  ['冬季棉被', 'DAILY_NECESSITIES', 180, '一床厚实的棉被'],
  ['电热毯', 'DAILY_NECESSITIES', 89, '冬天屋里冷'],
  ['冬季棉衣', 'DAILY_NECESSITIES', 200, '一件保暖的棉衣'],
  ['护腰带、护膝', 'HEALTH', 120, '腰疼、关节疼，冬天更怕冷'],
  ['电子血压计', 'HEALTH', 159, '方便在家量血压'],
  ['老花镜', 'HEALTH', 50, '看不清药盒上的字'],
  ['泡脚桶', 'ELDER_CARE', 129, '一个舒适的泡脚桶'],
  ['老年手机', 'ELDER_CARE', 199, '字大、声音大，方便和子女联系'],
  ['防滑拐杖', 'ELDER_CARE', 69, '下雪天出门走路不稳'],
  ['篮球', 'EDUCATION', 99, '一个心仪已久的篮球'],
  ['书包和文具', 'EDUCATION', 120, '新学期的书包和文具'],
  ['课外读物', 'EDUCATION', 80, '几本适合小学生的课外书'],
  ['护眼台灯', 'EDUCATION', 79, '晚上写作业用'],
  ['轮椅', 'DISABILITY_AID', 600, '出门看病需要轮椅'],
  ['助行器', 'DISABILITY_AID', 180, '腿脚不便，想自己下楼走走'],
  ['小太阳取暖器', 'DAILY_NECESSITIES', 169, '冬天屋里冷，想要一台小太阳取暖器'],
  ['书包', 'EDUCATION', 99, '塔西河乡学校学生，想要一个新书包'],
];

export const CHANNELS: WishChannel[] = ['CHAT_GROUP', 'WISH_WALL', 'HOME_VISIT', 'ONLINE'];

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏'];
const GIVEN: [string, Gender][] = [
  ['秀英', 'FEMALE'],
  ['桂兰', 'FEMALE'],
  ['建华', 'MALE'],
  ['玉珍', 'FEMALE'],
  ['志强', 'MALE'],
  ['淑珍', 'FEMALE'],
  ['国庆', 'MALE'],
  ['丽娟', 'FEMALE'],
  ['文明', 'MALE'],
  ['春梅', 'FEMALE'],
  ['德胜', 'MALE'],
  ['凤英', 'FEMALE'],
  ['永福', 'MALE'],
  ['翠兰', 'FEMALE'],
  ['长林', 'MALE'],
  ['素芳', 'FEMALE'],
  ['振华', 'MALE'],
  ['金花', 'FEMALE'],
  ['宝山', 'MALE'],
  ['桂香', 'FEMALE'],
  ['新民', 'MALE'],
  ['玉芬', 'FEMALE'],
  ['明亮', 'MALE'],
  ['海燕', 'FEMALE'],
];
const KAZAKH_GIVEN: [string, Gender][] = [
  ['阿依古丽', 'FEMALE'],
  ['叶尔兰', 'MALE'],
  ['古丽米拉', 'FEMALE'],
  ['阿斯哈尔', 'MALE'],
  ['加娜尔', 'FEMALE'],
  ['努尔江', 'MALE'],
];
const KAZAKH_FATHERS = ['托合塔尔', '叶尔肯', '努尔别克', '哈力别克', '阿合买提'];

export interface NewResident {
  name: string;
  gender: Gender;
  ethnicity: string;
  tags: PersonTag[];
}

/**
 * Deterministic, distinct names avoiding `taken` (the names already in the database), so that a later
 * `kit.person(name)` of another module never picks a generated person by mistake.
 */
export function generateResidents(
  count: number,
  taken: Set<string>,
  kind: 'adult' | 'pupil',
  offset = 0,
): NewResident[] {
  const result: NewResident[] = [];
  for (let i = offset; result.length < count; i++) {
    const kazakh = kind === 'pupil' && i % 3 === 0;
    const [given, gender] = kazakh
      ? KAZAKH_GIVEN[i % KAZAKH_GIVEN.length]!
      : GIVEN[(i * 7 + Math.floor(i / GIVEN.length)) % GIVEN.length]!;
    const name = kazakh
      ? `${given}·${KAZAKH_FATHERS[Math.floor(i / 3) % KAZAKH_FATHERS.length]}`
      : `${SURNAMES[i % SURNAMES.length]}${given}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const tags: PersonTag[] =
      kind === 'pupil'
        ? i % 4 === 0
          ? ['LEFT_BEHIND']
          : []
        : [(['ELDERLY', 'HARDSHIP', 'EMPTY_NEST', 'LIVING_ALONE', 'DISABLED'] as const)[i % 5]];
    result.push({ name, gender, ethnicity: kazakh ? '哈萨克族' : i % 6 === 5 ? '回族' : '汉族', tags });
  }
  return result;
}

/** Beijing time → Date */
export const cst = (local: string) => new Date(`${local}+08:00`);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
