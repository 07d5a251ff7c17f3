// Typed refs to Prisma-backed GraphQL types (core and this module), for fields whose type is not a
// relation (loadables, lists, payloads): getRefFromModel returns the ref the prisma plugin holds.
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
    PartyOrganization: ref<M.PartyOrganization>('PartyOrganization'),
    PartyMembership: ref<M.PartyMembership>('PartyMembership'),
    PartyMeeting: ref<M.PartyMeeting>('PartyMeeting'),
    PartyCoBuildingAgreement: ref<M.PartyCoBuildingAgreement>('PartyCoBuildingAgreement'),
  };
}
