// The demo scenes of 志愿服务, each queuing its rows on the builder (seed-builder.ts); seed.ts writes them.
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { DAY, type DemoBuilder, day2024, HOUR } from './seed-builder.js';
import { BEIWUCHA_VILLAGES, COMMUNITY, MULEI_TITLES, names } from './seed-data.js';

/** 木垒县: party-member volunteers, teams, 312 activities in 2024 */
export function seedMulei(b: DemoBuilder) {
  const { register, newVolunteer, team, activity, corePerson, taken } = b;
  const ayjan = register(corePerson('阿依江·托合塔尔').id, COMMUNITY.binhe, new Date(Date.UTC(2022, 5, 1)), [
    '政策宣传',
    '双语翻译',
  ]);
  const gao = register(corePerson('高建军').id, COMMUNITY.renminlu, new Date(Date.UTC(2022, 5, 1)), ['水电维修']);
  const binhe = names(14, 0, taken, true).map((n, i) => newVolunteer(n, COMMUNITY.binhe, i));
  const renminlu = names(14, 40, taken, true).map((n, i) => newVolunteer(n, COMMUNITY.renminlu, i + 14));
  const muleiTeams = {
    [COMMUNITY.binhe]: team(
      COMMUNITY.binhe,
      '滨河社区党员志愿服务队',
      'PARTY_MEMBER',
      [ayjan],
      binhe.slice(0, 10),
      '木垒县民政局',
    ),
    [COMMUNITY.renminlu]: team(
      COMMUNITY.renminlu,
      '人民路社区党员志愿服务队',
      'PARTY_MEMBER',
      [gao],
      renminlu.slice(0, 10),
    ),
  };
  team(
    '652328100',
    '木垒镇巾帼志愿服务队',
    'WOMEN',
    [binhe[1]!],
    [...binhe.slice(11), ...renminlu.slice(11)],
    '木垒县夕阳红志愿服务协会',
  );
  team('652328100', '木垒镇青年志愿服务队', 'YOUTH', [renminlu[2]!], [binhe[10]!, renminlu[10]!]);
  const categories = Object.keys(MULEI_TITLES) as (keyof typeof MULEI_TITLES)[];
  for (let i = 0; i < 312; i++) {
    const code = i % 2 ? COMMUNITY.renminlu : COMMUNITY.binhe;
    const pool = i % 2 ? renminlu : binhe;
    const category =
      i % 10 < 3
        ? 'LIVING_ENVIRONMENT'
        : i % 10 < 6
          ? 'DISABILITY_AID'
          : i % 10 < 9
            ? 'LEGAL_PUBLICITY'
            : categories[3 + (i % 2)]!;
    const titles = MULEI_TITLES[category];
    activity(
      {
        code,
        title: titles[i % titles.length]!,
        category,
        startsAt: day2024((i * 97) % 360, 10 + (i % 6)),
        hours: 2,
        teamId: muleiTeams[code],
      },
      [pool[i % 14]!, pool[(i + 5) % 14]!, pool[(i + 9) % 14]!],
    );
  }
  return muleiTeams;
}

/** 北五岔镇: the safety-hazard inspection team (its 72 inspections are the grid module's patrols) */
export function seedBeiwucha(b: DemoBuilder) {
  const { register, newVolunteer, team, corePerson, taken } = b;
  const zhao = register(corePerson('赵刚').id, COMMUNITY.weijiachang, new Date(Date.UTC(2023, 3, 1)), [
    '安全检查',
    '电工',
  ]);
  const huang = register(corePerson('黄新龙').id, '652324104204', new Date(Date.UTC(2023, 3, 1)), ['安全检查']);
  const inspectors = names(8, 80, taken).map((n, i) => newVolunteer(n, BEIWUCHA_VILLAGES[i % 9]!, i + 30));
  const inspectionTeam = team(
    '652324104',
    '北五岔镇安全隐患排查志愿服务队',
    'SAFETY_INSPECTION',
    [zhao],
    [huang, ...inspectors],
    '中共玛纳斯县北五岔镇委员会',
  );
  // its 72 inspections of 2024 (累计排查72次) are grid patrols (HAZARD_INSPECTION, modules/grid/seed.ts): stored
  // once, there; the team here is who did them, and takes the open service orders (seed.ts)
  return { zhao, huang, inspectionTeam };
}

