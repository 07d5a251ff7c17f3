// Demo data for 志愿服务: pure data. Figures for 木垒县 and 北五岔镇 are from 昌吉日报 2024-12-20 p.5;
// every volunteer created here is fictitious (names are generated from common names of the region).

export const COMMUNITY = {
  binhe: '652328100001', // 滨河社区 (木垒镇)
  renminlu: '652328100002', // 人民路社区 (木垒镇)
  jingcaicheng: '652301004001',
  jiashun: '652301004002',
  yuanlin: '652301006001',
  wenhua: '652301001001',
  yanbei: '652301002001',
  shiji: '652301003001',
  weijiachang: '652324104200',
  tianlong: '652302100001',
} as const;

/** 北五岔镇's nine villages, where the inspection team works */
export const BEIWUCHA_VILLAGES = [
  '652324104200',
  '652324104201',
  '652324104202',
  '652324104203',
  '652324104204',
  '652324104205',
  '652324104206',
  '652324104207',
  '652324104208',
];

export const CENTRES: { code: string; name: string; address: string; openingHours: string }[] = [
  {
    code: COMMUNITY.binhe,
    name: '滨河社区新时代文明实践志愿服务中心',
    address: '木垒县木垒镇滨河社区党群服务中心一楼',
    openingHours: '周一至周日 9:30–19:30',
  },
  {
    code: COMMUNITY.renminlu,
    name: '人民路社区新时代文明实践志愿服务中心',
    address: '木垒县木垒镇人民路社区党群服务中心',
    openingHours: '周一至周日 9:30–19:30',
  },
  {
    code: COMMUNITY.jingcaicheng,
    name: '晶彩城社区志愿服务中心',
    address: '昌吉市建国路街道晶彩城社区党群服务中心二楼',
    openingHours: '周一至周五 10:00–18:00',
  },
  {
    code: COMMUNITY.yuanlin,
    name: '园林社区志愿服务中心',
    address: '昌吉市绿洲路街道园林社区党群服务中心',
    openingHours: '周一至周六 10:00–18:00',
  },
  {
    code: COMMUNITY.weijiachang,
    name: '魏家场村志愿服务站',
    address: '玛纳斯县北五岔镇魏家场村村委会',
    openingHours: '农忙外每日 9:00–18:00',
  },
  {
    code: COMMUNITY.tianlong,
    name: '天龙社区志愿服务中心',
    address: '阜康市甘河子镇天龙社区党群服务中心',
    openingHours: '周一至周五 9:30–18:00',
  },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
];
const GIVEN = [
  '建华',
  '秀英',
  '志强',
  '海燕',
  '国庆',
  '丽娟',
  '文军',
  '玉梅',
  '晓东',
  '春花',
  '新民',
  '桂兰',
  '永刚',
  '红霞',
  '德明',
  '雪梅',
  '立新',
  '淑珍',
  '学军',
  '凤英',
];
const KAZAKH = [
  '努尔江·别克',
  '古丽巴哈尔·托合提',
  '叶尔肯·阿力木',
  '阿依古丽·哈森',
  '哈力木拉提·吾拉尔',
  '巴合提亚尔·努尔兰',
  '沙吾列·加尔肯',
  '木拉提·赛力克',
  '阿娜尔·吐尔逊',
  '热合曼·加纳提',
];

/** `count` distinct fictitious names, skipping any in `taken` (the core demo people) */
export function names(count: number, offset: number, taken: Set<string>, withKazakh = false): string[] {
  const out: string[] = [];
  let i = offset;
  let k = 0;
  while (out.length < count) {
    const name =
      withKazakh && out.length % 4 === 3 && k < KAZAKH.length
        ? KAZAKH[k++]!
        : `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`;
    i += 1;
    if (!taken.has(name)) {
      taken.add(name);
      out.push(name);
    }
  }
  return out;
}

export const MULEI_TITLES: Record<
  'LIVING_ENVIRONMENT' | 'DISABILITY_AID' | 'LEGAL_PUBLICITY' | 'HOME_VISIT' | 'ELDER_HELP',
  string[]
> = {
  LIVING_ENVIRONMENT: ['小区环境卫生大扫除', '楼道杂物清理', '绿化带除草补植', '清理卫生死角', '冬季扫雪除冰'],
  DISABILITY_AID: ['残疾人家庭帮扶', '助残帮困送温暖', '困难家庭代购代办', '残疾人康复陪护'],
  LEGAL_PUBLICITY: ['民法典进小区宣讲', '反诈宣传进社区', '法律咨询摆摊服务', '普法知识有奖问答'],
  HOME_VISIT: ['入户走访收集民意', '独居老人走访'],
  ELDER_HELP: ['为老人理发义剪', '助老助餐送餐'],
};

/** 木垒县 service orders: households visited, suggestions, disputes resolved, matters done (the paper's totals) */
export const MULEI_ORDER_TOTALS = { householdsVisited: 4566, suggestions: 83, disputesResolved: 712, mattersDone: 326 };

export const MULEI_ORDER_TITLES = [
  '独居老人冬季安全走访',
  '供暖不热问题入户排查',
  '小区停车矛盾调解',
  '残疾人家庭帮扶需求摸排',
  '老旧小区楼道照明维修',
  '邻里噪音纠纷调解',
  '困难群众救助政策宣传',
  '物业服务意见收集',
  '农民工工资问题协调',
  '居民用水用电安全检查',
  '流动人口信息走访',
  '高龄老人健康随访',
];

/** splits `total` into `parts` positive integers with a deterministic, uneven spread */
export function spread(total: number, parts: number, seed: number): number[] {
  const weights = Array.from({ length: parts }, (_, i) => 5 + ((i * 37 + seed * 11) % 17));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i]! += 1;
  return out;
}
