// Module `grid` 网格管理: grids and grid staff, patrols and hazard inspections, the incident chain
// "网格发现 → 村社接报 → 街乡吹哨 → 部门报到" with deadlines and an overdue sweep, and the points
// ledger (积分制) with a points store. This file is the module's only public surface.
import { defineModule, enumSetting, integerSetting, type DeliveredEvent, type Prisma } from '../../src/kit/index.js';
import { registerEnums } from './enums.js';
import { registerGridMutations } from './grid-mutations.js';
import { registerGridTypes } from './grid-types.js';
import { registerHouseholdMutations } from './household-mutations.js';
import { registerCommunityChain } from './incident-community.js';
import { registerDepartmentChain } from './incident-departments.js';
import { registerIncidentQueries } from './incident-queries.js';
import { registerFollowUp } from './incident-follow.js';
import { registerIntake } from './incident-intake.js';
import { registerRating } from './incident-rating.js';
import { registerReturn } from './incident-return.js';
import { registerIncidentReport } from './incident-report.js';
import { registerIncidentTypes } from './incident-types.js';
import { incidentPeople } from './incident-visibility.js';
import { open311Routes } from './open311.js';
import { GRID_EXPORTS } from './exports.js';
import { incidentDraftInput, registerPatrols } from './patrol.js';
import { registerPointsCatalogue } from './points-catalogue.js';
import { registerPointsMutations } from './points-mutations.js';
import { expirePointsJob } from './points-expiry.js';
import { awardByRuleCode } from './points-service.js';
import { registerPointsTypes } from './points-types.js';
import { registerPolicy } from './policy.js';
import { seedGrid } from './seed.js';
import { registerStaffMutations } from './staff-mutations.js';
import { GRID_FIGURES } from './figures.js';
import { registerStats } from './stats.js';
import { escalateOverdueJob } from './sweep.js';
import { INCIDENT_CHANGED, INCIDENT_SUPERVISED, notifyIncidentMove, notifySupervised, registerLive } from './live.js';

/** payload of `volunteering.hoursVerified` (published by the volunteering module) */
export interface HoursVerifiedPayload {
  personId: string;
  hours: number;
  recordId: string;
  activityTitle: string;
}

/** 志愿服务积分: verified volunteer hours earn points by the township's VOLUNTEERING rule, once per event */
async function onHoursVerified(event: DeliveredEvent, tx: Prisma.TransactionClient) {
  const payload = event.payload as Partial<HoursVerifiedPayload>;
  if (typeof payload.personId !== 'string' || typeof payload.hours !== 'number' || !(payload.hours > 0)) return;
  await awardByRuleCode(tx, {
    code: 'VOLUNTEERING',
    personId: payload.personId,
    regionPath: event.regionPath,
    idempotencyKey: `event:${event.id}`,
    at: event.occurredAt,
    units: payload.hours,
    note: `志愿服务 ${payload.hours} 小时${payload.activityTitle ? `: ${payload.activityTitle}` : ''}`,
  });
}

export default defineModule({
  id: 'grid',
  title: '网格管理',
  description:
    '网格、网格员、巡查走访与隐患排查；事件流转 网格发现→村社接报→街乡吹哨→部门报到 (时限、超期督办、考核)；积分制与积分超市',
  dependsOn: [],
  settings: {
    urbanGridMaxHouseholds: integerSetting(
      '城镇网格常规规模上限(户) usual maximum households of a town grid; larger ones get a warning',
      500,
      50,
      5000,
    ),
    ruralGridMaxHouseholds: integerSetting(
      '农村网格常规规模上限(户) usual maximum households of a countryside grid; larger ones get a warning',
      300,
      20,
      5000,
    ),
    pointsValidityMonths: integerSetting(
      '积分有效期(月) months points stay valid before they expire (0: never)',
      0,
      0,
      120,
    ),
    residentDailyReportLimit: integerSetting(
      '居民每日上报上限 reports one resident may make per day (Asia/Shanghai calendar)',
      5,
      1,
      100,
    ),
    duplicateRadiusMetres: integerSetting('疑似重复半径(米) same category within this distance', 200, 10, 5000),
    duplicateWindowHours: integerSetting('疑似重复时间窗(小时) and within this many hours', 72, 1, 720),
    reopenWithinDays: integerSetting(
      '回访重开期限(天) days after resolution a dissatisfied resident may reopen',
      7,
      1,
      90,
    ),
    resolveDeadlineFrom: enumSetting(
      '办结时限起算 the resolution deadline runs from acceptance (村社接报) or from escalation (街乡吹哨); ' +
        'reporting in and rework (返工) never move it',
      ['ACCEPTANCE', 'ESCALATION'],
      'ACCEPTANCE',
    ),
  },
  jobs: [escalateOverdueJob, expirePointsJob],
  on: { 'volunteering.hoursVerified': onHoursVerified },
  publishes: [INCIDENT_CHANGED, INCIDENT_SUPERVISED],
  notifies: { [INCIDENT_CHANGED]: notifyIncidentMove, [INCIDENT_SUPERVISED]: notifySupervised },
  figures: GRID_FIGURES,
  register(builder) {
    const E = registerEnums(builder);
    registerPolicy(builder, E);
    registerGridTypes(builder, E);
    registerGridMutations(builder, E);
    registerHouseholdMutations(builder);
    registerStaffMutations(builder, E);
    registerIncidentTypes(builder, E);
    registerIncidentQueries(builder, E);
    const Draft = incidentDraftInput(builder, E);
    registerPatrols(builder, E, Draft);
    registerIncidentReport(builder, E, Draft);
    registerIntake(builder, E, Draft);
    registerFollowUp(builder, E);
    registerRating(builder, E);
    registerReturn(builder);
    registerCommunityChain(builder, E);
    registerDepartmentChain(builder, E);
    registerPointsTypes(builder, E);
    registerPointsMutations(builder);
    registerPointsCatalogue(builder, E);
    registerStats(builder, E);
    registerLive(builder);
  },
  linkedPeople: incidentPeople,
  httpRoutes: open311Routes,
  exports: GRID_EXPORTS,
  seed: seedGrid,
});
