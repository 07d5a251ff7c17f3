// The enrolment cap: a facility's capacity limits its ACTIVE enrolments (0 = no limit); beyond it
// enrollCareRecipient is LIMIT_EXCEEDED and writes nothing, also under concurrency.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { newApp, ok, personId, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
let yl: string;
/** global ids of 30 fresh people living in 园林社区 */
let people: string[];
beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
  yl = await regionId(t, YUANLIN);
  const community = await t.db.prisma.region.findUniqueOrThrow({ where: { code: YUANLIN } });
  const rows = Array.from({ length: 30 }, (_, i) => ({
    id: randomUUID(),
    name: `容量测试${i}`,
    homeCommunityId: community.id,
    homePath: community.path,
  }));
  await t.db.prisma.person.createMany({ data: rows });
  people = rows.map((p) => Buffer.from(`Person:${p.id}`).toString('base64'));
});
afterAll(() => t.close());

const CREATE = `mutation($i: CreateCareFacilityInput!) { createCareFacility(input: $i) { __typename
  ... on CreateCareFacilityPayload { facility { id capacity enrolledCount placesLeft } } ... on Error { code message } }
    }`;
const UPDATE = `mutation($i: UpdateCareFacilityInput!) { updateCareFacility(input: $i) { __typename
  ... on UpdateCareFacilityPayload { facility { capacity enrolledCount placesLeft } } ... on Error { code message } }
    }`;
const ENROL = `mutation($i: EnrollCareRecipientInput!) { enrollCareRecipient(input: $i) { __typename
  ... on EnrollCareRecipientPayload { recipient { id categories } } ... on Error { code message details } } }`;
const END = `mutation($i: EndCareEnrollmentInput!) { endCareEnrollment(input: $i) { __typename ... on Error { code } }
  }`;
const FACILITY = `query($id: ID!) { node(id: $id) { ... on CareFacility { capacity enrolledCount placesLeft } } }`;

const contact = { name: '家属', phone: '13900001111', relation: '子女' };
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;
const enrol = (person: string, facilityId: string, extra: Record<string, unknown> = {}) =>
  t.gql(ENROL, { i: { personId: person, facilityId, emergencyContact: contact, ...extra } }, { token: worker });
const enrolAudits = () => t.db.prisma.auditLog.count({ where: { action: 'elderCare.enroll' } });

async function facility(name: string, capacity: number): Promise<string> {
  const r = ok(
    await t.gql(CREATE, { i: { communityId: yl, kind: 'DAY_CARE_CENTER', name, capacity } }, { token: worker }),
    'createCareFacility',
  );
  expect(r.facility).toMatchObject({ capacity, enrolledCount: 0, placesLeft: capacity || null });
  return r.facility.id;
}

