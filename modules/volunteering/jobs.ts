// Background sweep: activities follow their timetable where nobody pressed the button, in townships
// where the module is on. Conditional updates, so it is safe beside the mutations and other instances.
import type { JobDefinition } from '../../src/kit/index.js';
import { MODULE } from './shared.js';

export const advanceActivities: JobDefinition = {
  id: 'volunteering.advanceActivities',
  description:
    '活动按时开始与结束: RECRUITING → ONGOING at the start (risky ones only with insurance), ONGOING → COMPLETED at the end',
  everyMs: 5 * 60_000,
  async run({ tx, now, gate, audit }) {
    const off = await gate.disabledTownshipsWithin(MODULE, '/');
    const enabled = off.map((p) => ({ NOT: { regionPath: { startsWith: p } } }));
    const started = await tx.volunteerActivity.updateMany({
      where: {
        AND: [
          ...enabled,
          { status: 'RECRUITING', startsAt: { lte: now } },
          { OR: [{ risky: false }, { insuranceRecordedAt: { not: null } }] },
        ],
      },
      data: { status: 'ONGOING', startedAt: now },
    });
    const completed = await tx.volunteerActivity.updateMany({
      where: { AND: [...enabled, { status: 'ONGOING', endsAt: { lte: now } }] },
      data: { status: 'COMPLETED', completedAt: now },
    });
    if (started.count || completed.count) {
      await audit({
        action: 'volunteering.activity.sweep',
        entityType: 'VolunteerActivity',
        data: { started: started.count, completed: completed.count },
      });
    }
    return { started: started.count, completed: completed.count };
  },
};
