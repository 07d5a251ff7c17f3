// 党费, 共建, 小区党支部 work (诉求, 附加条款, 改造项目), and in-service registrations with events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { DEMO_PASSWORD, regionId } from '../../helpers.js';
import { expectError, expectOk, mutate, orgId, ORGS, roster, start } from './kit.js';

let t: TestApp;
let admin: string;
let pu: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t } = await start());
  admin = await t.login('admin');
  pu = await t.login('member-pu');
  for (const [k, name] of Object.entries(ORGS)) ids[k] = await orgId(t, name);
});
afterAll(() => t.close());

const personId = async (name: string) =>
  (
    await t.gql(
      `query($s: String) { people(first: 1, filter: { search: $s }) { edges { node { id } } } }`,
      { s: name },
      { token: admin },
    )
  ).data.people.edges[0].node.id as string;

/** a PARTY_MEMBER account for a demo person (e.g. a committee member) */
async function accountFor(username: string, name: string, regionCode: string) {
  const r = await mutate(
    t,
    admin,
    'createAccount',
    {
      username,
      password: DEMO_PASSWORD,
      role: 'PARTY_MEMBER',
      regionId: await regionId(t, regionCode),
      personId: await personId(name),
    },
    'account { id }',
  );
  expectOk(r);
  return t.login(username);
}

