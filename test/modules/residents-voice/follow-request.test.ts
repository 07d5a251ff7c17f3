// A resident follows the 诉求 their report became (reportProblem routed to a residential branch): their own
// requests in `myResidentRequests` and through `node`, with the branch's answer; nobody else's; the switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { mutate, REPORT_SEL, residentLogin, setModule, voiceApp } from './kit.js';

let t: TestApp;
let admin: string;
let zhang: { token: string; personId: string };
let other: { token: string; personId: string };
let requestId: string;
const BINHE = '652328100001';

const MINE = `{ myResidentRequests(first: 10) { totalCount edges { node {
  id content status answer residentName organization { name } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on PartyResidentRequest { id status answer } } }`;

beforeAll(async () => {
  t = await voiceApp();
  admin = await t.login('admin');
  zhang = await residentLogin(t, 'binhe-zhang', '张桂兰', BINHE);
  other = await residentLogin(t, 'binhe-li', '李建国', BINHE);
  const r = await mutate(
    t,
    zhang.token,
    'reportProblem',
    { communityId: await regionId(t, BINHE), category: 'LIVELIHOOD', description: '楼道声控灯坏了半个月' },
    REPORT_SEL,
  );
  expect(r.routedTo).toBe('party-building');
  requestId = r.residentRequest.id;
});
afterAll(() => t.close());

describe('following a routed 诉求', () => {
  it('the resident sees their own request, with their own name, and the branch’s answer', async () => {
    const mine = (await t.gql(MINE, {}, { token: zhang.token })).data.myResidentRequests;
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node).toMatchObject({
      id: requestId,
      content: '楼道声控灯坏了半个月',
      status: 'OPEN',
      answer: null,
      residentName: '张桂兰',
    });
    expect(mine.edges[0].node.organization.name).toBeTruthy();

    const answered = await t.gql(
      `mutation($input: AnswerResidentRequestInput!) { answerResidentRequest(input: $input) { __typename
        ... on Error { code message } } }`,
      { input: { requestId, answer: '已联系物业，三日内更换' } },
      { token: admin },
    );
    expect(answered.data.answerResidentRequest.__typename).toBe('AnswerResidentRequestPayload');
    const seen = (await t.gql(NODE, { id: requestId }, { token: zhang.token })).data.node;
    expect(seen).toEqual({ id: requestId, status: 'ANSWERED', answer: '已联系物业，三日内更换' });
  });

  it('another resident sees neither the request nor a count of it', async () => {
    const theirs = (await t.gql(MINE, {}, { token: other.token })).data.myResidentRequests;
    expect(theirs).toEqual({ totalCount: 0, edges: [] });
    expect((await t.gql(NODE, { id: requestId }, { token: other.token })).data.node).toBeNull();
    expect((await t.gql(NODE, { id: requestId }, {})).data?.node ?? null).toBeNull();
  });

  it('with party-building switched off for the township, the request is out of sight and back after', async () => {
    const code = BINHE.slice(0, 9); // the township of the community
    await setModule(t, admin, code, 'party-building', false);
    const off = await t.gql(MINE, {}, { token: zhang.token });
    expect(off.data?.myResidentRequests?.totalCount ?? 0).toBe(0);
    expect((await t.gql(NODE, { id: requestId }, { token: zhang.token })).data?.node ?? null).toBeNull();
    await setModule(t, admin, code, 'party-building', true);
    expect((await t.gql(MINE, {}, { token: zhang.token })).data.myResidentRequests.totalCount).toBe(1);
  });
});
