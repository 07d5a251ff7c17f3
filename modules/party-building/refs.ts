// This module's typed refs to Prisma-backed GraphQL types (core and its own), in one place.
import { modelRef, type Builder } from '../../src/kit/index.js';

export function refs(builder: Builder) {
  return {
    Person: modelRef(builder, 'Person'),
    Organization: modelRef(builder, 'Organization'),
    Region: modelRef(builder, 'Region'),
    PartyOrganization: modelRef(builder, 'PartyOrganization'),
    PartyMembership: modelRef(builder, 'PartyMembership'),
    PartyMeeting: modelRef(builder, 'PartyMeeting'),
    PartyCoBuildingAgreement: modelRef(builder, 'PartyCoBuildingAgreement'),
  };
}
