// Module `volunteering` 志愿服务: the only public surface of this folder.
import { defineModule, integerSetting, type Builder } from '../../src/kit/index.js';
import { registerActivities } from './activity.js';
import { registerActivityCreation } from './activity-mutations.js';
import { registerActivityTransitions } from './activity-transitions.js';
import { registerActivityUpdate } from './activity-update.js';
import { registerCentres } from './centre.js';
import { registerCertificates } from './certificate.js';
import { registerCorrections } from './corrections.js';
import { registerAttendance } from './attendance.js';
import { registerEnrollments } from './enrollment.js';
import { registerEnums } from './enums.js';
import { VOLUNTEERING_FIGURES } from './figures.js';
import { VOLUNTEERING_EXPORTS } from './exports.js';
import { advanceActivities } from './jobs.js';
import { registerOrderMutations } from './order-mutations.js';
import { registerOrderReturn } from './order-return.js';
import { orderPeople, registerOrders } from './orders.js';
import { registerRecordAdd } from './record-add.js';
import { registerRecordMutations } from './record-mutations.js';
import { registerRecords } from './records.js';
import { seedVolunteering } from './seed.js';
import { DEFAULT_STAR_THRESHOLDS, validateStarThresholds } from './hours.js';
import { MODULE } from './shared.js';
import { registerSignUps } from './signup.js';
import { registerStats } from './stats.js';
import { registerTeams } from './team.js';
import { registerVolunteers } from './volunteer.js';
import { ACTIVITY_CHANGED, notifyVolunteers, ORDER_CHANGED, registerLive } from './live.js';

export default defineModule({
  id: MODULE,
  title: '志愿服务',
  description:
    '志愿者注册、志愿服务中心与服务队、活动招募报名签到签退、服务时长记录与更正、星级、志愿服务证明，' +
    '以及"街道派单、部门接单"的服务清单 ' +
    '(volunteers, centres and teams, activities with capacity-safe sign-up and attendance, ' +
    'verified versioned hours, star levels, certificates, dispatched service orders)',
  dependsOn: [],
  register(builder: Builder) {
    const enums = registerEnums(builder);
    registerVolunteers(builder, enums);
    registerTeams(builder, enums);
    registerCentres(builder);
    registerActivities(builder, enums);
    registerActivityCreation(builder, enums);
    registerActivityTransitions(builder);
    registerActivityUpdate(builder, enums);
    registerEnrollments(builder, enums);
    registerSignUps(builder);
    registerAttendance(builder);
    registerRecords(builder, enums);
    registerRecordMutations(builder);
    registerRecordAdd(builder, enums);
    registerCorrections(builder, enums);
    registerCertificates(builder);
    registerOrders(builder, enums);
    registerOrderMutations(builder);
    registerOrderReturn(builder);
    registerStats(builder);
    registerLive(builder);
  },
  settings: {
    recordDeadlineDays: integerSetting(
      '记录期限(天): hours must be confirmed within this many days after an activity ends',
      30,
      1,
      365,
    ),
    starThresholds: {
      description: '星级时长门槛(小时): cumulative hours for one to five stars, five strictly increasing numbers',
      kind: 'json',
      default: DEFAULT_STAR_THRESHOLDS,
      validate: validateStarThresholds,
    },
  },
  jobs: [advanceActivities],
  publishes: ['volunteering.hoursVerified', 'volunteering.hoursCorrected', ORDER_CHANGED, ACTIVITY_CHANGED],
  notifies: { [ACTIVITY_CHANGED]: notifyVolunteers },
  figures: VOLUNTEERING_FIGURES,
  exports: VOLUNTEERING_EXPORTS,
  linkedPeople: orderPeople,
  seed: seedVolunteering,
});