describe('enrolment cap', () => {
  it('enrols up to the capacity; one more is LIMIT_EXCEEDED and writes nothing', async () => {
    const f = await facility('园林社区容量测试照料站', 2);
    ok(await enrol(people[0]!, f), 'enrollCareRecipient');
    ok(await enrol(people[1]!, f), 'enrollCareRecipient');
    expect((await t.gql(FACILITY, { id: f }, { token: worker })).data.node).toEqual({
      capacity: 2,
      enrolledCount: 2,
      placesLeft: 0,
    });

    const audits = await enrolAudits();
    const full = await enrol(people[2]!, f, { categories: ['LIVING_ALONE'] });
    expect(full.data.enrollCareRecipient).toMatchObject({
      __typename: 'DomainError',
      code: 'LIMIT_EXCEEDED',
      details: { capacity: 2, enrolled: 2 },
    });
    // nothing written: no recipient created, no enrolment, no audit row
    expect(await t.db.prisma.careRecipient.count({ where: { personId: rawId(people[2]!) } })).toBe(0);
    expect(await t.db.prisma.careEnrollment.count({ where: { facilityId: rawId(f) } })).toBe(2);
    expect(await enrolAudits()).toBe(audits);

    // an existing recipient is refused too, and her record is left as it was (categories not replaced)
    const wang = await personId(t, worker, '王孝梅');
    const before = await t.db.prisma.careRecipient.findUniqueOrThrow({ where: { personId: rawId(wang) } });
    const refused = await t.gql(
      ENROL,
      { i: { personId: wang, facilityId: f, categories: ['HARDSHIP'] } },
      { token: worker },
    );
    expect(refused.data.enrollCareRecipient.code).toBe('LIMIT_EXCEEDED');
    expect(await t.db.prisma.careRecipient.findUniqueOrThrow({ where: { personId: rawId(wang) } })).toEqual(before);

    // someone already enrolled there hears CONFLICT, not LIMIT_EXCEEDED
    expect((await enrol(people[0]!, f)).data.enrollCareRecipient.code).toBe('CONFLICT');
  });

  it('ended enrolments free a place; re-activating an ended enrolment counts against the cap', async () => {
    const f = await facility('园林社区名额轮换照料站', 1);
    const first = ok(await enrol(people[3]!, f), 'enrollCareRecipient');
    expect((await enrol(people[4]!, f)).data.enrollCareRecipient.code).toBe('LIMIT_EXCEEDED');
    const end = await t.gql(
      END,
      { i: { recipientId: first.recipient.id, facilityId: f, reason: '迁出' } },
      { token: worker },
    );
    expect(end.data.endCareEnrollment.__typename).toBe('EndCareEnrollmentPayload');
    ok(await enrol(people[4]!, f), 'enrollCareRecipient');
    // the first one coming back finds the place taken; the ended row stays ENDED
    expect((await enrol(people[3]!, f)).data.enrollCareRecipient.code).toBe('LIMIT_EXCEEDED');
    const row = await t.db.prisma.careEnrollment.findFirstOrThrow({
      where: { facilityId: rawId(f), personId: rawId(people[3]!) },
    });
    expect(row.status).toBe('ENDED');
  });

  it('a capacity lowered below the enrolments ends none but refuses new ones; 0 means no limit', async () => {
    const f = await facility('园林社区调整容量照料站', 3);
    for (const p of people.slice(5, 8)) ok(await enrol(p, f), 'enrollCareRecipient');
    const lowered = ok(
      await t.gql(UPDATE, { i: { facilityId: f, capacity: 1 } }, { token: worker }),
      'updateCareFacility',
    );
    expect(lowered.facility).toEqual({ capacity: 1, enrolledCount: 3, placesLeft: 0 });
    expect((await enrol(people[8]!, f)).data.enrollCareRecipient.code).toBe('LIMIT_EXCEEDED');
    const unlimited = ok(
      await t.gql(UPDATE, { i: { facilityId: f, capacity: 0 } }, { token: worker }),
      'updateCareFacility',
    );
    expect(unlimited.facility).toEqual({ capacity: 0, enrolledCount: 3, placesLeft: null });
    ok(await enrol(people[8]!, f), 'enrollCareRecipient');
    ok(await enrol(people[9]!, f), 'enrollCareRecipient');
    expect((await t.gql(FACILITY, { id: f }, { token: worker })).data.node.enrolledCount).toBe(5);
  });

  it(
    'holds under concurrency: 20 parallel enrolments of different ' + 'people into 5 free places enrol exactly 5',
    async () => {
      const f = await facility('园林社区并发测试照料站', 7);
      ok(await enrol(people[0]!, f), 'enrollCareRecipient'); // two places taken by people already recipients
      ok(await enrol(people[1]!, f), 'enrollCareRecipient');
      const audits = await enrolAudits();
      const crowd = people.slice(10, 30);
      const newcomers = crowd.map(rawId);
      expect(await t.db.prisma.careRecipient.count({ where: { personId: { in: newcomers } } })).toBe(0);
      const results = await Promise.all(crowd.map((p) => enrol(p, f)));
      const kinds = results.map((r) =>
        r.data?.enrollCareRecipient?.__typename === 'EnrollCareRecipientPayload'
          ? 'OK'
          : (r.data?.enrollCareRecipient?.code ?? JSON.stringify(r)),
      );
      expect(kinds.filter((k) => k === 'OK')).toHaveLength(5);
      expect(kinds.filter((k) => k === 'LIMIT_EXCEEDED')).toHaveLength(15);
      expect(await t.db.prisma.careEnrollment.count({ where: { facilityId: rawId(f), status: 'ACTIVE' } })).toBe(7);
      // the 15 refused left no trace: only the 5 enrolled became recipients, 5 audit rows
      expect(await t.db.prisma.careRecipient.count({ where: { personId: { in: newcomers } } })).toBe(5);
      expect((await enrolAudits()) - audits).toBe(5);
      expect((await t.gql(FACILITY, { id: f }, { token: worker })).data.node).toEqual({
        capacity: 7,
        enrolledCount: 7,
        placesLeft: 0,
      });
    },
  );
});
