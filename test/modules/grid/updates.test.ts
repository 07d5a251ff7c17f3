// updateGrid and updateHousehold: who may edit, code unique per community, GeoJSON boundary, the size
// warning, moving a household within its community only, members of the community only, audit entries,
// every refusal changing nothing, and the module switch.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, gridsOf, mutate, personId, WEIJIACHANG, YOUFANGZHUANG } from './kit.js';

let t: TestApp;
let admin: string;
let villageWorker: string;
let wjc: Record<string, string>;
let yfz: Record<string, string>;

const GRID_SEL =
  '... on UpdateGridPayload { grid { id code name boundary centre { latitude longitude } householdCount } warnings }';
const HOUSEHOLD_SEL = `... on UpdateHouseholdPayload { household { id address grid { code } head { name } memberCount
  members { relation person { name } } } warnings } ... on ValidationError { issues { path } }`;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

/** everything an update may touch, straight from the database */
async function gridRow(id: string) {
  return t.db.prisma.grid.findUniqueOrThrow({ where: { id: rawId(id) } });
}
async function householdState(id: string) {
  const h = await t.db.prisma.household.findUniqueOrThrow({
    where: { id },
    include: { members: { orderBy: { personId: 'asc' } } },
  });
  return { ...h, audits: await t.db.prisma.auditLog.count({ where: { entityId: id } }) };
}
async function gridState(id: string) {
  return { row: await gridRow(id), audits: await t.db.prisma.auditLog.count({ where: { entityId: rawId(id) } }) };
}
async function setRuralLimit(value: number) {
  const r = await t.gql(
    `mutation($r: ID!, $v: JSON!) { setModuleSetting(input: { regionId: $r, moduleId: "grid", key: ` +
      `"ruralGridMaxHouseholds", value: $v }) { __typename } }`,
    { r: await regionId(t, BEIWUCHA), v: value },
    { token: admin },
  );
  expect(r.data?.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
}

beforeAll(async () => {
  t = await gridApp();
  [admin, villageWorker] = await Promise.all(['beiwucha-admin', 'weijiachang-worker'].map((u) => t.login(u)));
  wjc = await gridsOf(t, admin, WEIJIACHANG);
  yfz = await gridsOf(t, admin, YOUFANGZHUANG);
});
afterAll(() => t.close());

describe('updateGrid 修改网格', () => {
  it('a community worker renames, recodes and redraws a grid of their community; audited with the note', async () => {
    const boundary = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [86.2, 44.3],
            [86.3, 44.3],
            [86.3, 44.4],
            [86.2, 44.3],
          ],
        ],
        [
          [
            [86.4, 44.3],
            [86.5, 44.3],
            [86.5, 44.4],
            [86.4, 44.3],
          ],
        ],
      ],
    };
    const r = await mutate(
      t,
      villageWorker,
      'updateGrid',
      {
        gridId: wjc.G02,
        name: '魏家场村第2网格(东)',
        code: 'G02-E',
        boundary,
        centre: { latitude: 44.35, longitude: 86.3 },
        note: '按村民小组重划',
      },
      GRID_SEL,
    );
    expect(r).toMatchObject({
      __typename: 'UpdateGridPayload',
      grid: {
        id: wjc.G02,
        code: 'G02-E',
        name: '魏家场村第2网格(东)',
        boundary,
        centre: { latitude: 44.35, longitude: 86.3 },
      },
      warnings: [],
    });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'grid.update', entityId: rawId(wjc.G02) },
    });
    expect(audit.data).toMatchObject({
      before: { code: 'G02' },
      after: { code: 'G02-E', name: '魏家场村第2网格(东)' },
      note: '按村民小组重划',
    });
    // omitted fields stay; null clears the boundary and the centre; admins above may edit too
    const cleared = await mutate(
      t,
      await t.login('zhou-admin'),
      'updateGrid',
      { gridId: wjc.G02, boundary: null, centre: null },
      GRID_SEL,
    );
    expect(cleared.grid).toMatchObject({ code: 'G02-E', name: '魏家场村第2网格(东)', boundary: null, centre: null });
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [86.2, 44.3],
          [86.3, 44.3],
          [86.3, 44.4],
          [86.2, 44.3],
        ],
      ],
    };
    const back = await mutate(t, admin, 'updateGrid', { gridId: wjc.G02, code: 'G02', boundary: polygon }, GRID_SEL);
    expect(back.grid).toMatchObject({ code: 'G02', boundary: polygon });
  });

  it('a code is unique within the community only: CONFLICT there, allowed when another village uses it', async () => {
    const before = await gridState(wjc.G02);
    const dup = await mutate(t, villageWorker, 'updateGrid', { gridId: wjc.G02, code: 'G03', name: '不应保存' });
    expect(dup.code).toBe('CONFLICT');
    expect(await gridState(wjc.G02)).toEqual(before);
    const otherVillageCode = Object.keys(yfz)[0]!;
    const ok = await mutate(t, villageWorker, 'updateGrid', { gridId: wjc.G02, code: otherVillageCode }, GRID_SEL);
    expect(ok.grid.code).toBe(otherVillageCode);
    await mutate(t, villageWorker, 'updateGrid', { gridId: wjc.G02, code: 'G02' });
  });

  it('two parallel edits to the same free code: one wins, the other is a CONFLICT', async () => {
    const results = await Promise.all(
      [wjc.G02, wjc.G03].map((gridId) => mutate(t, villageWorker, 'updateGrid', { gridId, code: 'G99' }, GRID_SEL)),
    );
    expect(results.map((r) => r.__typename).sort()).toEqual(['DomainError', 'UpdateGridPayload'].sort());
    expect(results.find((r) => r.code)!.code).toBe('CONFLICT');
    expect(await t.db.prisma.grid.count({ where: { code: 'G99' } })).toBe(1);
    const winner = results.find((r) => r.grid)!.grid.id as string;
    await mutate(t, villageWorker, 'updateGrid', { gridId: winner, code: winner === wjc.G02 ? 'G02' : 'G03' });
  });

  it(
    'refuses a boundary that is not a GeoJSON Polygon/MultiPolygon, and bad codes and names, changing ' + 'nothing',
    async () => {
      const before = await gridState(wjc.G01);
      const r = await t.gql(
        `mutation($i: UpdateGridInput!) { updateGrid(input: $i) { __typename ... on ValidationError { code ` +
          `issues { path } } } }`,
        { i: { gridId: wjc.G01, boundary: { type: 'Point', coordinates: [86.2, 44.3] }, code: '网格一', name: '' } },
        { token: villageWorker },
      );
      expect(r.data.updateGrid.code).toBe('VALIDATION');
      expect(r.data.updateGrid.issues.map((i: any) => i.path).sort()).toEqual([
        'input.boundary',
        'input.code',
        'input.name',
      ]);
      const noCoordinates = await mutate(t, villageWorker, 'updateGrid', {
        gridId: wjc.G01,
        boundary: { type: 'Polygon' },
      });
      expect(noCoordinates.code).toBe('VALIDATION');
      expect(await gridState(wjc.G01)).toEqual(before);
    },
  );

  it('refuses people outside the community or without the role, changing nothing', async () => {
    const before = await gridState(wjc.G01);
    for (const user of [
      'tianlong-worker',
      'ganhezi-admin',
      'jingcaicheng-worker',
      'manas-emergency',
      'analyst',
      'resident-he',
    ]) {
      const r = await mutate(t, await t.login(user), 'updateGrid', { gridId: wjc.G01, name: '越权修改' });
      expect(['FORBIDDEN', 'NOT_FOUND'], user).toContain(r.code); // wrong role, or a record outside their area
    }
    const missing = await mutate(t, admin, 'updateGrid', {
      gridId: encodeGlobalID('Grid', '00000000-0000-0000-0000-000000000000'),
      name: 'x',
    });
    expect(missing.code).toBe('NOT_FOUND');
    expect(await gridState(wjc.G01)).toEqual(before);
  });

  it('recomputes the size warning the way creation reports it', async () => {
    await setRuralLimit(20);
    try {
      const r = await mutate(t, villageWorker, 'updateGrid', { gridId: wjc.G01, name: '魏家场村第1网格' }, GRID_SEL);
      expect(r.grid.householdCount).toBe(25);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/25 户，超过农村网格的 20 户/);
    } finally {
      await setRuralLimit(300);
    }
    const calm = await mutate(t, villageWorker, 'updateGrid', { gridId: wjc.G01, name: '魏家场村第1网格' }, GRID_SEL);
    expect(calm.warnings).toEqual([]);
  });
});

