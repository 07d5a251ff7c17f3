// 矛盾纠纷调解: the lifecycle and its refusals, mediators from the team only, and who sees the parties:
// the case's mediators and those who manage the parties; analysts get counts, never a case.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, query, regionId, startApp } from './support.js';

let t: TestApp;
let worker: string;
let mediator: string;
let mediatorId: string;
let outsiderPartyId: string;
const C =
  'mediationCase { id status agreementTerms referredTo referredWhere agreementKept ' +
  'parties { name phone person { name } } }';
const P = `... on MediationCasePayload { ${C} }`;

beforeAll(async () => {
  t = await startApp();
  worker = await t.login('weijiachang-worker');
  const prisma = t.db.prisma;
  // 魏长山, of the 榆事好商量 mediation team, gets an account (a party member of 魏家场村)
  const [wei, village, tian, template] = await Promise.all([
    prisma.person.findFirstOrThrow({ where: { name: '魏长山' } }),
    prisma.region.findUniqueOrThrow({ where: { code: CODES.weijiachang } }),
    prisma.person.findFirstOrThrow({ where: { name: '田富贵' } }),
    prisma.account.findUniqueOrThrow({ where: { username: 'member-pu' } }),
  ]);
  const account = await prisma.account.create({
    data: {
      id: randomUUID(),
      username: 'mediator-wei',
      passwordHash: template.passwordHash,
      role: 'PARTY_MEMBER',
      regionId: village.id,
      regionPath: village.path,
      personId: wei.id,
    },
  });
  mediator = (await t.app.tokens.sign({ accountId: account.id, tokenVersion: 0 }, t.clock.now())).token;
  mediatorId = Buffer.from(`Person:${wei.id}`).toString('base64');
  outsiderPartyId = Buffer.from(`Person:${tian.id}`).toString('base64'); // lives in 田家井村
});
afterAll(() => t.close());

const open = async (token = worker) =>
  (
    await ok(
      t,
      token,
      'openMediationCase',
      {
        communityId: await regionId(t, CODES.weijiachang),
        category: 'LAND',
        facts: '两户因地界问题发生争执',
        parties: [{ name: '李建国', phone: '13899001122' }, { personId: outsiderPartyId }],
        mediatorIds: [mediatorId],
      },
      P,
    )
  ).mediationCase;

/** parties in a fixed order (the API lists them by id) */
const sorted = (parties: { phone: string | null }[]) => [...parties].sort((a, b) => (a.phone ? -1 : b.phone ? 1 : 0));

