// The requests the benchmarks time (bench/run.ts, bench/scale.ts), in one place.
export interface Scenario {
  name: string;
  user: string | null;
  query: string;
  /** skipped when the schema lacks this root field (module not installed) */
  needs?: string;
}

export const scenarios: Scenario[] = [
  {
    name: 'viewer (auth + schema choice)',
    user: 'beiwucha-admin',
    query: '{ viewer { modules account { username role } } }',
  },
  {
    name: 'regions page 50, nested parent/children',
    user: null,
    query: '{ regions(first: 50) { totalCount edges { node { name parent { name } children { name } } } } }',
  },
  {
    name: 'people page 50 (masked, analyst)',
    user: 'analyst',
    query:
      '{ people(first: 50) { totalCount edges { node { name phone homeCommunity { name } ' +
      'workOrganization { name } } } } }',
  },
  {
    name: 'region stats (prefecture)',
    user: 'analyst',
    query: '{ regionByCode(code: "652300") { stats { communities residents partyMembers organizations } } }',
  },
  {
    name: 'wishes page 50 with requester/claimant/timeline',
    user: 'zhou-admin',
    needs: 'wishes',
    query:
      '{ wishes(first: 50) { totalCount edges { node { title status requester { name } claimant { name } ' +
      'organization { name } timeline { to at actorName } } } } }',
  },
  {
    name: '{ __typename } with a bearer token',
    user: 'analyst',
    query: '{ __typename }',
  },
  {
    name: '50 communities × 10 newest wishes + totals',
    user: 'analyst',
    needs: 'wishes',
    query:
      '{ regions(filter: { level: COMMUNITY }, first: 50) { totalCount edges { node { name ' +
      'wishes(first: 10) { totalCount edges { node { title requester { name } claimant { name } } } } } } } }',
  },
  {
    name: 'prefecture status page (PUBLISHED) 20',
    user: 'analyst',
    needs: 'wishes',
    query: '{ wishes(filter: { status: PUBLISHED }, first: 20) { totalCount edges { node { title submittedAt } } } }',
  },
  {
    name: 'township wish wall 20 (anonymous)',
    user: null,
    needs: 'wishWall',
    query: '{ wishWall(first: 20) { totalCount edges { node { title community { name } } } } }',
  },
  {
    name: 'prefecture stats with wish figures',
    user: 'analyst',
    needs: 'wishes',
    query:
      '{ regionByCode(code: "652300") { stats { communities wishes { submitted claimed claimRate ' +
      'medianHoursToClaim } } } }',
  },
  {
    name: 'prefecture stats, wish counts (summaries)',
    user: 'analyst',
    needs: 'wishes',
    query:
      '{ regionByCode(code: "652300") { stats { communities wishes(from: "2025-01-01T00:00:00Z") { submitted ' +
      'published claimed fulfilled confirmed claimRate } } } }',
  },
  {
    name: 'incidents page 50 with timeline',
    user: 'zhou-admin',
    needs: 'incidents',
    query: '{ incidents(first: 50) { totalCount edges { node { title status overdue timeline { to } } } } }',
  },
  {
    name: 'community page: 20 newest wishes',
    user: 'jingcaicheng-worker',
    needs: 'wishes',
    query: '{ regionByCode(code: "652301004001") { wishes(first: 20) { totalCount edges { node { title } } } } }',
  },
  {
    name: 'party organisations page 50',
    user: 'analyst',
    needs: 'partyOrganizations',
    query: '{ partyOrganizations(first: 50) { totalCount edges { node { name kind } } } }',
  },
  {
    name: 'volunteer activities page 50',
    user: 'analyst',
    needs: 'volunteerActivities',
    query: '{ volunteerActivities(first: 50) { totalCount edges { node { title status } } } }',
  },
  {
    name: 'care recipients page 50',
    user: 'analyst',
    needs: 'careRecipients',
    query: '{ careRecipients(first: 50) { totalCount edges { node { id } } } }',
  },
];

/** the requests bench:scale follows from 10⁴ to 10⁶ wishes */
const SCALE = [
  '{ __typename } with a bearer token',
  '50 communities × 10 newest wishes + totals',
  'wishes page 50 with requester/claimant/timeline',
  'community page: 20 newest wishes',
  'prefecture status page (PUBLISHED) 20',
  'township wish wall 20 (anonymous)',
  'prefecture stats with wish figures',
  'prefecture stats, wish counts (summaries)',
  'incidents page 50 with timeline',
  'party organisations page 50',
  'volunteer activities page 50',
  'care recipients page 50',
];
export const SCALE_SCENARIOS = scenarios.filter((s) => SCALE.includes(s.name));
