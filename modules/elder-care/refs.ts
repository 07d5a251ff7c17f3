// Typed references to Prisma-backed GraphQL types (core ones such as Person, and this module's), so
// fields can point at them without importing the file that defines them.
import type { ObjectRef } from '@pothos/core';
import { getRefFromModel } from '@pothos/plugin-prisma';
import type PrismaTypes from '../../generated/pothos-types.js';
import type { Builder } from '../../src/builder.js';

export const modelRef = <N extends keyof PrismaTypes & string>(builder: Builder, name: N) =>
  getRefFromModel(name, builder) as unknown as ObjectRef<any, PrismaTypes[N]['Shape']>;
