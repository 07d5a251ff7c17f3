// Module `party-building` 党支部建设: the only public surface of modules/party-building/.
// See README.md beside this file.
import { booleanSetting, defineModule, integerSetting, type Context } from '../../src/kit/index.js';
import { registerAdvance } from './advance.js';
import { registerClauses } from './clauses.js';
import { registerCoBuilding } from './cobuilding.js';
import { registerCommittee } from './committee.js';
import { registerCompliance } from './compliance.js';
import { registerDevelopment } from './development.js';
import { registerDues } from './dues.js';
import { registerEnums } from './enums.js';
import { residentIntake } from './intake.js';
import { registerMeetingRecord } from './meeting-record.js';
import { registerMeetings } from './meetings.js';
import { registerMemberships } from './memberships.js';
import { registerOrganizationCreate } from './organization-create.js';
import { registerOrganizations } from './organizations.js';
import { registerOverdue } from './overdue.js';
import { registerProbation } from './probation.js';
import { registerProjects } from './projects.js';
import { eventHandlers, registerRegistrations } from './registrations.js';
import { registerResidentFollow } from './resident-follow.js';
import { registerResidential } from './residential.js';
import { DEFAULT_DUES_RATES, DEFAULT_FREQUENCIES, MODULE_ID, validateDuesTable, validateFrequencies } from './rules.js';
import { seedPartyBuilding } from './seed.js';
import { PARTY_BUILDING_FIGURES } from './figures.js';
import { registerStats } from './stats.js';
import { registerTransfers } from './transfers.js';

export default defineModule({
  id: MODULE_ID,
  title: '党支部建设',
  description:
    "党组织与党员发展 (发展党员工作细则), 三会一课 and compliance (支部工作条例), 党费, 共建, 小区党支部: residents' requests, property " +
    'clauses, improvement projects',
  dependsOn: [],
  settings: {
    meetingFrequencies: {
      description:
        '组织生活频次 required meeting frequencies per kind ({ kinds: { MEMBERS_MEETING: { every: "QUARTER", ' +
        'times: 1 }, … }, secretaryLecturesPerYear: 1 })',
      kind: 'json',
      default: DEFAULT_FREQUENCIES,
      validate: validateFrequencies,
    },
    duesRateTable: {
      description:
        '党费比例表 dues rate table after the 2008 rules ({ salaried: [{ upTo, rate }], retired: […], fixed: ' +
        '{ STUDENT: 0.2, … }, farmer: { min, max } })',
      kind: 'json',
      default: DEFAULT_DUES_RATES,
      validate: validateDuesTable,
    },
    branchMaxMembers: integerSetting('党支部党员人数提醒线 warn when a branch has more members than this', 50, 10, 500),
    takeResidentReports: booleanSetting(
      "小区党支部受理居民上报 residential branches take residents' livelihood reports as 诉求 (kit intake)",
      true,
    ),
  },
  intake: residentIntake,
  on: eventHandlers,
  figures: PARTY_BUILDING_FIGURES,
  register(builder) {
    const enums = registerEnums(builder);
    registerOrganizations(builder, enums);
    registerOrganizationCreate(builder, enums);
    registerMemberships(builder, enums);
    registerOverdue(builder, enums);
    registerDevelopment(builder, enums);
    registerAdvance(builder, enums);
    registerProbation(builder);
    registerTransfers(builder);
    registerCommittee(builder, enums);
    registerMeetings(builder, enums);
    registerMeetingRecord(builder, enums);
    registerCompliance(builder, enums);
    registerDues(builder, enums);
    registerCoBuilding(builder);
    registerResidential(builder, enums);
    registerResidentFollow(builder);
    registerClauses(builder, enums);
    registerProjects(builder, enums);
    registerRegistrations(builder);
    registerStats(builder);
  },
  seed: seedPartyBuilding,
});

/** for modules that depend on this one (consultation): party organisations' names and regions, by id */
export const partyOrganizationsByIds = (ctx: Pick<Context, 'prisma'>, ids: string[]) =>
  ctx.prisma.partyOrganization.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, regionId: true, regionPath: true },
  });
