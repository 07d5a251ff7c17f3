// Needs fed by other modules through domain events, without importing them: a subscriber runs inside the
// publisher's transaction, only where this module is on, and is idempotent (unique source + sourceRef).
//   wishes.rejected          a wish rejected at review: the want behind it becomes an OPEN need (WISH)
//   elder-care.needLeftOpen  an elder-care need nobody took up: an OPEN need (ELDER_CARE), its person kept
// Payload fields read: wishes.rejected { wishId, category }; elder-care.needLeftOpen { needId, personId?,
// category? }. Unknown or malformed payloads are ignored (a publisher's change must not break its write).
import type { DeliveredEvent, Prisma } from '../../src/kit/index.js';
import type { ServiceAreaValue } from './model.js';

export const WISH_REJECTED = 'wishes.rejected';
export const ELDER_NEED_LEFT_OPEN = 'elder-care.needLeftOpen';

const WISH_CATEGORY: Record<string, ServiceAreaValue> = { ELDER_CARE: 'ELDER_AND_CHILD_CARE', HEALTH: 'FAMILY_DOCTOR' };
const ELDER_CATEGORY: Record<string, ServiceAreaValue> = {
  MEAL: 'MEALS_AND_MOBILITY',
  MEAL_DELIVERY: 'MEALS_AND_MOBILITY',
  ESCORT: 'MEALS_AND_MOBILITY',
  MEDICAL: 'FAMILY_DOCTOR',
  HEALTH: 'FAMILY_DOCTOR',
  CLEANING: 'HOUSEKEEPING',
  HOUSEKEEPING: 'HOUSEKEEPING',
};

async function intake(
  tx: Prisma.TransactionClient,
  event: DeliveredEvent,
  need: {
    source: 'WISH' | 'ELDER_CARE';
    sourceRef: string;
    category: ServiceAreaValue;
    description: string;
    personId?: string | null;
  },
) {
  const community = await tx.region.findFirst({ where: { path: event.regionPath, level: 'COMMUNITY' } });
  if (!community) return;
  const person = need.personId ? await tx.person.findUnique({ where: { id: need.personId } }) : null;
  await tx.communityNeed.createMany({
    data: [
      {
        communityId: community.id,
        regionPath: community.path,
        category: need.category,
        description: need.description,
        concernedPersonId: person?.id ?? null,
        source: need.source,
        sourceRef: need.sourceRef,
        recordedAt: event.occurredAt,
      },
    ],
    skipDuplicates: true,
  });
}

export const eventHandlers = {
  [WISH_REJECTED]: async (event: DeliveredEvent, tx: Prisma.TransactionClient) => {
    const p = event.payload as { wishId?: unknown; category?: unknown };
    if (typeof p.wishId !== 'string') return;
    await intake(tx, event, {
      source: 'WISH',
      sourceRef: p.wishId,
      category: WISH_CATEGORY[String(p.category)] ?? 'OTHER',
      description: '微心愿未能通过审核，转入居民需求清单另行对接 (from a wish not taken up)',
    });
  },
  [ELDER_NEED_LEFT_OPEN]: async (event: DeliveredEvent, tx: Prisma.TransactionClient) => {
    const p = event.payload as { needId?: unknown; personId?: unknown; category?: unknown };
    if (typeof p.needId !== 'string') return;
    await intake(tx, event, {
      source: 'ELDER_CARE',
      sourceRef: p.needId,
      category: ELDER_CATEGORY[String(p.category)] ?? 'ELDER_AND_CHILD_CARE',
      description: '康养服务需求无人承接，转入居民需求清单 (an elder-care need left open)',
      personId: typeof p.personId === 'string' ? p.personId : null,
    });
  },
};
