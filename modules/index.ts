// The installed modules: the one list the entry points hand to the kernel. Order does not matter;
// the kernel orders them by dependency.
import type { ModuleDefinition } from '../src/modules.js';

export const installedModules: ModuleDefinition[] = [];
