// Module `consultation` 议事协商: the only public surface of modules/consultation/. See README.md.
import { defineModule, integerSetting, jsonSetting } from '../../src/kit/index.js';
import { registerConsultationMutations } from './consultation-mutations.js';
import { registerConsultationTypes } from './consultations.js';
import { registerDecisionMutations } from './decision-mutations.js';
import { registerDecisionTypes } from './decisions.js';
import { registerMediationMutations } from './mediation-mutations.js';
import { registerMediationTypes } from './mediation.js';
import { MODULE_ID, registerEnums } from './model.js';
import { registerNotices } from './notices.js';
import { DEFAULT_QUORUM, validateQuorum } from './rules.js';
import { seedConsultation } from './seed.js';
import { CONSULTATION_FIGURES } from './figures.js';
import { registerStats } from './stats.js';
import { registerVenues } from './venues.js';

export default defineModule({
  id: MODULE_ID,
  title: '议事协商',
  description:
    '议事协商 venues and consultations (1+4+N), 矛盾纠纷调解 (人民调解法), the village decision procedure 四议两公开 ' +
    'and the public notice board 公示栏',
  // the first step of 四议两公开 is a party branch's proposal, and the convenor is the party organisation
  dependsOn: ['party-building'],
  settings: {
    quorumRules: jsonSetting(
      '法定人数与表决规则 quorum and majority per meeting (村民委员会组织法 arts. 22, 26): fractions "n/d", strict = ' +
        'more than, else at least',
      DEFAULT_QUORUM,
      validateQuorum,
    ),
    publicationDays: integerSetting('公示期(天) days a resolution or result stays posted at least', 7, 1, 90),
  },
  figures: CONSULTATION_FIGURES,
  register(builder) {
    const enums = registerEnums(builder);
    const Venue = registerVenues(builder, enums);
    const refs = registerConsultationTypes(builder, enums, Venue);
    registerConsultationMutations(builder, enums, refs);
    const Case = registerMediationTypes(builder, enums);
    registerMediationMutations(builder, enums, Case);
    const Decision = registerDecisionTypes(builder, enums);
    registerDecisionMutations(builder, enums, Decision);
    registerNotices(builder, enums);
    registerStats(builder, enums);
  },
  seed: seedConsultation,
});
