// This module's typed refs to Prisma-backed GraphQL types (core and its own), in one place.
import { modelRef, type Builder } from '../../src/kit/index.js';

export function refs(builder: Builder) {
  return {
    Person: modelRef(builder, 'Person'),
    Organization: modelRef(builder, 'Organization'),
    Region: modelRef(builder, 'Region'),
    Grid: modelRef(builder, 'Grid'),
    Household: modelRef(builder, 'Household'),
    GridStaff: modelRef(builder, 'GridStaff'),
    PointsEntry: modelRef(builder, 'PointsEntry'),
    PointsAccount: modelRef(builder, 'PointsAccount'),
  };
}
