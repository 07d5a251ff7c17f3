// 康养服务 elder-care: the module's only public surface.
import { defineModule } from '../../src/kit/index.js';
import { facilityPeople } from './access.js';
import { registerAssessmentHistory } from './assessment-history.js';
import { registerAssessments } from './assessment.js';
import { registerBookingMutations } from './booking-mutations.js';
import { registerBookings } from './booking.js';
import { MODULE } from './constants.js';
import { registerEnrollments } from './enrollment.js';
import { registerEnums } from './enums.js';
import { ELDER_CARE_FIGURES } from './figures.js';
import { ELDER_CARE_EXPORTS } from './exports.js';
import { registerFacilityMutations } from './facility-mutations.js';
import { registerFacilities } from './facility.js';
import { registerMeals } from './meals.js';
import { registerNeedMutations } from './need-mutations.js';
import { registerNeeds } from './needs.js';
import { registerRecipients } from './recipient.js';
import { settings } from './rules.js';
import { seedElderCare } from './seed.js';
import { registerServices } from './service.js';
import { registerStats } from './stats.js';
import { registerVisitRecord } from './visit-record.js';
import { registerVisits } from './visits.js';

export default defineModule({
  id: MODULE,
  title: '康养服务',
  description:
    '党建+康养: 日间照料中心、助餐服务点、残疾人社区康复服务站; 服务对象与能力评估 (GB/T 42195-2022); ' +
    '助餐订餐与补贴; 涉老服务需求; 探访关爱. Health data only for those entitled.',
  dependsOn: [],
  settings,
  figures: ELDER_CARE_FIGURES,
  exports: ELDER_CARE_EXPORTS,
  register(builder) {
    const E = registerEnums(builder);
    registerFacilities(builder, E);
    registerFacilityMutations(builder, E);
    registerRecipients(builder, E);
    registerEnrollments(builder, E);
    registerAssessments(builder, E);
    registerAssessmentHistory(builder);
    registerServices(builder, E);
    registerMeals(builder, E);
    registerBookings(builder, E);
    registerBookingMutations(builder);
    registerNeeds(builder, E);
    registerNeedMutations(builder, E);
    registerVisits(builder, E);
    registerVisitRecord(builder, E);
    registerStats(builder, E);
  },
  linkedPeople: facilityPeople,
  seed: seedElderCare,
});