describe('党费 dues', () => {
  it('lists arrears, takes back payment of at most 6 months at once, and a month only once', async () => {
    const arrears = async () =>
      (
        await t.gql(
          `query($id: ID!) { duesArrears(organizationId: $id) { membership { id } months monthsCount amountYuan } }`,
          { id: ids.media },
          { token: pu },
        )
      ).data.duesArrears;
    const list = await arrears();
    const worst = list[0];
    expect(worst.monthsCount).toBe(7);
    expect(worst.amountYuan).toBe(7 * 45);
    const pay = (months: string[]) =>
      mutate(t, pu, 'recordDuesPayment', { membershipId: worst.membership.id, months }, 'membership { id }');
    expectError(await pay(worst.months), 'LIMIT_EXCEEDED', '6');
    expectError(await pay(['2025-12']), 'VALIDATION');
    expectOk(await pay(worst.months.slice(0, 6)));
    expectError(await pay(worst.months.slice(5, 6)), 'CONFLICT');
    const lastMonth = worst.months[6];
    const race = await Promise.all(Array.from({ length: 10 }, () => pay([lastMonth])));
    expect(race.filter((r) => r.__typename === 'RecordDuesPaymentPayload')).toHaveLength(1);
    expect(race.filter((r) => r.code === 'CONFLICT')).toHaveLength(9);
    expect((await arrears()).find((a: any) => a.membership.id === worst.membership.id)).toBeUndefined();
    const analyst = await t.gql(
      `query($id: ID!) { duesArrears(organizationId: $id) { monthsCount } }`,
      { id: ids.media },
      { token: await t.login('analyst') },
    );
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('computes the monthly amount from the rate table, for the branch committee only', async () => {
    const m = (await roster(t, admin, ids.media)).find((x) => x.stage === 'FULL' && x.name !== '蒲晓')!;
    const set = (input: Record<string, unknown>, token = pu) =>
      mutate(
        t,
        token,
        'setDuesBase',
        { membershipId: m.membershipId, ...input },
        'membership { monthlyDuesYuan incomeBaseYuan duesCategory }',
      );
    const cases: [Record<string, unknown>, number][] = [
      [{ category: 'SALARIED', incomeBaseYuan: 3000 }, 15],
      [{ category: 'SALARIED', incomeBaseYuan: 4000 }, 40],
      [{ category: 'SALARIED', incomeBaseYuan: 5000 }, 50],
      [{ category: 'SALARIED', incomeBaseYuan: 8000 }, 120],
      [{ category: 'SALARIED', incomeBaseYuan: 12000 }, 240],
      [{ category: 'RETIRED', incomeBaseYuan: 5000 }, 25],
      [{ category: 'RETIRED', incomeBaseYuan: 6000 }, 60],
      [{ category: 'STUDENT' }, 0.2],
      [{ category: 'LOW_INCOME' }, 0.2],
      [{ category: 'FARMER', farmerAmountYuan: 0.5 }, 0.5],
    ];
    for (const [input, amount] of cases)
      expect(expectOk(await set(input)).membership.monthlyDuesYuan, JSON.stringify(input)).toBe(amount);
    expectError(await set({ category: 'FARMER', farmerAmountYuan: 2 }), 'VALIDATION');
    expectError(await set({ category: 'SALARIED' }), 'VALIDATION');
    expectError(await set({ category: 'SALARIED', incomeBaseYuan: 4000 }, admin), 'FORBIDDEN');
    const last = expectOk(await set({ category: 'SALARIED', incomeBaseYuan: 6000 }));
    expect(last.membership).toMatchObject({ monthlyDuesYuan: 90, incomeBaseYuan: 6000 });
  });
});

describe('共建协议', () => {
  it('is signed by the initiating organisation, between 2+ organisations', async () => {
    const r = expectOk(
      await mutate(
        t,
        pu,
        'createCoBuildingAgreement',
        { partyIds: [ids.media, ids.binhe], topic: '媒体进小区', startsOn: '2026-11-01', activities: ['政策宣讲'] },
        'agreement { topic parties { name } active }',
      ),
    );
    expect(r.agreement.parties).toHaveLength(2);
    expect(r.agreement.active).toBe(true);
    expectError(
      await mutate(t, pu, 'createCoBuildingAgreement', {
        partyIds: [ids.binhe, ids.media],
        topic: '反过来',
        startsOn: '2026-11-01',
      }),
      'FORBIDDEN',
    );
    expectError(
      await mutate(t, pu, 'createCoBuildingAgreement', {
        partyIds: [ids.media],
        topic: '独角戏',
        startsOn: '2026-11-01',
      }),
      'VALIDATION',
    );
    const list = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { coBuildingAgreements { topic } } }`,
      { id: ids.binhe },
      { token: admin },
    );
    expect(list.data.partyOrganization.coBuildingAgreements.map((a: any) => a.topic)).toContain('媒体进小区');
  });
});

describe('小区党支部: requests, clauses, projects', () => {
  it("collects residents' requests and answers each once; names are masked for the branch committee", async () => {
    expectError(
      await mutate(t, admin, 'recordResidentRequest', { organizationId: ids.media, content: '不是小区' }),
      'PRECONDITION_FAILED',
      'RESIDENTIAL_BRANCH',
    );
    const r = expectOk(
      await mutate(
        t,
        admin,
        'recordResidentRequest',
        {
          organizationId: ids.binhe,
          content: '单元门禁损坏',
          residentId: await personId('周淑兰'),
          channel: '走访入户',
        },
        'request { id status residentName }',
      ),
    );
    expect(r.request).toMatchObject({ status: 'OPEN', residentName: '周淑兰' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        mutate(
          t,
          admin,
          'answerResidentRequest',
          { requestId: r.request.id, answer: `已维修 ${i}` },
          'request { status }',
        ),
      ),
    );
    expect(answers.filter((a) => a.__typename === 'AnswerResidentRequestPayload')).toHaveLength(1);
    // a loser that read the request after the winner's answer is INVALID_TRANSITION (already answered); one
    // that read it before and lost the conditional update is CONFLICT (a lost race)
    expect(answers.filter((a) => a.code === 'CONFLICT' || a.code === 'INVALID_TRANSITION')).toHaveLength(4);
    const ayjan = await accountFor('ayjan-binhe', '阿依江·托合塔尔', '652328100001');
    const seen = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { residentRequests(first: 20) { totalCount edges { node {
        residentName resident { id } } } } } }`,
      { id: ids.binhe },
      { token: ayjan },
    );
    expect(seen.errors).toBeUndefined();
    const names = seen.data.partyOrganization.residentRequests.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.residentName);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n: any) => n.residentName.endsWith('*') && n.resident === null)).toBe(true);
    expect(
      (
        await t.gql(
          `query($id: ID!) { partyOrganization(id: $id) { residentRequests { totalCount } } }`,
          { id: ids.binhe },
          { token: pu },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('adds a clause for the property company, checks it, and tracks a project forward only', async () => {
    const company = (
      await t.gql(`{ organizations(first: 1, filter: { search: "安居物业" }) { edges { node { id } } } }`)
    ).data.organizations.edges[0].node.id;
    const media = (await t.gql(`{ organizations(first: 1, filter: { search: "融媒体" }) { edges { node { id } } } }`))
      .data.organizations.edges[0].node.id;
    expectError(
      await mutate(t, admin, 'addPropertyClause', { organizationId: ids.binhe, propertyCompanyId: media, title: '错' }),
      'VALIDATION',
    );
    const c = expectOk(
      await mutate(
        t,
        admin,
        'addPropertyClause',
        { organizationId: ids.binhe, propertyCompanyId: company, title: '垃圾分类投放点每日消毒' },
        'clause { id status }',
      ),
    );
    expect(c.clause.status).toBe('PENDING');
    const checked = expectOk(
      await mutate(
        t,
        admin,
        'checkPropertyClause',
        { clauseId: c.clause.id, fulfilled: false, note: '未消毒' },
        'clause { status checks { fulfilled } }',
      ),
    );
    expect(checked.clause).toMatchObject({ status: 'NOT_FULFILLED', checks: [{ fulfilled: false }] });

    const p = expectOk(
      await mutate(
        t,
        admin,
        'createImprovementProject',
        { organizationId: ids.binhe, title: '增设充电桩', category: 'FACILITIES' },
        'project { id status version }',
      ),
    ).project;
    const update = (input: Record<string, unknown>) =>
      mutate(
        t,
        admin,
        'updateImprovementProject',
        { projectId: p.id, ...input },
        'project { status version investmentYuan parkingSpaces startedOn completedOn }',
      );
    const started = expectOk(await update({ status: 'IN_PROGRESS', version: p.version, investmentYuan: 8000 }));
    expectError(await update({ status: 'COMPLETED', version: p.version }), 'CONFLICT');
    const done = expectOk(
      await update({ status: 'COMPLETED', version: started.project.version, facilitiesRepaired: 2 }),
    );
    expect(done.project).toMatchObject({ status: 'COMPLETED', investmentYuan: 8000 });
    expect(done.project.completedOn).toBe('2026-11-25');
    expectError(await update({ status: 'IN_PROGRESS' }), 'INVALID_TRANSITION');
  });
});

describe('在职党员报到: who registered at 晶彩城社区 and what they did (through events)', () => {
  it(
    'lists 蒲晓 and her colleagues for the ' + 'community worker, with hours heard from volunteering.hoursVerified',
    async () => {
      const worker = await t.login('jingcaicheng-worker');
      const community = await regionId(t, '652301004001');
      const Q = `query($c: ID!) { partyRegistrations(communityId: $c, first: 20) { totalCount edges { node {
      person { id name } commitments volunteerHours wishesFulfilled workOrganization { name } serviceRecords
      { title hours } wishesClaimed } } } }`;
      const before = await t.gql(Q, { c: community }, { token: worker });
      expect(before.errors).toBeUndefined();
      const nodes = before.data.partyRegistrations.edges.map((e: any) => e.node);
      const pu = nodes.find((n: any) => n.person.name === '蒲晓');
      expect(pu.workOrganization.name).toBe('昌吉州融媒体中心');
      expect(nodes.filter((n: any) => n.workOrganization?.name === '昌吉州融媒体中心').length).toBeGreaterThanOrEqual(
        6,
      );

      // the volunteering module is not installed here: publish its event through the kernel bus
      const publish = (type: string, payload: Record<string, unknown>) =>
        t.db.prisma.$transaction((tx) =>
          t.app.events.publish(
            tx,
            { type, regionPath: '/652300/652301/652301004/652301004001/', payload },
            t.clock.now(),
          ),
        );
      const puId = Buffer.from(pu.person.id, 'base64').toString().split(':')[1];
      await publish('volunteering.hoursVerified', {
        personId: puId,
        hours: 2.5,
        recordId: 'rec-1',
        activityTitle: '冬季送温暖',
      });
      await publish('volunteering.hoursVerified', {
        personId: puId,
        hours: 2.5,
        recordId: 'rec-1',
        activityTitle: '冬季送温暖',
      }); // delivered twice: counted once
      await publish('volunteering.hoursVerified', {
        personId: puId,
        hours: 1,
        recordId: 'rec-2',
        activityTitle: '法治宣传',
      });
      await publish('volunteering.hoursCorrected', {
        personId: puId,
        recordId: 'rec-2',
        previousHours: 1,
        hours: 1.5,
        delta: 0.5,
      });
      await publish('wishes.claimed', { wishId: 'wish-1', claimantId: puId, communityId: 'x', category: 'HEALTH' });
      // counted once
      await publish('wishes.claimed', { wishId: 'wish-1', claimantId: puId, communityId: 'x', category: 'HEALTH' });
      await publish('wishes.fulfilled', { wishId: 'wish-1', claimantId: puId, communityId: 'x', category: 'HEALTH' });
      const after = await t.gql(Q, { c: community }, { token: worker });
      const mine = after.data.partyRegistrations.edges
        .map((e: any) => e.node)
        .find((n: any) => n.person.name === '蒲晓');
      expect(mine).toMatchObject({ volunteerHours: 4, wishesClaimed: 1, wishesFulfilled: 1 });
      expect(mine.serviceRecords).toHaveLength(4);
      const resident = await t.gql(Q, { c: community }, { token: await t.login('resident-he') });
      expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );
});
