// Venues and consultations: PLANNED → HELD → FOLLOWED_UP (when the last outcome closes), CANCELLED, outcomes
// linked to another module's record by global id; and the public notice board without personal information.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, partyOrgOf, query, regionId, startApp } from './support.js';

let t: TestApp;
let worker: string;
const C =
  'consultation { id status convenorName heldAt minutes participants { role count } ' +
  'outcomes { id status owner linkedRecordId } }';
const PC = `... on ConsultationPayload { ${C} }`;

beforeAll(async () => {
  t = await startApp();
  worker = await t.login('weijiachang-worker');
});
afterAll(() => t.close());

async function venue(name: string) {
  const r = await ok(
    t,
    worker,
    'createConsultationVenue',
    {
      communityId: await regionId(t, CODES.weijiachang),
      name,
      kind: 'HALL',
      schedule: '每月15日',
    },
    '... on CreateConsultationVenuePayload { venue { id name kind community { name } } }',
  );
  return r.venue;
}

async function plan(venueId: string) {
  return (
    await ok(
      t,
      worker,
      'planConsultation',
      {
        venueId,
        topic: '村道冬季清雪',
        scheduledAt: '2026-12-05T07:00:00Z',
        agenda: ['清雪分工', '物资'],
        convenorId: await partyOrgOf(t, worker, CODES.weijiachang),
      },
      PC,
    )
  ).consultation;
}

describe(`venues and consultations (${engine()})`, () => {
  it('a venue name is unique in its community (CONFLICT); other villages’ workers are refused', async () => {
    const v = await venue('村委会议事厅');
    expect(v).toMatchObject({ name: '村委会议事厅', kind: 'HALL', community: { name: '魏家场村' } });
    const again = await mutate(t, worker, 'createConsultationVenue', {
      communityId: await regionId(t, CODES.weijiachang),
      name: '村委会议事厅',
      kind: 'HALL',
    });
    expect(again.code).toBe('CONFLICT');
    const outsider = await mutate(t, await t.login('jingcaicheng-worker'), 'createConsultationVenue', {
      communityId: await regionId(t, CODES.weijiachang),
      name: '另一个议事点',
      kind: 'ONLINE',
    });
    expect(outsider.code).toBe('FORBIDDEN');
  });

  it('PLANNED → HELD with minutes, participants and outcomes → FOLLOWED_UP when the last outcome is done', async () => {
    const v = await venue('线上议事群');
    const c = await plan(v.id);
    expect(c).toMatchObject({ status: 'PLANNED', convenorName: '中共魏家场村支部委员会' });
    const incident = 'R3JpZEluY2lkZW50OjEyMw=='; // a global id of another module's record: stored, not resolved
    const held = await ok(
      t,
      worker,
      'recordConsultation',
      {
        consultationId: c.id,
        heldAt: '2026-12-05T08:00:00Z',
        minutes: '明确清雪分工',
        participants: [
          { role: 'VOLUNTEER', count: 5 },
          { role: 'STAKEHOLDER', count: 12 },
        ],
        outcomes: [
          { description: '主干道清雪', owner: '村委会', linkedRecordId: incident },
          { description: '购置融雪剂', owner: '网格员' },
        ],
      },
      PC,
    );
    expect(held.consultation).toMatchObject({
      status: 'HELD',
      participants: [
        { role: 'VOLUNTEER', count: 5 },
        { role: 'STAKEHOLDER', count: 12 },
      ],
    });
    const [first, second] = held.consultation.outcomes;
    expect(first.linkedRecordId).toBe(incident);
    expect(
      (
        await mutate(t, worker, 'recordConsultation', {
          consultationId: c.id,
          heldAt: '2026-12-05T08:00:00Z',
          minutes: '再记一次',
          participants: [],
          outcomes: [],
        })
      ).code,
    ).toBe('INVALID_TRANSITION');
    const O = '... on UpdateConsultationOutcomePayload { outcome { id status doneAt } }';
    expect(
      (await ok(t, worker, 'updateConsultationOutcome', { outcomeId: first.id, status: 'IN_PROGRESS' }, O)).outcome
        .status,
    ).toBe('IN_PROGRESS');
    expect(
      (await ok(t, worker, 'updateConsultationOutcome', { outcomeId: first.id, status: 'DONE', note: '已清' }, O))
        .outcome.status,
    ).toBe('DONE');
    expect(
      (await mutate(t, worker, 'updateConsultationOutcome', { outcomeId: first.id, status: 'DROPPED' })).code,
    ).toBe('INVALID_TRANSITION');
    const read = async () =>
      (await query(t, worker, `query($id: ID!) { node(id: $id) { ... on Consultation { status } } }`, { id: c.id }))
        .node.status;
    expect(await read()).toBe('HELD');
    await ok(t, worker, 'updateConsultationOutcome', { outcomeId: second.id, status: 'DONE' }, O);
    expect(await read()).toBe('FOLLOWED_UP');
  });

  it('a planned consultation may be cancelled, a held one not', async () => {
    const v = await venue('村小广场');
    const c = await plan(v.id);
    const cancelled = await ok(t, worker, 'cancelConsultation', { consultationId: c.id, reason: '大雪改期' }, PC);
    expect(cancelled.consultation.status).toBe('CANCELLED');
    expect((await mutate(t, worker, 'cancelConsultation', { consultationId: c.id, reason: '再次取消' })).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe(`the public notice board (${engine()})`, () => {
  it('needs no login and no header, and carries no personal information', async () => {
    const worker2 = await t.login('weijiachang-worker');
    await ok(
      t,
      worker2,
      'postNotice',
      {
        communityId: await regionId(t, CODES.weijiachang),
        kind: 'PROJECT',
        title: '高标准农田建设项目公示',
        body: '项目概况与资金安排',
      },
      '... on PostNoticePayload { notice { id expiresAt } }',
    );
    const r = await t.gql(
      `query($r: ID!) { noticeBoard(regionId: $r, first: 50) { edges { node {
        id kind title body postedAt expiresAt community { name } } } } }`,
      { r: await regionId(t, CODES.beiwucha) },
    );
    expect(r.errors).toBeUndefined();
    const items = r.data.noticeBoard.edges.map((e: any) => e.node);
    expect(items.length).toBe(14);
    expect(items[0]).toMatchObject({ kind: 'PROJECT', community: { name: '魏家场村' } });
    // nothing of any person: no name, phone or id number of the demo people, nor the outside parties
    const people = await t.db.prisma.person.findMany({ select: { name: true, phone: true, idNumber: true } });
    const parties = await t.db.prisma.mediationParty.findMany({
      where: { name: { not: null } },
      select: { name: true },
    });
    const text = JSON.stringify(items);
    for (const p of [...people.flatMap((x) => [x.name, x.phone, x.idNumber]), ...parties.map((x) => x.name)]) {
      if (p) expect(text).not.toContain(p);
    }
    const shortPeriod = await mutate(t, worker2, 'postNotice', {
      communityId: await regionId(t, CODES.weijiachang),
      kind: 'OTHER',
      title: '短期通知',
      body: '内容',
      days: 3,
    });
    expect(shortPeriod.code).toBe('VALIDATION');
  });
});