describe('updateHousehold 修改户', () => {
  let household: string; // 魏长山's household in 魏家场村 G01
  let householdRaw: string;
  let wei: string;
  let chen: string;
  beforeAll(async () => {
    const wcs = await t.db.prisma.person.findFirstOrThrow({ where: { name: '魏长山' } });
    const row = await t.db.prisma.household.findFirstOrThrow({ where: { headId: wcs.id } });
    householdRaw = row.id;
    household = encodeGlobalID('Household', row.id);
    [wei, chen] = await Promise.all([personId(t, '魏长山'), personId(t, '陈玉梅')]);
  });

  it(
    'a community worker changes address, head and members and moves it to another grid of the village; ' + 'audited',
    async () => {
      const r = await mutate(
        t,
        villageWorker,
        'updateHousehold',
        { householdId: household, address: '魏家场村2组8号', headId: chen, memberIds: [wei], gridId: wjc.G02 },
        HOUSEHOLD_SEL,
      );
      expect(r.__typename).toBe('UpdateHouseholdPayload');
      expect(r.household).toMatchObject({
        id: household,
        address: '魏家场村2组8号',
        grid: { code: 'G02' },
        head: { name: '陈玉梅' },
        memberCount: 2,
      });
      expect(r.household.members.map((m: any) => [m.person.name, m.relation]).sort()).toEqual([
        ['陈玉梅', '户主'],
        ['魏长山', null],
      ]);
      expect(r.warnings).toEqual([]);
      const audit = await t.db.prisma.auditLog.findFirstOrThrow({
        where: { action: 'grid.household.update', entityId: householdRaw },
      });
      expect(audit.data).toMatchObject({
        fromGridId: rawId(wjc.G01),
        toGridId: rawId(wjc.G02),
        membersAdded: 1,
        membersRemoved: 0,
      });
      const counts = await t.gql(
        `query($a: ID!, $b: ID!) { a: grid(id: $a) { householdCount } b: grid(id: $b) { householdCount } }`,
        { a: wjc.G01, b: wjc.G02 },
        { token: admin },
      );
      expect(counts.data).toEqual({ a: { householdCount: 24 }, b: { householdCount: 23 } });

      // omitted fields stay; null clears the head (the person stays a member); an admin above may do it
      const cleared = await mutate(
        t,
        await t.login('zhou-admin'),
        'updateHousehold',
        { householdId: household, headId: null },
        HOUSEHOLD_SEL,
      );
      expect(cleared.household).toMatchObject({
        address: '魏家场村2组8号',
        grid: { code: 'G02' },
        head: null,
        memberCount: 2,
      });
      expect(cleared.household.members.every((m: any) => m.relation === null)).toBe(true);
      // the head is always a member; a member list replaces the old one
      const back = await mutate(
        t,
        villageWorker,
        'updateHousehold',
        { householdId: household, headId: wei, memberIds: [], gridId: wjc.G01 },
        HOUSEHOLD_SEL,
      );
      expect(back.household).toMatchObject({
        grid: { code: 'G01' },
        head: { name: '魏长山' },
        memberCount: 1,
        members: [{ relation: '户主', person: { name: '魏长山' } }],
      });
    },
  );

  it('moves only within the same community (VALIDATION), changing nothing', async () => {
    const before = await householdState(householdRaw);
    const r = await mutate(
      t,
      villageWorker,
      'updateHousehold',
      { householdId: household, gridId: Object.values(yfz)[0], address: '不应保存' },
      HOUSEHOLD_SEL,
    );
    expect(r).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', issues: [{ path: 'input.gridId' }] });
    expect(await householdState(householdRaw)).toEqual(before);
  });

  it('head and members must be people of the household’s community (VALIDATION), changing nothing', async () => {
    const before = await householdState(householdRaw);
    const yang = await personId(t, '杨淑芬'); // 油坊庄村
    const su = await personId(t, '苏文华'); // 园林社区, another county
    const r = await mutate(
      t,
      villageWorker,
      'updateHousehold',
      { householdId: household, headId: yang, memberIds: [chen, su], address: '不应保存' },
      HOUSEHOLD_SEL,
    );
    expect(r.code).toBe('VALIDATION');
    expect(r.issues.map((i: any) => i.path).sort()).toEqual(['input.headId', 'input.memberIds.1']);
    const missing = await mutate(t, villageWorker, 'updateHousehold', {
      householdId: household,
      memberIds: [encodeGlobalID('Person', '00000000-0000-0000-0000-000000000000')],
    });
    expect(missing.code).toBe('NOT_FOUND');
    expect(await householdState(householdRaw)).toEqual(before);
  });

  it('refuses people outside the community or without the role, changing nothing', async () => {
    const before = await householdState(householdRaw);
    for (const user of [
      'tianlong-worker',
      'ganhezi-admin',
      'jingcaicheng-worker',
      'manas-emergency',
      'analyst',
      'resident-he',
    ]) {
      const r = await mutate(t, await t.login(user), 'updateHousehold', {
        householdId: household,
        address: '越权修改',
        gridId: wjc.G03,
      });
      expect(['FORBIDDEN', 'NOT_FOUND'], user).toContain(r.code); // wrong role, or a record outside their area
    }
    expect(await householdState(householdRaw)).toEqual(before);
  });

  it('warns (does not refuse) when the move makes the grid larger than usual', async () => {
    await setRuralLimit(20); // G03 has 20 households
    try {
      const r = await mutate(
        t,
        villageWorker,
        'updateHousehold',
        { householdId: household, gridId: wjc.G03 },
        HOUSEHOLD_SEL,
      );
      expect(r.household.grid.code).toBe('G03');
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/21 户，超过农村网格的 20 户/);
      const g = await t.gql(
        `query($id: ID!) { grid(id: $id) { householdCount sizeWarning } }`,
        { id: wjc.G03 },
        { token: admin },
      );
      expect(g.data.grid).toMatchObject({
        householdCount: 21,
        sizeWarning: expect.stringMatching(/larger than usual/),
      });
    } finally {
      await setRuralLimit(300);
    }
    const back = await mutate(
      t,
      villageWorker,
      'updateHousehold',
      { householdId: household, gridId: wjc.G01 },
      HOUSEHOLD_SEL,
    );
    expect(back).toMatchObject({ household: { grid: { code: 'G01' } }, warnings: [] });
  });
});