describe(`mediation (${engine()})`, () => {
  it('ACCEPTED → MEDIATING → FAILED → REFERRED, refusing every step out of order', async () => {
    const c = await open();
    expect(c.status).toBe('ACCEPTED');
    const early = await mutate(t, worker, 'recordMediationAgreement', {
      caseId: c.id,
      terms: '双方同意',
      agreedOn: '2026-11-25',
    });
    expect(early.code).toBe('INVALID_TRANSITION');
    expect(
      (await mutate(t, worker, 'referMediationCase', { caseId: c.id, to: 'COURT', where: '玛纳斯县人民法院' })).code,
    ).toBe('INVALID_TRANSITION');
    expect((await ok(t, worker, 'startMediation', { caseId: c.id }, P)).mediationCase.status).toBe('MEDIATING');
    expect(
      (await ok(t, worker, 'failMediation', { caseId: c.id, reason: '一方拒绝调解' }, P)).mediationCase.status,
    ).toBe('FAILED');
    const referred = await ok(
      t,
      worker,
      'referMediationCase',
      { caseId: c.id, to: 'JUDICIAL_MEDIATION', where: '北五岔司法所' },
      P,
    );
    expect(referred.mediationCase).toMatchObject({
      status: 'REFERRED',
      referredTo: 'JUDICIAL_MEDIATION',
      referredWhere: '北五岔司法所',
    });
    expect((await mutate(t, worker, 'followUpMediation', { caseId: c.id, agreementKept: true })).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('the mediator records the agreement and the follow-up (回访)', async () => {
    const c = await open();
    await ok(t, mediator, 'startMediation', { caseId: c.id }, P);
    const agreed = await ok(
      t,
      mediator,
      'recordMediationAgreement',
      { caseId: c.id, terms: '以原界桩为准，互不占用', agreedOn: '2026-11-25' },
      P,
    );
    expect(agreed.mediationCase).toMatchObject({ status: 'AGREED', agreementTerms: '以原界桩为准，互不占用' });
    expect((await mutate(t, mediator, 'failMediation', { caseId: c.id, reason: '反悔' })).code).toBe(
      'INVALID_TRANSITION',
    );
    const followed = await ok(
      t,
      mediator,
      'followUpMediation',
      { caseId: c.id, agreementKept: true, note: '已履行' },
      P,
    );
    expect(followed.mediationCase).toMatchObject({ status: 'FOLLOWED_UP', agreementKept: true });
    expect((await mutate(t, mediator, 'followUpMediation', { caseId: c.id, agreementKept: true })).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('mediators come from the mediation team; other villages’ workers may not open cases there', async () => {
    const notTeam = await mutate(t, worker, 'openMediationCase', {
      communityId: await regionId(t, CODES.weijiachang),
      category: 'OTHER',
      facts: '测试纠纷',
      parties: [{ name: '李建国' }],
      mediatorIds: [outsiderPartyId],
    });
    expect(notTeam.code).toBe('VALIDATION');
    const outsider = await mutate(t, await t.login('jingcaicheng-worker'), 'openMediationCase', {
      communityId: await regionId(t, CODES.weijiachang),
      category: 'OTHER',
      facts: '测试纠纷',
      parties: [{ name: '李建国' }],
      mediatorIds: [mediatorId],
    });
    expect(outsider.code).toBe('FORBIDDEN');
  });

  it('parties: in full for the mediator; for the village worker only those they manage; masked elsewhere', async () => {
    const c = await open();
    const read = async (token: string) =>
      (
        await query(
          t,
          token,
          `query($id: ID!) { node(id: $id) { ... on MediationCase { id parties { name phone person { name } } } } }`,
          { id: c.id },
        )
      ).node;
    const byMediator = await read(mediator);
    expect(sorted(byMediator.parties)).toEqual([
      { name: '李建国', phone: '13899001122', person: null },
      { name: '田富贵', phone: null, person: { name: '田富贵' } },
    ]);
    const byWorker = await read(worker);
    expect(sorted(byWorker.parties)).toEqual([
      { name: '李建国', phone: '13899001122', person: null },
      { name: '田**', phone: null, person: null },
    ]);
    // other viewers do not see the case at all
    for (const login of ['analyst', 'jingcaicheng-worker', 'member-pu', 'manas-emergency']) {
      expect(await read(await t.login(login)), login).toBeNull();
    }
  });

  it('mediationCases: the village’s cases for its worker, the mediator’s for them; analysts refused', async () => {
    const list = `query { mediationCases(first: 50) { edges { node { id parties { name } } } } }`;
    // 23 demo cases of 魏家场村 plus the three opened above; the tea houses' 20 are another village's
    const forWorker = await query(t, worker, list);
    expect(forWorker.mediationCases.edges.length).toBe(26);
    const forMediator = await query(t, mediator, list);
    expect(forMediator.mediationCases.edges.length).toBe(26); // 魏长山 mediates every one of them
    const forTownship = await query(t, await t.login('beiwucha-admin'), list);
    expect(forTownship.mediationCases.edges.length).toBe(46);
    const analyst = await t.gql(list, {}, { token: await t.login('analyst') });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resident = await query(t, await t.login('resident-he'), list);
    expect(resident.mediationCases.edges).toEqual([]);
    const stats = await query(
      t,
      await t.login('analyst'),
      `query($r: ID!) { region(id: $r) { stats { consultation { disputesByCategory { category accepted } } } } }`,
      { r: await regionId(t, CODES.weijiachang) },
    );
    expect(JSON.stringify(stats)).not.toContain('李建国');
  });
});
