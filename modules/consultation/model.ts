// The module's vocabulary: statuses, kinds and roles with their Chinese terms, and the GraphQL enums.
import { describedValues as values, PUBLIC_SUB_GRAPH, type Builder } from '../../src/kit/index.js';

export const MODULE_ID = 'consultation';

export const VENUE_KINDS = {
  OPEN_AIR: '露天议事点 open air, e.g. 榆事好商量 under the elm',
  TEA_HOUSE: '民情茶舍 tea house',
  HALL: '议事厅 hall',
  ONLINE: '线上议事 online',
} as const;

export const CONSULTATION_STATUSES = {
  PLANNED: '已计划 planned',
  HELD: '已召开 held, outcomes being followed up',
  FOLLOWED_UP: '已落实 every outcome closed',
  CANCELLED: '已取消 cancelled',
} as const;

export const PARTICIPANT_ROLES = {
  SOCIAL_ORGANIZATION: '社会组织 social organisation (the "4")',
  SOCIAL_WORKER: '社工 social worker (the "4")',
  VOLUNTEER: '志愿者 volunteer (the "4")',
  CHARITY: '慈善资源 charity (the "4")',
  STAKEHOLDER: '利益相关方 stakeholder (the "N")',
  RESIDENT: '居民 resident',
  PARTY_MEMBER: '党员 party member',
} as const;

export const OUTCOME_STATUSES = {
  OPEN: '待落实 open',
  IN_PROGRESS: '落实中 in progress',
  DONE: '已解决 done (counts as a problem solved)',
  DROPPED: '不再办理 dropped',
} as const;

export const MEDIATION_CATEGORIES = {
  NEIGHBOUR: '邻里纠纷 neighbours',
  FAMILY: '婚姻家庭 family',
  PROPERTY: '物业纠纷 property',
  LAND: '土地纠纷 land',
  LABOUR: '劳动纠纷 labour',
  OTHER: '其他 other',
} as const;

export const MEDIATION_STATUSES = {
  ACCEPTED: '已受理 accepted',
  MEDIATING: '调解中 being mediated',
  AGREED: '达成协议 agreement reached (调解协议)',
  FAILED: '调解不成 mediation failed',
  REFERRED: '已转交 referred to judicial mediation, arbitration or court',
  FOLLOWED_UP: '已回访 followed up (回访)',
} as const;

export const REFERRALS = {
  JUDICIAL_MEDIATION: '司法调解 judicial mediation',
  ARBITRATION: '仲裁 arbitration',
  COURT: '诉讼 court',
} as const;

export const DECISION_STATUSES = {
  PROPOSED: '党支部提议 proposed by the village party branch',
  DISCUSSED: '两委会商议 discussed by the two committees',
  REVIEWED: '党员大会审议 reviewed by the party members meeting',
  RESOLVED: '村民会议/村民代表会议决议 resolved by the villagers (representatives) meeting',
  RESOLUTION_PUBLISHED: '决议公开 resolution posted on the notice board',
  RESULT_PUBLISHED: '实施结果公开 implementation result posted',
  REJECTED: '未通过 rejected; may be revised and proposed again',
} as const;

export const MEETING_KINDS = {
  TWO_COMMITTEES: '两委会 the village party branch committee and the villagers committee',
  PARTY_MEMBERS_MEETING: '党员大会 party members meeting',
  REPRESENTATIVES_MEETING: '村民代表会议 villagers representatives meeting (村民委员会组织法 art. 26)',
  VILLAGERS_MEETING: '村民会议 villagers meeting (村民委员会组织法 art. 22)',
} as const;

export const NOTICE_KINDS = {
  RESOLUTION: '决议公开 resolution',
  IMPLEMENTATION_RESULT: '实施结果公开 implementation result',
  VILLAGE_FINANCES: '村务财务公开 village affairs and finances',
  PROJECT: '项目公示 project',
  OTHER: '其他 other',
} as const;

export type DecisionStatus = keyof typeof DECISION_STATUSES;
export type MeetingKind = keyof typeof MEETING_KINDS;

/** 四议两公开 in order: each step moves one place along */
export const DECISION_ORDER: readonly DecisionStatus[] = [
  'PROPOSED',
  'DISCUSSED',
  'REVIEWED',
  'RESOLVED',
  'RESOLUTION_PUBLISHED',
  'RESULT_PUBLISHED',
];

export function registerEnums(builder: Builder) {
  const publicToo = { subGraphs: [MODULE_ID, PUBLIC_SUB_GRAPH] };
  return {
    VenueKind: builder.enumType('ConsultationVenueKind', { description: '议事点类别', values: values(VENUE_KINDS) }),
    ConsultationStatus: builder.enumType('ConsultationStatus', {
      description: '议事会状态',
      values: values(CONSULTATION_STATUSES),
    }),
    ParticipantRole: builder.enumType('ConsultationParticipantRole', {
      description: '议事参与方 (1+4+N)',
      values: values(PARTICIPANT_ROLES),
    }),
    OutcomeStatus: builder.enumType('ConsultationOutcomeStatus', {
      description: '议定事项落实状态',
      values: values(OUTCOME_STATUSES),
    }),
    MediationCategory: builder.enumType('MediationCategory', {
      description: '纠纷类别',
      values: values(MEDIATION_CATEGORIES),
    }),
    MediationStatus: builder.enumType('MediationStatus', {
      description: '调解状态',
      values: values(MEDIATION_STATUSES),
    }),
    MediationReferral: builder.enumType('MediationReferral', { description: '转交去向', values: values(REFERRALS) }),
    DecisionStatus: builder.enumType('VillageDecisionStatus', {
      description: '四议两公开 进度',
      values: values(DECISION_STATUSES),
    }),
    MeetingKind: builder.enumType('VillageMeetingKind', { description: '会议类别', values: values(MEETING_KINDS) }),
    // public: the notice board shows it
    NoticeKind: builder.enumType('NoticeKind', { ...publicToo, description: '公示类别', values: values(NOTICE_KINDS) }),
  };
}

export type Enums = ReturnType<typeof registerEnums>;
