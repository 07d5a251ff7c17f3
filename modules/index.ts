// The installed modules: the one list the entry points hand to the kernel. Order does not matter;
// the kernel orders them by dependency.
import type { ModuleDefinition } from '../src/kit/index.js';
import partyBuilding from './party-building/index.js';
import elderCare from './elder-care/index.js';
import grid from './grid/index.js';
import wishes from './wishes/index.js';
import volunteering from './volunteering/index.js';
import socialLinkage from './social-linkage/index.js';
import consultation from './consultation/index.js';

export const installedModules: ModuleDefinition[] = [
  partyBuilding,
  elderCare,
  grid,
  wishes,
  volunteering,
  socialLinkage,
  consultation,
];
