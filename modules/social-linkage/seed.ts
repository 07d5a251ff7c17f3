import type { SeedKit } from "../../src/kit/index.js";
export async function seedSocialLinkage(_kit: SeedKit) {}
