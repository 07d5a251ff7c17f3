// Typed refs to Prisma-backed GraphQL types (core and this module), for fields whose type is not a
// relation (loadables, payloads). getRefFromModel returns the ref the prisma plugin already holds.
import type { ObjectRef } from '@pothos/core';
import { getRefFromModel } from '@pothos/plugin-prisma';
import type * as M from '../../generated/prisma/client.js';
import type { Builder } from '../../src/builder.js';

type Types = Builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Ref<T> = ObjectRef<Types, T>;

export function refs(builder: Builder) {
  const ref = <T>(name: string) => getRefFromModel(name, builder as never) as unknown as Ref<T>;
  return {
    Person: ref<M.Person>('Person'),
    Organization: ref<M.Organization>('Organization'),
    Region: ref<M.Region>('Region'),
    Grid: ref<M.Grid>('Grid'),
    Household: ref<M.Household>('Household'),
    GridStaff: ref<M.GridStaff>('GridStaff'),
    PointsEntry: ref<M.PointsEntry>('PointsEntry'),
    PointsAccount: ref<M.PointsAccount>('PointsAccount'),
  };
}
