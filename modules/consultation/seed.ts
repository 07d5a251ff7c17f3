import type { SeedKit } from '../../src/kit/index.js';
export async function seedConsultation(_kit: SeedKit) {}