/** the joint 主题党日 of 新疆农业职业技术大学 and 昌吉州人民医院 (72 members) */
export function seedJointPartyDay(b: DemoBuilder) {
  const { register, newVolunteer, team, activity, corePerson, taken, org } = b;
  const homes = [
    COMMUNITY.yuanlin,
    COMMUNITY.wenhua,
    COMMUNITY.shiji,
    COMMUNITY.yanbei,
    COMMUNITY.jingcaicheng,
    COMMUNITY.jiashun,
  ];
  const joint = names(70, 200, taken).map((n, i) =>
    newVolunteer(n, homes[i % homes.length]!, i + 40, i % 2 ? '昌吉州人民医院' : '新疆农业职业技术大学'),
  );
  const maNan = register(corePerson('马楠').id, COMMUNITY.yuanlin, new Date(Date.UTC(2023, 0, 10)), [
    '急救',
    '临床医学',
  ]);
  const liuMin = register(corePerson('刘敏').id, COMMUNITY.wenhua, new Date(Date.UTC(2023, 0, 10)), ['农业技术']);
  const wangHai = register(corePerson('王海').id, COMMUNITY.shiji, new Date(Date.UTC(2023, 0, 10)), ['急救', '护理']);
  const jointTeam = team(
    COMMUNITY.yuanlin,
    '新农职大·州人民医院联合党员志愿服务队',
    'PARTY_MEMBER',
    [maNan],
    [liuMin, wangHai, ...joint],
    '新疆农业职业技术大学',
  );
  // the service part of the one joint 主题党日 (party-building's meeting of 2024-12-13 10:00 on the campus):
  // same day and place, in the afternoon; the meeting itself is stored once, in party-building
  activity(
    {
      code: COMMUNITY.wenhua,
      title: '联合主题党日·义诊与急救培训 (新疆农业职业技术大学、昌吉州人民医院)',
      category: 'HEALTH_SERVICE',
      startsAt: day2024(347, 14),
      hours: 3.5,
      teamId: jointTeam,
      organizationIds: [org('新疆农业职业技术大学'), org('昌吉州人民医院')],
      capacity: 80,
      place: '新疆农业职业技术大学校园',
      description:
        '新农职大马克思主义学院与昌吉州人民医院联合主题党日 (党建模块记录的组织生活) 当天下午, 州人民医院专家团队在校园' +
        '为师生义诊咨询, 开展心肺复苏和海姆立克急救法培训',
    },
    [maNan, liuMin, ...joint],
  );
  return { joint, homes, jointTeam };
}

