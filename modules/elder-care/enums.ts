// GraphQL enums of elder-care (names and values are the API contract).
import type { Builder } from '../../src/kit/index.js';
import {
  ASSESSMENT_REASONS,
  BOOKING_STATUS,
  CATEGORIES,
  enumValues,
  FACILITY_KINDS,
  LEVELS,
  MEALS,
  NEED_CHANNELS,
  NEED_KINDS,
  NEED_STATUS,
  RISK_LEVELS,
  ROOMS,
  SERVICE_KINDS,
  TIERS,
  VISIT_MODES,
} from './constants.js';

export function registerEnums(builder: Builder) {
  return {
    FacilityKind: builder.enumType('CareFacilityKind', {
      description: '康养设施类别 facility kind',
      values: enumValues(FACILITY_KINDS),
    }),
    Room: builder.enumType('CareRoom', {
      description: '功能室 rooms and functions of a facility',
      values: enumValues(ROOMS),
    }),
    Category: builder.enumType('CareCategory', {
      description: '服务对象类别 categories of a care recipient',
      values: enumValues(CATEGORIES),
    }),
    Level: builder.enumType('CapabilityLevel', {
      description: '老年人能力等级 capability level after GB/T 42195-2022',
      values: enumValues(LEVELS),
    }),
    Reason: builder.enumType('CapabilityAssessmentReason', {
      description: '评估原因 why an assessment was made',
      values: enumValues(ASSESSMENT_REASONS),
    }),
    Tier: builder.enumType('CareVisitTier', {
      description: '探访等级 visit tier: sets the visit interval (per-township settings)',
      values: enumValues(TIERS),
    }),
    ServiceKind: builder.enumType('CareServiceKind', {
      description: '服务类别 service delivered',
      values: enumValues(SERVICE_KINDS),
    }),
    Meal: builder.enumType('MealKind', { description: '餐次 meal', values: enumValues(MEALS) }),
    BookingStatus: builder.enumType('MealBookingStatus', {
      description: '订餐状态 booking status',
      values: enumValues(BOOKING_STATUS),
    }),
    NeedKind: builder.enumType('ElderNeedKind', {
      description: '涉老服务需求类别 kind of need',
      values: enumValues(NEED_KINDS),
    }),
    NeedChannel: builder.enumType('ElderNeedChannel', {
      description: '需求来源渠道 how the need came in',
      values: enumValues(NEED_CHANNELS),
    }),
    NeedStatus: builder.enumType('ElderNeedStatus', {
      description: '需求状态 OPEN → ASSIGNED → DONE (or CANCELLED)',
      values: enumValues(NEED_STATUS),
    }),
    VisitMode: builder.enumType('CareVisitMode', {
      description: '探访方式 visit mode',
      values: enumValues(VISIT_MODES),
    }),
    RiskLevel: builder.enumType('CareVisitRiskLevel', {
      description: '风险等级 risk level found on a visit',
      values: enumValues(RISK_LEVELS),
    }),
    EnrollmentStatus: builder.enumType('CareEnrollmentStatus', {
      description: '登记状态 enrolment status',
      values: { ACTIVE: { description: '在册 active' }, ENDED: { description: '已结束 ended' } } as const,
    }),
  };
}
export type Enums = ReturnType<typeof registerEnums>;
