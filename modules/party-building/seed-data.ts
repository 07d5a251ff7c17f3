// Demo data for party-building: pure data. Source: 昌吉日报 2024-12-20 p.5 (see DOMAIN.md).
// From the page: 木垒县's residential branches with ten extra clauses for the property company,
// 1.2万元 invested in greening, 1.2 km of road resurfaced, 105 parking spaces added, play and fitness
// equipment and fences repaired; the joint theme day of 新农职大马克思主义学院 and 昌吉州人民医院 with 70+
// members (张学胜 党委书记, 王学利 院长); 昌吉州融媒体中心's in-service members at 晶彩城社区 (小蒲).
// ILLUSTRATIVE (not on the page): every generated member and their names, the clause wording beyond
// the four the page names, the split of the figures between the two branches, the greening area (not
// stated: left empty), "3 facilities" for 游乐、健身设施、小区围栏, meeting dates and which are missed.

export const SURNAMES = [
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
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
export const GIVEN = [
  '建华',
  '丽娟',
  '志强',
  '秀英',
  '海燕',
  '文博',
  '晓东',
  '雅琴',
  '国栋',
  '春霞',
  '明辉',
  '静怡',
  '子涵',
  '红梅',
  '永刚',
  '佳琪',
  '振宇',
  '慧敏',
  '德明',
  '晨曦',
];

export const ORG = {
  media: '中共昌吉州融媒体中心支部委员会',
  hospital: '中共昌吉州人民医院委员会',
  hospitalBranch: '中共昌吉州人民医院第一支部委员会',
  marx: '中共新疆农业职业技术大学马克思主义学院支部委员会',
  beiwucha: '中共玛纳斯县北五岔镇委员会',
  weijiachang: '中共魏家场村支部委员会',
  damiao: '中共大庙村支部委员会',
  mulei: '中共木垒镇委员会',
  binhe: '中共木垒镇滨河小区支部委员会',
  renminlu: '中共木垒镇人民路小区支部委员会',
} as const;

/** 十条附加条款 for 木垒县安居物业服务有限公司: the first four follow the page, the rest are illustrative */
export const CLAUSES: { branch: 'binhe' | 'renminlu'; title: string; fulfilled?: boolean }[] = [
  { branch: 'binhe', title: '对小区居民人身财产安全负责', fulfilled: true },
  { branch: 'binhe', title: '更换老化基础设施', fulfilled: true },
  { branch: 'binhe', title: '配合加装电梯' },
  { branch: 'binhe', title: '增设游乐健身设施', fulfilled: true },
  { branch: 'binhe', title: '每日清运生活垃圾', fulfilled: true },
  { branch: 'binhe', title: '冬季及时清雪除冰', fulfilled: false },
  { branch: 'renminlu', title: '公开物业服务收费明细', fulfilled: true },
  { branch: 'renminlu', title: '维修报修 24 小时内响应' },
  { branch: 'renminlu', title: '规范地面停车管理', fulfilled: true },
  { branch: 'renminlu', title: '每季度向小区党支部报告履约情况' },
];

export const PROJECTS: {
  branch: 'binhe' | 'renminlu';
  title: string;
  category: 'GREENING' | 'ROAD' | 'PARKING' | 'FACILITIES' | 'ELEVATOR';
  status: 'PLANNED' | 'COMPLETED';
  investmentYuan?: number;
  roadKm?: number;
  parkingSpaces?: number;
  facilitiesRepaired?: number;
  monthsAgo: number;
}[] = [
  {
    branch: 'binhe',
    title: '滨河小区增加绿化面积',
    category: 'GREENING',
    status: 'COMPLETED',
    investmentYuan: 12000,
    monthsAgo: 6,
  },
  {
    branch: 'renminlu',
    title: '人民路小区重新铺设路面',
    category: 'ROAD',
    status: 'COMPLETED',
    roadKm: 1.2,
    monthsAgo: 5,
  },
  {
    branch: 'binhe',
    title: '滨河小区增设地面车位',
    category: 'PARKING',
    status: 'COMPLETED',
    parkingSpaces: 60,
    monthsAgo: 4,
  },
  {
    branch: 'renminlu',
    title: '人民路小区增设地面车位',
    category: 'PARKING',
    status: 'COMPLETED',
    parkingSpaces: 45,
    monthsAgo: 4,
  },
  {
    branch: 'binhe',
    title: '维修更换游乐、健身设施和小区围栏',
    category: 'FACILITIES',
    status: 'COMPLETED',
    facilitiesRepaired: 3,
    monthsAgo: 3,
  },
  { branch: 'renminlu', title: '人民路小区加装电梯 (筹备)', category: 'ELEVATOR', status: 'PLANNED', monthsAgo: 1 },
];

export const REQUESTS: { branch: 'binhe' | 'renminlu'; resident?: string; content: string; answer?: string }[] = [
  { branch: 'binhe', resident: '周淑兰', content: '楼道灯不亮, 晚上上下楼不方便', answer: '已协调物业更换楼道灯' },
  { branch: 'binhe', content: '小区绿化少, 希望增加绿地', answer: '已投资增加绿化面积' },
  { branch: 'binhe', content: '希望加装电梯' },
  {
    branch: 'renminlu',
    resident: '卡德尔·吐尔逊',
    content: '路面坑洼, 老人出行不便',
    answer: '已重新铺设路面 1.2 公里',
  },
  { branch: 'renminlu', content: '停车难, 车辆乱停', answer: '已增设地面车位' },
  { branch: 'renminlu', content: '健身器材损坏' },
];

/** which calendar months (1–12) a branch skipped a monthly meeting, and which quarters (1–4) its members' meeting */
export const MISSES: Record<
  'media' | 'weijiachang' | 'binhe',
  { themeDay: number[]; committee: number[]; membersQuarters: number[]; lectureQuarters: number[] }
> = {
  media: { themeDay: [7], committee: [], membersQuarters: [2], lectureQuarters: [] },
  weijiachang: { themeDay: [3, 7, 8], committee: [2, 5, 9], membersQuarters: [2, 3, 4], lectureQuarters: [1, 3, 4] },
  binhe: { themeDay: [], committee: [4], membersQuarters: [], lectureQuarters: [4] },
};

export const THEMES = [
  '学习党的二十届三中全会精神',
  '人居环境整治志愿服务',
  '走访慰问困难群众',
  '法治宣传进社区',
  '红色教育基地参观学习',
  '民族团结一家亲',
  '防灾减灾知识培训',
  '重温入党誓词',
  '认领群众微心愿',
  '安全隐患排查',
  '冬季送温暖',
  '垃圾分类宣传',
];