/** 晶彩城社区 and 小蒲 (member-pu): a year of service in 2024 (before the anchor), 120 verified hours */
export function seedJingcaicheng(
  b: DemoBuilder,
  { anchor: now }: SeedKit,
  { joint, homes }: { joint: string[]; homes: string[] },
) {
  const { register, team, activity, corePerson, region, volunteerOf } = b;
  const records = b.rows.records;
  const liJing = register(corePerson('李静').id, COMMUNITY.jingcaicheng, new Date(Date.UTC(2022, 8, 1)), ['社区工作']);
  const pu = register(corePerson('蒲晓').id, COMMUNITY.jingcaicheng, new Date(now.getTime() - 420 * DAY), [
    '新闻摄影',
    '文案',
    '政策宣传',
  ]);
  for (const name of [
    '吴晓芳',
    '沙燕',
    '刘建国',
    '阿依努尔·买买提',
    '王鹏',
    '努尔兰·阿合买提',
    '张磊',
    '叶尔兰·哈力别克',
  ]) {
    const p = corePerson(name);
    register(p.id, p.homePath.split('/').filter(Boolean).pop()!, new Date(Date.UTC(2023, 4, 4)), ['志愿服务']);
  }
  const jingcai = joint.filter((_, i) => homes[i % homes.length] === COMMUNITY.jingcaicheng);
  const jingcaiTeam = team(
    COMMUNITY.jingcaicheng,
    '晶彩城社区党员志愿服务队',
    'PARTY_MEMBER',
    [liJing],
    [pu, ...jingcai],
  );
  const puTitles: [string, Prisma.VolunteerActivityCreateManyInput['category']][] = [
    ['微心愿认领与物资送达', 'HOME_VISIT'],
    ['公租房小区环境整治', 'LIVING_ENVIRONMENT'],
    ['反诈宣传进楼栋', 'LEGAL_PUBLICITY'],
    ['关爱空巢老人陪伴', 'ELDER_HELP'],
  ];
  for (let k = 0; k < 24; k++) {
    const [title, category] = puTitles[k % 4]!;
    const startsAt = new Date(Math.floor((now.getTime() - (15 * k + 5) * DAY) / DAY) * DAY + 1 * HOUR); // 09:00 Beijing
    activity({ code: COMMUNITY.jingcaicheng, title, category, startsAt, hours: 4 + (k % 3), teamId: jingcaiTeam }, [
      pu,
      jingcai[k % jingcai.length]!,
    ]);
  }
  const puVolunteer = volunteerOf.get(pu)!;
  const jc = region(COMMUNITY.jingcaicheng);
  for (const [kind, title, hours, ago] of [
    ['TRAINING', '志愿者应急救护培训', 4, 200],
    ['AWARD', '晶彩城社区优秀志愿者', 0, 60],
  ] as const) {
    const recordId = randomUUID();
    const startsAt = new Date(now.getTime() - ago * DAY);
    const endsAt = new Date(startsAt.getTime() + Math.max(hours, 1) * HOUR);
    records.push({
      id: recordId,
      volunteerId: puVolunteer,
      personId: pu,
      communityId: jc.id,
      regionPath: jc.path,
      kind,
      title,
      content: title,
      startsAt,
      endsAt,
      hours,
      organizationName: '晶彩城社区志愿服务中心',
      confirmedByName: '李静',
      confirmedAt: endsAt,
    });
  }
  return { jingcaiTeam, jingcai };
}

/** upcoming activities to try */
export function seedUpcoming(
  { activity }: DemoBuilder,
  { now }: SeedKit,
  teams: { jingcaiTeam: string; inspectionTeam: string; jointTeam: string; jingcai: string[]; huang: string },
) {
  const { jingcaiTeam, inspectionTeam, jointTeam, jingcai, huang } = teams;
  const soon = (days: number, hour: number) =>
    new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + (hour - 8) * HOUR);
  activity(
    {
      code: COMMUNITY.jingcaicheng,
      title: '冬季楼道清理及扫雪除冰',
      category: 'LIVING_ENVIRONMENT',
      startsAt: soon(3, 10),
      hours: 3,
      teamId: jingcaiTeam,
      capacity: 20,
      status: 'RECRUITING',
    },
    jingcai.slice(0, 4),
  );
  activity(
    {
      code: COMMUNITY.jingcaicheng,
      title: '元旦社区联欢志愿服务',
      category: 'OTHER',
      startsAt: soon(35, 15),
      hours: 3,
      teamId: jingcaiTeam,
      capacity: 30,
      status: 'DRAFT',
    },
    [],
  );
  activity(
    {
      code: COMMUNITY.weijiachang,
      title: '农村自建房及燃气安全隐患排查',
      category: 'SAFETY_INSPECTION',
      startsAt: soon(5, 10),
      hours: 4,
      teamId: inspectionTeam,
      capacity: 12,
      status: 'RECRUITING',
      risky: true,
      place: '魏家场村各组',
    },
    [huang],
  );
  activity(
    {
      code: COMMUNITY.yuanlin,
      title: '助老义剪进家门',
      category: 'ELDER_HELP',
      startsAt: soon(7, 10),
      hours: 3,
      teamId: jointTeam,
      capacity: 15,
      status: 'RECRUITING',
    },
    [],
  );
}
