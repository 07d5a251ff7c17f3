// GraphQL enums of the module (names and values are a contract with the front ends).
import { describedValues as values, type Builder } from '../../src/kit/index.js';

export function registerEnums(builder: Builder) {
  const e = <K extends string>(name: string, description: string, map: Record<K, string>) =>
    builder.enumType(name, { description, values: values(map) });
  return {
    OrgKind: e('PartyOrganizationKind', '党组织类别', {
      COMMITTEE: '党委 party committee',
      GENERAL_BRANCH: '党总支 general branch',
      BRANCH: '党支部 branch (incl. 小区党支部)',
      JOINT_BRANCH: '联合党支部 joint branch of several small units (at most 5)',
      GROUP: '党小组 party group',
    }),
    Stage: e('MembershipStage', '发展阶段', {
      APPLICANT: '入党申请人 applicant',
      ACTIVIST: '入党积极分子 activist',
      CANDIDATE: '发展对象 candidate for admission',
      PROBATIONARY: '预备党员 probationary member',
      FULL: '正式党员 full member',
    }),
    Status: e('PartyMembershipStatus', '党员档案状态', {
      ACTIVE: '在册 on the roll',
      TRANSFERRED_OUT: '组织关系已转出 transferred out of this deployment',
      CANCELLED: '取消预备党员资格 probation cancelled',
      WITHDRAWN: '撤回申请 application withdrawn',
    }),
    StepKind: e('DevelopmentStepKind', '发展党员工作步骤', {
      TALK: '谈话 (within one month of the application)',
      ASSESSMENT: '考察 (every 6 months while an activist)',
      POLITICAL_REVIEW: '政治审查 (candidate)',
      TRAINING: '集中培训 (candidate: 3 days or 24 hours)',
      PUBLIC_NOTICE: '公示 (before admission)',
    }),
    DecisionAction: e('StageDecisionAction', '阶段决定', {
      APPLIED: '递交入党申请 application received',
      ADVANCED: '进入下一阶段 advanced to the next stage',
      APPROVED: '上级党委审批 approved by the committee above',
      PROBATION_EXTENDED: '延长预备期 probation extended',
      PROBATION_CANCELLED: '取消预备党员资格 probation cancelled',
      TRANSFERRED_IN: '组织关系转入 transferred in from outside',
    }),
    CommitteeRole: e('PartyCommitteeRole', '委员会职务', {
      SECRETARY: '书记',
      DEPUTY_SECRETARY: '副书记',
      ORGANIZATION: '组织委员',
      PUBLICITY: '宣传委员',
      DISCIPLINE: '纪检委员',
      MEMBER: '委员',
    }),
    MeetingKind: e('PartyMeetingKind', '组织生活 三会一课', {
      MEMBERS_MEETING: "支部党员大会 members' meeting (quarterly)",
      COMMITTEE_MEETING: '支部委员会会议 committee meeting (monthly)',
      GROUP_MEETING: '党小组会 group meeting (monthly)',
      PARTY_LECTURE: '党课 party lecture (quarterly; the secretary gives one a year)',
      THEME_DAY: '主题党日 theme day (monthly)',
      ORGANIZATIONAL_LIFE_MEETING: '组织生活会 organisational-life meeting (yearly)',
      DEMOCRATIC_REVIEW: '民主评议党员 democratic review (yearly)',
    }),
    Attendance: e('PartyAttendanceStatus', '出席情况', { PRESENT: '出席', EXCUSED: '请假', ABSENT: '缺席' }),
    Every: e('PartyMeetingPeriod', '周期', { MONTH: '每月', QUARTER: '每季度', YEAR: '每年' }),
    DuesCategory: e('PartyDuesCategory', '党费类别 (2008 规定)', {
      SALARIED: '在职 salaried: 0.5%–2% of monthly income',
      RETIRED: '离退休 retired: 0.5% or 1%',
      STUDENT: '学生 0.2 元',
      UNEMPLOYED: '下岗失业 0.2 元',
      LOW_INCOME: '享受最低生活保障 0.2 元',
      FARMER: '农民 0.2–1 元',
    }),
    RequestStatus: e('PartyRequestStatus', '诉求状态', { OPEN: '待答复', ANSWERED: '已答复' }),
    ClauseStatus: e('PropertyClauseStatus', '附加条款履行状态', {
      PENDING: '待检查',
      FULFILLED: '已履行',
      NOT_FULFILLED: '未履行',
    }),
    ImprovementCategory: e('ImprovementCategory', '改造类别', {
      GREENING: '绿化',
      ROAD: '道路',
      PARKING: '停车位',
      FACILITIES: '设施维修',
      ELEVATOR: '加装电梯',
      OTHER: '其他',
    }),
    ImprovementStatus: e('ImprovementStatus', '项目状态', {
      PLANNED: '计划',
      IN_PROGRESS: '实施中',
      COMPLETED: '已完成',
    }),
    WarningCode: e('PartyOrganizationWarningCode', '提醒类别', {
      TOO_FEW_FULL_MEMBERS: '正式党员少于 3 名',
      TOO_MANY_MEMBERS: '党员超过 50 名',
      COMMITTEE_REQUIRED: '正式党员 7 名以上未设支部委员会',
      NO_SECRETARY: '未设书记',
      TERM_EXPIRED: '委员会任期届满',
    }),
    OverdueKind: e('DevelopmentOverdueKind', '逾期事项', {
      TALK: '申请后一个月内未谈话',
      ASSESSMENT: '积极分子半年未考察',
      APPROVAL: '接收预备党员后三个月未审批',
      PROBATION_REVIEW: '预备期满未讨论转正',
    }),
  };
}

export type PartyEnums = ReturnType<typeof registerEnums>;
