// Every type and field elder-care adds lives in its sub-graph only: the core schema has none of it.
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { SchemaRegistry } from '../../../src/schema.js';
import { elderCare } from './helpers.js';

it('core-only schema has no elder-care type or field; the elder-care schema has the contract names', () => {
  const registry = new SchemaRegistry([elderCare], { signToken: async () => ({ token: '', expiresAt: new Date() }) });
  const core = printSchema(registry.schemaFor([]));
  for (const name of ['Care', 'Meal', 'ElderNeed', 'Capability', 'elderCare', 'careFacilities', 'FoodSample'])
    expect(core).not.toContain(name);
  const full = printSchema(registry.schemaFor(['elder-care']));
  expect(full).toContain('enum CareFacilityKind {\n  """日间照料中心 day-care centre"""\n  DAY_CARE_CENTER');
  for (const name of [
    'careFacilities(',
    'careFacility(',
    'assessments(',
    'placesLeft',
    'enrollCareRecipient(',
    'endCareEnrollment(',
    'recordCapabilityAssessment(',
    'careRecipients(',
    'recordCareService(',
    'publishMealMenu(',
    'bookMeal(',
    'cancelMealBooking(',
    'markMealServed(',
    'mealBookings(',
    'submitElderNeed(',
    'assignElderNeed(',
    'completeElderNeed(',
    'elderNeeds(',
    'recordCareVisit(',
    'overdueVisits(',
    'elderCare(',
  ])
    expect(full).toContain(name);
  for (const level of [
    'INTACT',
    'MILD',
    'MODERATE',
    'SEVERE',
    'TOTAL',
    'BREAKFAST',
    'LUNCH',
    'DINNER',
    'MEAL_POINT',
    'REHAB_STATION',
  ])
    expect(full).toContain(`  ${level}`);
});
