// GraphQL enums of the grid module (names and values are a contract with front ends).
import { describedValues as values, type Builder } from '../../src/kit/index.js';

export const SG = ['grid'];

export const STATUS_TERMS = {
  REPORTED: '网格发现 reported (by a grid worker, or by a resident: 居民上报)',
  ACCEPTED: '村社接报 accepted by the village/community',
  ESCALATED: '街乡吹哨 escalated by the township to departments',
  IN_PROGRESS: '部门报到 a department reported in and is handling it',
  RESOLVED: '处置反馈 the department reports it resolved',
  CLOSED: '核查结案 verified and closed',
  REJECTED: '不予受理 not a matter for us, or a duplicate',
} as const;

export const CATEGORY_TERMS = {
  SAFETY_HAZARD: '安全隐患 safety hazard',
  ENVIRONMENT: '环境卫生 environment and sanitation',
  DISPUTE: '矛盾纠纷 dispute',
  INFRASTRUCTURE: '基础设施 infrastructure, utilities and property',
  PUBLIC_ORDER: '治安秩序 public order',
  LIVELIHOOD: '民生诉求 livelihood request',
  OTHER: '其他 other',
} as const;

export type IncidentStatusName = keyof typeof STATUS_TERMS;
export type IncidentCategoryName = keyof typeof CATEGORY_TERMS;
export type IncidentPriorityName = 'NORMAL' | 'URGENT';
export const OPEN_STATUSES: IncidentStatusName[] = ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS', 'RESOLVED'];

export function registerEnums(builder: Builder) {
  return {
    GridKind: builder.enumType('GridKind', {
      description: '网格类型',
      values: values({
        URBAN: '城镇网格 town grid (usually 300–500 户)',
        RURAL: '农村网格 countryside grid (about 300 户 or one natural village)',
      }),
    }),
    GridStaffRole: builder.enumType('GridStaffRole', {
      description: '网格人员角色',
      values: values({
        LEADER: '网格长 grid leader',
        FULL_TIME: '专职网格员 full-time grid worker',
        PART_TIME: '兼职网格员 part-time grid worker',
        INSTRUCTOR: '网格指导员 instructor (usually a township cadre)',
      }),
    }),
    PatrolKind: builder.enumType('PatrolKind', {
      description: '巡查类型',
      values: values({ VISIT: '走访 a visit', HAZARD_INSPECTION: '隐患排查 a safety-hazard inspection' }),
    }),
    IncidentStatus: builder.enumType('IncidentStatus', {
      description: '事件状态',
      values: values(STATUS_TERMS),
    }),
    IncidentPriority: builder.enumType('IncidentPriority', {
      description: '紧急程度',
      values: values({ NORMAL: '一般 normal', URGENT: '紧急 urgent, or danger to life and property' }),
    }),
    IncidentCategory: builder.enumType('IncidentCategory', {
      description: '事件类别',
      values: values(CATEGORY_TERMS),
    }),
    SupervisionLevel: builder.enumType('SupervisionLevel', {
      description: '督办层级: raised one level by the overdue sweep',
      values: values({ COMMUNITY: '村社 community', TOWNSHIP: '乡镇街道 township', COUNTY: '县市 county' }),
    }),
    IncidentSatisfaction: builder.enumType('IncidentSatisfaction', {
      description: '满意度 (回访)',
      values: values({ SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' }),
    }),
    IncidentEntryKind: builder.enumType('IncidentEntryKind', {
      description: '时间线条目类型',
      values: values({
        TRANSITION: '状态变更 a status change',
        SUPERVISION: '督办升级 the overdue sweep raised the supervision level',
        ASSIST: '协办报到 a department reported in as assisting',
      }),
    }),
    DepartmentRole: builder.enumType('DepartmentRole', {
      description: '部门角色',
      values: values({
        NOTIFIED: '已吹哨 notified, not yet reported in',
        LEAD: '主办 lead department',
        ASSISTING: '协办 assisting department',
        RETURNED: '退单 returned the escalation with a reason before reporting in',
      }),
    }),
    RejectReason: builder.enumType('IncidentRejectReason', {
      description: '不予受理原因',
      values: values({
        NOT_OUR_MATTER: '非本级事项 not a matter for us',
        DUPLICATE: '重复事件 duplicate of another incident',
      }),
    }),
    IncidentChannel: builder.enumType('IncidentChannel', {
      description: '来源渠道',
      values: values({
        GRID: '网格发现 a grid worker (patrol or report)',
        RESIDENT: '居民上报 a resident (reportProblem)',
        OPEN311: 'Open311 客户端 a civic client through the GeoReport v2 API',
      }),
    }),
    SatisfactionSource: builder.enumType('SatisfactionSource', {
      description: '满意度来源',
      values: values({
        RESIDENT: '居民评价 rated by the resident (rateIncidentHandling)',
        WORKER: '工作人员代录 entered by a worker at closing, where the resident cannot rate',
      }),
    }),
    Open311Status: builder.enumType('Open311Status', {
      description: 'Open311 GeoReport v2 状态',
      values: values({ open: '处理中 open', closed: '已关闭 closed' }),
    }),
    PointsPeriod: builder.enumType('PointsPeriod', {
      description: '积分封顶周期 (Asia/Shanghai calendar)',
      values: values({ DAY: '每日', WEEK: '每周 (from Monday)', MONTH: '每月', YEAR: '每年' }),
    }),
    PointsEntryKind: builder.enumType('PointsEntryKind', {
      description: '积分流水类型',
      values: values({
        EARN: '获得 earn',
        REDEEM: '兑换 redeem',
        REVERSE: '冲正 reversal of an earlier entry',
        EXPIRE: '过期 expiry',
      }),
    }),
  };
}

export type GridEnums = ReturnType<typeof registerEnums>;
