// Module `social-linkage` 五社联动: the only public surface of modules/social-linkage/.
import { defineModule } from '../../src/kit/index.js';
import { eventHandlers } from './events.js';
import { SOCIAL_LINKAGE_EXAMPLES } from './examples.js';
import { registerMatching } from './matching.js';
import { MODULE_ID, registerEnums } from './model.js';
import { registerNeeds } from './needs.js';
import { registerOrganizationMutations } from './organization-mutations.js';
import { registerOrganizations } from './organizations.js';
import { registerProjects } from './projects.js';
import { registerResources } from './resources.js';
import { seedSocialLinkage } from './seed.js';
import { SOCIAL_LINKAGE_FIGURES } from './figures.js';
import { registerStats } from './stats.js';
import { registerWorkers } from './workers.js';

export default defineModule({
  id: MODULE_ID,
  title: '五社联动',
  description:
    '社区、社会组织、社会工作者、社区志愿者、社会慈善资源联动: social organisations (登记/备案), social workers and the ' +
    'three-level service network, the three lists (需求/资源/项目) and need ↔ resource matching',
  dependsOn: [],
  on: eventHandlers,
  figures: SOCIAL_LINKAGE_FIGURES,
  register(builder) {
    const enums = registerEnums(builder);
    const Org = registerOrganizations(builder, enums);
    registerOrganizationMutations(builder, enums, Org);
    registerWorkers(builder, enums);
    registerNeeds(builder, enums);
    registerResources(builder, enums);
    registerMatching(builder, enums);
    registerProjects(builder, enums);
    registerStats(builder);
  },
  seed: seedSocialLinkage,
  examples: SOCIAL_LINKAGE_EXAMPLES,
});
