// 五社联动 vocabulary in one place: statuses, kinds and the GraphQL enums built from their labels.
import { describedValues as values, type Builder } from '../../src/kit/index.js';

export const MODULE_ID = 'social-linkage';

export const SERVICE_AREA_LABELS = {
  ELDER_AND_CHILD_CARE: '养老托育 elderly and child care',
  MEALS_AND_MOBILITY: '助餐助行 meals and mobility help',
  HOUSEKEEPING: '家政便民 housekeeping and convenience services',
  EMPLOYMENT: '公共就业 public employment services',
  FAMILY_DOCTOR: '家庭医疗 family doctors',
  FITNESS: '体育健身 fitness and sports',
  CULTURE: '文化休闲 culture and leisure',
  CHILDREN_PLAY: '儿童游憩 children’s play',
  OTHER: '其他 other (needs and resources only)',
} as const;
export type ServiceAreaValue = keyof typeof SERVICE_AREA_LABELS;

export const ORG_KIND_LABELS = {
  SERVICE: '服务类 service',
  CHARITY: '公益慈善类 charity',
  MUTUAL_AID: '互助类 mutual aid',
  CULTURE_SPORTS: '文体类 culture and sports',
  OTHER: '其他 other',
} as const;

export const ORG_STANDING_LABELS = {
  FILED: '备案 filed with the township and the community’s two committees (below registration thresholds)',
  REGISTERED: '登记 registered with civil affairs (民政部门), with a registration number',
} as const;

export const ORG_STATUS_LABELS = {
  FILING: '备案中 filed, waiting for the township or community to confirm',
  ACTIVE: '正常 active',
  SUSPENDED: '暂停 suspended',
  DEREGISTERED: '注销 deregistered (final)',
} as const;
export type OrgStatus = keyof typeof ORG_STATUS_LABELS;

export const STATION_LEVEL_LABELS = {
  COUNTY_CENTRE: '县级社会工作服务中心 county centre',
  TOWNSHIP_STATION: '乡镇(街道)社会工作服务站 township station',
  COMMUNITY_ROOM: '社区(村)社会工作室 community room',
} as const;

export const QUALIFICATION_LABELS = {
  ASSISTANT: '助理社会工作师 assistant social worker',
  SOCIAL_WORKER: '社会工作师 social worker',
  SENIOR: '高级社会工作师 senior social worker',
} as const;

export const NEED_SOURCE_LABELS = {
  VISIT: '走访 home visit',
  HOTLINE: '热线 hotline',
  GRID: '网格发现 found by a grid worker',
  WISH: '微心愿 from a wish that was not fulfilled',
  ELDER_CARE: '康养服务 from an elder-care need left open',
  OTHER: '其他 other',
} as const;

export const URGENCY_LABELS = {
  LOW: '一般 low',
  NORMAL: '较急 normal',
  HIGH: '紧急 high',
  URGENT: '特急 urgent (急难愁盼)',
} as const;

export const NEED_STATUS_LABELS = {
  OPEN: '待对接 open, waiting for a resource',
  MATCHED: '已对接 matched with a resource',
  MET: '已满足 served',
  CLOSED: '已关闭 closed without service',
} as const;
export type NeedStatus = keyof typeof NEED_STATUS_LABELS;

export const PROVIDER_KIND_LABELS = {
  SOCIAL_ORGANIZATION: '社会组织 a social organisation',
  UNIT: '驻区单位 a unit (enterprise, institution, department)',
  CHARITY: '慈善资源 a charity',
  VOLUNTEER_TEAM: '志愿服务队 a volunteer team',
} as const;

export const PERIOD_LABELS = {
  WEEK: '每周 per week',
  MONTH: '每月 per month',
  QUARTER: '每季度 per quarter',
  YEAR: '每年 per year',
} as const;
export type Period = keyof typeof PERIOD_LABELS;

export const COST_LABELS = {
  FREE: '免费 free',
  SUBSIDISED: '低偿 subsidised',
  PAID: '有偿 paid',
} as const;

export const REACH_LABELS = {
  COMMUNITY: '本社区 one community',
  TOWNSHIP: '全乡镇(街道) every community of a township',
} as const;

export const ENGAGEMENT_STATUS_LABELS = {
  MATCHED: '已对接 matched, capacity taken',
  DELIVERED: '已服务 delivered',
  FEEDBACK: '已评价 feedback recorded',
} as const;
export type EngagementStatus = keyof typeof ENGAGEMENT_STATUS_LABELS;

export const PROJECT_STATUS_LABELS = {
  PLANNED: '立项 planned',
  CONTRACTED: '已签约 contracted with the provider',
  IN_PROGRESS: '实施中 in progress',
  EVALUATED: '已评估 evaluated (final)',
  TERMINATED: '已终止 terminated (final)',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUS_LABELS;

/** the module's GraphQL enums (built once per builder) */
export function registerEnums(builder: Builder) {
  const e = <K extends string>(name: string, description: string, labels: Record<K, string>) =>
    builder.enumType(name, { description, values: values(labels) });
  return {
    ServiceArea: e('ServiceArea', '八进社区服务类别 service kinds entering communities', SERVICE_AREA_LABELS),
    SocialOrganizationKind: e('SocialOrganizationKind', '社会组织类型', ORG_KIND_LABELS),
    SocialOrganizationStanding: e('SocialOrganizationStanding', '登记方式 登记 or 备案', ORG_STANDING_LABELS),
    SocialOrganizationStatus: e('SocialOrganizationStatus', '社会组织状态', ORG_STATUS_LABELS),
    SocialWorkStationLevel: e('SocialWorkStationLevel', '三级社会工作服务网络层级', STATION_LEVEL_LABELS),
    SocialWorkerQualification: e('SocialWorkerQualification', '社工职业水平', QUALIFICATION_LABELS),
    NeedSource: e('NeedSource', '需求来源', NEED_SOURCE_LABELS),
    NeedUrgency: e('NeedUrgency', '紧急程度', URGENCY_LABELS),
    NeedStatus: e('NeedStatus', '需求状态', NEED_STATUS_LABELS),
    ResourceProviderKind: e('ResourceProviderKind', '资源提供方', PROVIDER_KIND_LABELS),
    CapacityPeriod: e('CapacityPeriod', '名额周期', PERIOD_LABELS),
    ResourceCost: e('ResourceCost', '收费方式', COST_LABELS),
    ResourceReach: e('ResourceReach', '服务范围', REACH_LABELS),
    EngagementStatus: e('EngagementStatus', '对接状态', ENGAGEMENT_STATUS_LABELS),
    LivelihoodProjectStatus: e('LivelihoodProjectStatus', '民生项目状态', PROJECT_STATUS_LABELS),
  };
}

export type Enums = ReturnType<typeof registerEnums>;

const CST_MS = 8 * 60 * 60 * 1000;

/** the start (UTC instant) of the capacity period containing `now`, by China Standard Time calendar */
export function periodStartOf(period: Period, now: Date): Date {
  const local = new Date(now.getTime() + CST_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  let start: number;
  if (period === 'YEAR') start = Date.UTC(y, 0, 1);
  else if (period === 'QUARTER') start = Date.UTC(y, m - (m % 3), 1);
  else if (period === 'MONTH') start = Date.UTC(y, m, 1);
  else {
    const day = (local.getUTCDay() + 6) % 7; // Monday = 0
    start = Date.UTC(y, m, local.getUTCDate() - day);
  }
  return new Date(start - CST_MS);
}
