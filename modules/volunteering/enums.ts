import { describedValues as d, type Builder } from '../../src/kit/index.js';

export const ACTIVITY_STATUS = {
  DRAFT: '草稿 draft, visible to its organisers only',
  RECRUITING: '招募中 published, open for sign-up',
  ONGOING: '进行中 started: check-in and check-out',
  COMPLETED: '已结束 finished: the organiser confirms hours',
  CANCELLED: '已取消 cancelled',
};

export const ACTIVITY_CATEGORY = {
  LIVING_ENVIRONMENT: '人居环境整治 living environment',
  DISABILITY_AID: '助残帮困 disability aid and hardship relief',
  LEGAL_PUBLICITY: '法治宣传 legal publicity',
  HOME_VISIT: '入户走访 home visits',
  SAFETY_INSPECTION: '安全隐患排查 safety-hazard inspection',
  ELDER_HELP: '助老 elder help',
  HEALTH_SERVICE: '义诊与健康服务 free clinic, first aid, health',
  OTHER: '其他 other',
};

export function registerEnums(builder: Builder) {
  return {
    ActivityStatus: builder.enumType('ActivityStatus', {
      description: '志愿服务活动状态: DRAFT → RECRUITING → ONGOING → COMPLETED, or CANCELLED',
      values: d(ACTIVITY_STATUS),
    }),
    ActivityCategory: builder.enumType('ActivityCategory', {
      description: '志愿服务活动类别',
      values: d(ACTIVITY_CATEGORY),
    }),
    TeamKind: builder.enumType('VolunteerTeamKind', {
      description: '志愿服务队类别',
      values: d({
        PARTY_MEMBER: '党员志愿服务队 party-member team',
        YOUTH: '青年志愿服务队 youth team',
        WOMEN: '巾帼志愿服务队 women’s team',
        SAFETY_INSPECTION: '安全隐患排查队 safety-hazard inspection team',
        OTHER: '其他 other',
      }),
    }),
    TeamRole: builder.enumType('VolunteerTeamRole', {
      description: '队内角色',
      values: d({ LEADER: '队长 leader', MEMBER: '队员 member' }),
    }),
    EnrollmentStatus: builder.enumType('VolunteerEnrollmentStatus', {
      description: '报名状态',
      values: d({
        SIGNED_UP: '已报名 signed up',
        CANCELLED: '已取消 cancelled before the start',
        CHECKED_IN: '已签到 checked in',
        CHECKED_OUT: '已签退 checked out',
        CONFIRMED: '时长已确认 hours confirmed by the organiser',
      }),
    }),
    RecordKind: builder.enumType('VolunteerRecordKind', {
      description: '志愿服务记录类别',
      values: d({ SERVICE: '志愿服务 service hours', TRAINING: '培训 training', AWARD: '表彰奖励 award' }),
    }),
    CorrectionStatus: builder.enumType('VolunteerCorrectionStatus', {
      description: '更正申请状态',
      values: d({
        OPEN: '待处理 open',
        ACCEPTED: '已更正 accepted: a new record version',
        REJECTED: '不予更正 rejected with an answer',
      }),
    }),
    OrderStatus: builder.enumType('ServiceOrderStatus', {
      description:
        '派单状态 (街道派单、部门接单): DISPATCHED → ACCEPTED → COMPLETED, or CANCELLED by the township before ' +
        'completion; DISPATCHED → RETURNED (退单) → DISPATCHED when the township dispatches it again',
      values: d({
        DISPATCHED: '已派单 dispatched',
        ACCEPTED: '已接单 accepted, volunteers assigned',
        COMPLETED: '已办结 completed with results',
        CANCELLED: '已撤销 withdrawn by the dispatching township, with a reason',
        RETURNED: '已退单 returned by the department or team before accepting, with a reason',
      }),
    }),
  };
}

export type Enums = ReturnType<typeof registerEnums>;
