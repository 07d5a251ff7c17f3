// Loads the 微心愿 demo data: 园林社区 6 wishes all claimed by in-service members (王孝梅's 米面油
// delivered on 12月3日), 晶彩城社区 126 wishes collected in November 2024 and claimed by members of
// 昌吉州融媒体中心 (何福琴's 护腰带、护膝 by 蒲晓), 嘉顺社区's 小太阳取暖器 for 张兴德, 天龙社区's 21 wishes
// claimed by 阜康市住建局 and 甘河子镇派出所 members, and 塔西河乡学校's 30 书包. A handful of queries
// and three createMany statements.
import { randomUUID } from 'node:crypto';
import type { Prisma, Role, SeedKit } from '../../src/kit/index.js';
import {
  CHANNELS,
  CODES,
  cst,
  DAY,
  generateResidents,
  HOUR,
  ITEMS,
  NEW_MEMBERS,
  WORKERS,
  type NewResident,
} from './seed-data.js';
import { timelineRow, type Actor } from './transition.js';

type Item = (typeof ITEMS)[number];

interface WishSpec {
  community: string;
  requesterId: string;
  item: Item;
  channel: (typeof CHANNELS)[number];
  submittedAt: Date;
  /** absent: still PUBLISHED on the wish wall */
  claim?: {
    claimantId: string;
    organizationId: string;
    afterHours: number;
    fulfilDays: number;
    fulfilmentNote?: string;
    /** absent: FULFILLED, waiting for acknowledgement */
    confirm?: { by: 'requester' | 'worker'; thanks?: string; rating?: number };
  };
}

