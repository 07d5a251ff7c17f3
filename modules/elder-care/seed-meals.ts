// Demo needs, menus, served meals and 木垒镇's subsidy table of elder-care (ILLUSTRATIVE).
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';
import { atLocalTime, DAY_MS, MODULE } from './constants.js';
import { DEFAULT_PRICING, type MealPricing } from './pricing.js';
import { DISHES, NEED_KINDS } from './seed-data.js';
import type { SeedFacility } from './seed-recipients.js';

type Db = SeedKit['prisma'];
type Recipient = Prisma.CareRecipientCreateManyInput;

/** needs of the first `count` recipients (木垒县's), assigned to `assigneeOrganizationId`, in 2024 (before `anchor`) */
export async function seedNeeds(
  prisma: Db,
  anchor: Date,
  recipients: Recipient[],
  count: number,
  assigneeOrganizationId: string,
) {
  // —— 260 needs collected in 木垒县 in 2024 (累计收集涉老服务需求260次) ——
  const needs: Prisma.ElderNeedCreateManyInput[] = [];
  for (let i = 0; i < 260; i++) {
    const r = recipients[i % count]!;
    const submittedAt = new Date(anchor.getTime() - (5 + ((i * 11) % 330)) * DAY_MS);
    const status = i % 13 === 0 ? 'OPEN' : i % 7 === 0 ? 'ASSIGNED' : 'DONE';
    needs.push({
      personId: r.personId,
      recipientId: r.id,
      communityId: r.communityId,
      regionPath: r.regionPath,
      kind: NEED_KINDS[i % NEED_KINDS.length]!,
      channel: (['IN_PERSON', 'PHONE', 'FAMILY', 'GRID'] as const)[i % 4],
      description: '演示需求 demo need',
      status,
      submittedAt,
      ...(status !== 'OPEN'
        ? {
            assigneeOrganizationId: assigneeOrganizationId,
            assigneeName: '夕阳红志愿者',
            assignedAt: new Date(submittedAt.getTime() + DAY_MS),
          }
        : {}),
      ...(status === 'DONE'
        ? {
            doneAt: new Date(submittedAt.getTime() + 3 * DAY_MS),
            result: '已办结',
            feedbackSatisfaction: 4 + (i % 2),
            feedbackAt: new Date(submittedAt.getTime() + 4 * DAY_MS),
          }
        : {}),
    });
  }
  await prisma.elderNeed.createMany({ data: needs });
}

export async function seedMenus(
  prisma: Db,
  today: Date,
  mealPoints: SeedFacility[],
  yuanlinMeal: SeedFacility,
  recipients: Recipient[],
) {
  // —— menus for the coming week at every meal point; yesterday's lunch served at 木垒 points ——
  const dishes = [
    ['米饭', '土豆炖牛肉', '清炒白菜'],
    ['拉条子', '过油肉', '西红柿蛋汤'],
    ['馒头', '红烧鸡块', '凉拌黄瓜'],
    ['抓饭', '胡萝卜羊肉', '酸奶'],
  ];
  const menus: Prisma.MealMenuCreateManyInput[] = [];
  for (const f of [...mealPoints, yuanlinMeal]) {
    for (let d = 0; d < 7; d++) {
      const date = new Date(today.getTime() + d * DAY_MS);
      for (const meal of ['LUNCH', 'DINNER'] as const) {
        menus.push({
          id: randomUUID(),
          facilityId: f.id,
          communityId: f.communityId,
          regionPath: f.regionPath,
          date,
          meal,
          dishes: DISHES[(d + (meal === 'DINNER' ? 1 : 0)) % dishes.length]!,
          capacity: f.capacity ?? 30,
          cutoffAt: atLocalTime(
            new Date(date.getTime() - (f.mealCutoffDaysBefore ?? 0) * DAY_MS),
            f.mealCutoffTime ?? '09:00',
          ),
        });
      }
    }
  }
  const yesterday = new Date(today.getTime() - DAY_MS);
  const served: Prisma.MealBookingCreateManyInput[] = [];
  for (const [k, f] of mealPoints.entries()) {
    const menu = {
      id: randomUUID(),
      facilityId: f.id,
      communityId: f.communityId,
      regionPath: f.regionPath,
      date: yesterday,
      meal: 'LUNCH' as const,
      dishes: DISHES[k]!,
      capacity: 40,
      cutoffAt: atLocalTime(yesterday, '09:00'),
      sampleTakenAt: atLocalTime(yesterday, '11:30'),
      sampleKeepUntil: atLocalTime(new Date(yesterday.getTime() + 2 * DAY_MS), '11:30'),
      sampleNote: '每样 125 克 冷藏',
    };
    const eaters = recipients.filter((r) => r.communityId === f.communityId).slice(k * 12, k * 12 + 12);
    menus.push({ ...menu, booked: eaters.length });
    eaters.forEach((r, j) => {
      const delivery = j % 3 === 0;
      served.push({
        menuId: menu.id,
        recipientId: r.id!,
        personId: r.personId,
        facilityId: f.id,
        communityId: f.communityId,
        regionPath: f.regionPath,
        date: yesterday,
        meal: 'LUNCH',
        slot: `${yesterday.toISOString().slice(0, 10)}:LUNCH`,
        delivery,
        status: 'SERVED',
        standardPriceFen: 1200,
        deliveryFeeFen: delivery ? 200 : 0,
        subsidyFen: 300,
        priceFen: delivery ? 1100 : 900,
        bookedAt: new Date(yesterday.getTime() - DAY_MS),
        servedAt: atLocalTime(yesterday, '12:40'),
      });
    });
  }
  await prisma.mealMenu.createMany({ data: menus });
  await prisma.mealBooking.createMany({ data: served });
}

export async function seedPricing(prisma: Db, mulezhen: { id: string; path: string }) {
  // —— 木垒镇's own subsidy table (per-township data; the default applies elsewhere) ——
  const muleiPricing: MealPricing = {
    ...DEFAULT_PRICING,
    prices: { BREAKFAST: 400, LUNCH: 1200, DINNER: 1000 },
    deliveryFeeFen: 200,
    rules: [
      ...DEFAULT_PRICING.rules.filter((r) => !r.code.startsWith('AGE')),
      { code: 'AGE_80', label: '高龄 80 岁以上', minAge: 80, subsidyFen: 300 },
    ],
  };
  await prisma.moduleSetting.create({
    data: {
      regionId: mulezhen!.id,
      regionPath: mulezhen!.path,
      moduleId: MODULE,
      key: 'mealPricing',
      value: muleiPricing as unknown as Prisma.InputJsonValue,
    },
  });
}