describe('switched off for 北五岔镇', () => {
  it(
    'both updates are MODULE_DISABLED there (and absent from local staff’s schema), change nothing, and ' +
      'work again when back on',
    async () => {
      const zhou = await t.login('zhou-admin'); // prefecture admin: the module stays in their schema
      const setGrid = async (enabled: boolean) => {
        const r = await t.gql(
          `mutation($r: ID!, $e: Boolean!) { setModuleEnabled(input: { regionId: $r, moduleId: "grid", ` +
            `enabled: $e }) { __typename } }`,
          { r: await regionId(t, BEIWUCHA), e: enabled },
          { token: admin },
        );
        expect(r.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
      };
      const hh = await t.db.prisma.household.findFirstOrThrow({
        where: { gridId: rawId(wjc.G01) },
        orderBy: { id: 'asc' },
      });
      const hhId = encodeGlobalID('Household', hh.id);
      const [grid, house] = [await gridState(wjc.G01), await householdState(hh.id)];
      await setGrid(false);
      try {
        const g = await mutate(t, zhou, 'updateGrid', { gridId: wjc.G01, name: '关闭时修改' });
        expect(g.code).toBe('MODULE_DISABLED');
        const h = await mutate(t, zhou, 'updateHousehold', {
          householdId: hhId,
          address: '关闭时修改',
          gridId: wjc.G02,
        });
        expect(h.code).toBe('MODULE_DISABLED');
        const local = await t.gql(
          `mutation($i: UpdateGridInput!) { updateGrid(input: $i) { __typename } }`,
          { i: { gridId: wjc.G01, name: 'x' } },
          { token: villageWorker },
        );
        expect(local.errors?.[0]?.message).toMatch(/Unknown type "UpdateGridInput"|Cannot query field "updateGrid"/);
        expect(await gridState(wjc.G01)).toEqual(grid);
        expect(await householdState(hh.id)).toEqual(house);
      } finally {
        await setGrid(true);
      }
      const g = await mutate(t, villageWorker, 'updateGrid', { gridId: wjc.G01, name: '魏家场村第1网格' }, GRID_SEL);
      expect(g.__typename).toBe('UpdateGridPayload');
      const h = await mutate(
        t,
        villageWorker,
        'updateHousehold',
        { householdId: hhId, address: hh.address },
        HOUSEHOLD_SEL,
      );
      expect(h.__typename).toBe('UpdateHouseholdPayload');
    },
  );
});