export async function seedWishes(kit: SeedKit) {
  const { prisma } = kit;
  const [regions, organizations, people, accounts] = await Promise.all([
    prisma.region.findMany({ where: { code: { in: Object.values(CODES) } } }),
    prisma.organization.findMany(),
    prisma.person.findMany({ select: { id: true, name: true } }),
    prisma.account.findMany({
      where: { personId: { not: null } },
      select: { id: true, username: true, personId: true, role: true },
    }),
  ]);
  const region = (code: string) => regions.find((r) => r.code === code) ?? fail(`region ${code}`);
  const orgId = (name: string) => organizations.find((o) => o.name === name)?.id ?? fail(`organisation ${name}`);
  const personIds = new Map(people.map((p) => [p.name, p.id]));
  const personId = (name: string) => personIds.get(name) ?? fail(`person ${name}`);
  const taken = new Set(personIds.keys());

  // ---- people the page implies: in-service members and the requesters demo-data.ts does not name
  const newPeople: Prisma.PersonCreateManyInput[] = [];
  for (const m of NEW_MEMBERS) {
    if (taken.has(m.name)) fail(`generated member ${m.name} clashes with a demo person`);
    const home = region(m.community);
    const id = randomUUID();
    newPeople.push({
      id,
      name: m.name,
      gender: m.gender,
      ethnicity: '汉族',
      homeCommunityId: home.id,
      homePath: home.path,
      tags: [],
      partyMember: true,
      workOrganizationId: orgId(m.organization),
      registeredCommunityId: home.id,
      registeredAt: cst('2024-03-01T09:00:00'),
      serviceCommitments: [m.commitment],
    });
    personIds.set(m.name, id);
    taken.add(m.name);
  }
  const residents = (code: string, list: NewResident[]) =>
    list.map((r) => {
      const id = randomUUID();
      const home = region(code);
      newPeople.push({ id, ...r, homeCommunityId: home.id, homePath: home.path, serviceCommitments: [] });
      return id;
    });
  const yuanlinNew = residents(CODES.yuanlin, generateResidents(4, taken, 'adult', 0));
  const jingcaiNew = residents(CODES.jingcaicheng, generateResidents(124, taken, 'adult', 40));
  const tianlongNew = residents(CODES.tianlong, generateResidents(20, taken, 'adult', 400));
  const pupilsNew = residents(CODES.huangtaizi, generateResidents(29, taken, 'pupil', 0));

  // ---- the wishes
  const specs: WishSpec[] = [];
  const item = (title: string) => ITEMS.find((i) => i[0] === title) ?? fail(`item ${title}`);
  const cycle = (i: number) => ITEMS[(i * 7) % ITEMS.length]!;

  // 园林社区: 6 wishes, all claimed by in-service members; 王孝梅's rice and oil delivered on 12月3日
  const yuanlinClaimants = ['马楠', '陈志远', '马楠', '陈志远', '刘芳', '刘芳'].map(personId);
  const yuanlinMedical = orgId('昌吉州人民医院');
  [personId('王孝梅'), personId('苏文华'), ...yuanlinNew].forEach((requesterId, i) => {
    const claimantId = yuanlinClaimants[i]!;
    specs.push({
      community: CODES.yuanlin,
      requesterId,
      channel: 'HOME_VISIT',
      submittedAt: cst(`2024-11-2${i}T10:00:00`),
      item: i === 0 ? item('米面油') : i === 1 ? item('助行器') : cycle(i + 3),
      claim: {
        claimantId,
        organizationId: claimantId === personId('刘芳') ? orgId('新疆农业职业技术大学') : yuanlinMedical,
        afterHours: 20 + i * 5,
        fulfilDays: i === 0 ? 11 : 5 + i,
        ...(i === 0
          ? {
              fulfilmentNote: '与社区干部吴晓芳一起把大米、清油送到王大姐家',
              confirm: { by: 'worker' as const, thanks: '王孝梅：谢谢党员们来看我', rating: 5 },
            }
          : {}),
      },
    });
  });

  // 晶彩城社区: 126 wishes collected in November 2024, claimed by members of 昌吉州融媒体中心
  const media = orgId('昌吉州融媒体中心');
  const mediaMembers = ['蒲晓', '杨帆', '李娜', '张昊', '王雪', '赵磊', '周婷', '孙健'].map(personId);
  [personId('何福琴'), personId('古丽娜尔·艾力'), ...jingcaiNew].forEach((requesterId, i) => {
    const day = 1 + (i % 28);
    const outcome = i < 100 ? 'CONFIRMED' : i < 114 ? 'FULFILLED' : 'PUBLISHED';
    specs.push({
      community: CODES.jingcaicheng,
      requesterId,
      channel: i === 0 ? 'CHAT_GROUP' : CHANNELS[i % 4]!,
      submittedAt: cst(`2024-11-${String(day).padStart(2, '0')}T${String(9 + (i % 9)).padStart(2, '0')}:30:00`),
      item: i === 0 ? item('护腰带、护膝') : i === 1 ? item('轮椅') : cycle(i),
      ...(outcome === 'PUBLISHED'
        ? {}
        : {
            claim: {
              claimantId: mediaMembers[i % mediaMembers.length]!,
              organizationId: media,
              afterHours: 2 + ((i * 13) % 70),
              fulfilDays: 1 + ((i * 5) % 9),
              ...(i === 0 ? { fulfilmentNote: '小区包楼干部代为送到何阿姨家' } : {}),
              ...(outcome === 'CONFIRMED'
                ? {
                    confirm:
                      i === 0
                        ? { by: 'requester' as const, thanks: '谢谢小蒲，护腰带、护膝戴上可暖和了', rating: 5 }
                        : { by: 'worker' as const, rating: 4 + (i % 2) },
                  }
                : {}),
            },
          }),
    });
  });

  // 嘉顺社区: 张兴德's 小太阳取暖器
  specs.push({
    community: CODES.jiashun,
    requesterId: personId('张兴德'),
    channel: 'HOME_VISIT',
    submittedAt: cst('2024-11-15T10:00:00'),
    item: item('小太阳取暖器'),
    claim: {
      claimantId: personId('郭鹏'),
      organizationId: orgId('昌吉州人民医院'),
      afterHours: 26,
      fulfilDays: 6,
      fulfilmentNote: '送去小太阳取暖器一台',
      confirm: { by: 'worker', thanks: '这小太阳取暖器把我的心都热暖和了，非常感谢“圆梦人”', rating: 5 },
    },
  });

  // 天龙社区: 21 wishes claimed by members of 阜康市住建局 and 甘河子镇派出所 (电饭锅, 水杯, 书包, 轮椅 …)
  const tianlongClaimants: [string, string][] = [
    ['刘建国', '阜康市住建局'],
    ['阿依努尔·买买提', '阜康市住建局'],
    ['王鹏', '甘河子镇派出所'],
    ['努尔兰·阿合买提', '甘河子镇派出所'],
  ];
  const tianlongItems = ['电饭锅', '保温水杯', '书包和文具', '轮椅'].map(item);
  [personId('李桂芝'), ...tianlongNew].forEach((requesterId, i) => {
    const [claimant, org] = tianlongClaimants[i % 4]!;
    specs.push({
      community: CODES.tianlong,
      requesterId,
      channel: CHANNELS[(i + 1) % 4]!,
      submittedAt: new Date(cst('2024-03-05T10:00:00').getTime() + i * 11 * DAY),
      item: i === 0 ? item('轮椅') : i < 12 ? tianlongItems[i % 4]! : cycle(i),
      claim: {
        claimantId: personId(claimant),
        organizationId: orgId(org),
        afterHours: 6 + ((i * 17) % 96),
        fulfilDays: 2 + (i % 6),
        ...(i < 15 ? { confirm: { by: 'worker' as const, rating: 5 } } : {}),
      },
    });
  });

  // 塔西河乡学校: 30 书包 for pupils of 黄台子村, from 福建援疆三明分指挥部 (with 玛纳斯县团委 and 县第一中学团委)
  const fujian = orgId('福建援疆三明分指挥部');
  [personId('江萨亚·叶尔布拉提'), ...pupilsNew].forEach((requesterId, i) => {
    specs.push({
      community: CODES.huangtaizi,
      requesterId,
      channel: 'WISH_WALL',
      submittedAt: cst(`2024-10-0${1 + (i % 5)}T11:00:00`),
      item: item('书包'),
      claim: {
        claimantId: personId('林志明'),
        organizationId: fujian,
        afterHours: 48 + i,
        fulfilDays: 10,
        fulfilmentNote: '“圆梦微心愿 爱心助成长”活动：向塔西河乡学校捐赠30个书包及文具、书籍、体育用品',
        confirm: {
          by: 'worker',
          ...(i === 0 ? { thanks: '非常感谢援疆干部和叔叔阿姨们的帮助，我一定会努力学习' } : {}),
        },
      },
    });
  });

  // ---- rows and timeline
  const accountOf = new Map(accounts.map((a) => [a.personId!, a]));
  const actor = (pid: string | null, role: Role, username?: string): Actor => {
    const account = username ? accounts.find((a) => a.username === username) : pid ? accountOf.get(pid) : undefined;
    return { accountId: account?.id ?? null, personId: pid ?? account?.personId ?? null, role };
  };
  const wishes: Prisma.WishCreateManyInput[] = [];
  const events: Prisma.WishEventCreateManyInput[] = [];
  for (const s of specs) {
    const community = region(s.community);
    const worker = actor(null, 'COMMUNITY_WORKER', WORKERS[s.community]);
    const [title, category, value, description] = s.item;
    const publishedAt = new Date(s.submittedAt.getTime() + 20 * HOUR);
    const claimedAt = s.claim && new Date(publishedAt.getTime() + s.claim.afterHours * HOUR);
    const fulfilledAt = s.claim && new Date(claimedAt!.getTime() + s.claim.fulfilDays * DAY);
    const confirm = s.claim?.confirm;
    const confirmedAt = confirm && new Date(fulfilledAt!.getTime() + 3 * HOUR);
    const status = !s.claim ? 'PUBLISHED' : confirm ? 'CONFIRMED' : 'FULFILLED';
    const w = { id: randomUUID(), communityId: community.id, regionPath: community.path };
    wishes.push({
      ...w,
      requesterId: s.requesterId,
      title,
      description,
      category,
      channel: s.channel,
      estimatedValue: value,
      status,
      version: confirm ? 4 : s.claim ? 3 : 1,
      submittedAt: s.submittedAt,
      reviewedAt: publishedAt,
      publishedAt,
      claimantId: s.claim?.claimantId ?? null,
      organizationId: s.claim?.organizationId ?? null,
      claimedAt,
      claimDueAt: claimedAt && new Date(claimedAt.getTime() + 14 * DAY),
      fulfilledAt,
      fulfilmentNote: s.claim?.fulfilmentNote ?? null,
      evidenceUrls: [],
      confirmedAt,
      thanks: confirm?.thanks ?? null,
      rating: confirm?.rating ?? null,
    });
    events.push(
      timelineRow(w, { action: 'SUBMITTED', from: null, to: 'PENDING_REVIEW', at: s.submittedAt, actor: worker }),
    );
    events.push(
      timelineRow(w, { action: 'APPROVED', from: 'PENDING_REVIEW', to: 'PUBLISHED', at: publishedAt, actor: worker }),
    );
    if (!s.claim) continue;
    const claimant = actor(s.claim.claimantId, 'PARTY_MEMBER');
    events.push(
      timelineRow(w, { action: 'CLAIMED', from: 'PUBLISHED', to: 'CLAIMED', at: claimedAt!, actor: claimant }),
    );
    events.push(
      timelineRow(w, {
        action: 'FULFILLED',
        from: 'CLAIMED',
        to: 'FULFILLED',
        at: fulfilledAt!,
        actor: claimant,
        note: s.claim.fulfilmentNote,
      }),
    );
    if (!confirm) continue;
    const by = confirm.by === 'requester' ? actor(s.requesterId, 'RESIDENT') : worker;
    events.push(
      timelineRow(w, {
        action: 'CONFIRMED',
        from: 'FULFILLED',
        to: 'CONFIRMED',
        at: confirmedAt!,
        actor: by,
        note: confirm.thanks,
      }),
    );
  }

  await prisma.$transaction([
    prisma.person.createMany({ data: newPeople }),
    prisma.wish.createMany({ data: wishes }),
    prisma.wishEvent.createMany({ data: events }),
  ]);
  // wishes.claimed / wishes.fulfilled as the claim and fulfil mutations publish them: party-building's
  // 在职党员报到 counts come from these events, so the modules agree
  await kit.publish(
    wishes
      .filter((w) => w.claimantId)
      .flatMap((w) => {
        const payload = {
          wishId: w.id,
          communityId: w.communityId,
          claimantId: w.claimantId,
          organizationId: w.organizationId ?? null,
          category: w.category,
        };
        return [
          { type: 'wishes.claimed', regionPath: w.regionPath, payload, occurredAt: w.claimedAt as Date },
          { type: 'wishes.fulfilled', regionPath: w.regionPath, payload, occurredAt: w.fulfilledAt as Date },
        ];
      }),
  );
}

function fail(what: string): never {
  throw new Error(`wishes demo data: ${what} is missing`);
}
