// grid.escalateOverdue: overdue incidents not yet accepted (REPORTED) or not yet resolved (ACCEPTED,
// ESCALATED, IN_PROGRESS) move up one supervision level (community → township → county). Reads what
// is due from the database on every run (nothing held in memory), and each move is a conditional
// update on (id, level, escalateAt), so a second run — or a second instance — never escalates twice.
import type { JobDefinition } from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { LEVELS, writeEntry, type Level } from './incident-service.js';

const BATCH = 500;
const LEVEL_TERMS: Record<Level, string> = { COMMUNITY: '村社', TOWNSHIP: '乡镇街道', COUNTY: '县市' };

export const escalateOverdueJob: JobDefinition = {
  id: 'grid.escalateOverdue',
  description: '超期事件自动升级督办 (community → township → county) for incidents not accepted or resolved in time',
  everyMs: 60_000,
  async run({ tx, now, gate, audit, publish }) {
    const due = await tx.incident.findMany({
      where: {
        status: { in: ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS'] },
        escalateAt: { lte: now },
        supervisionLevel: { not: 'COUNTY' },
      },
      orderBy: [{ escalateAt: 'asc' }, { id: 'asc' }],
      take: BATCH,
    });
    let escalated = 0;
    let skippedDisabled = 0;
    for (const incident of due) {
      // switched off in that township: nothing moves there (and nothing is lost: it is picked up when back on)
      if (!(await gate.isEnabledAt(MODULE, incident.regionPath))) {
        skippedDisabled++;
        continue;
      }
      const from = incident.supervisionLevel as Level;
      const to = LEVELS[LEVELS.indexOf(from) + 1]!;
      // the next check comes after one more stage length at the higher level
      const stage = Math.max(60_000, (incident.deadline ?? now).getTime() - incident.stageStartedAt.getTime());
      const moved = await tx.incident.updateMany({
        where: { id: incident.id, supervisionLevel: from, escalateAt: incident.escalateAt, status: incident.status },
        data: {
          supervisionLevel: to,
          escalateAt: to === 'COUNTY' ? null : new Date(now.getTime() + stage),
          version: { increment: 1 },
        },
      });
      if (moved.count !== 1) continue;
      escalated++;
      await writeEntry(tx, incident, now, null, incident.status, incident.status, {
        kind: 'SUPERVISION',
        level: to,
        note:
          `超期未${incident.status === 'REPORTED' ? '接报' : '办结'}，自动升级至${LEVEL_TERMS[to]}督办 ` +
          `(overdue: supervision raised from ${from} to ${to})`,
      });
      await audit({
        action: 'grid.incident.supervise',
        entityType: 'Incident',
        entityId: incident.id,
        regionPath: incident.regionPath,
        data: { from, to },
      });
      // 实时推送 and 超期督办 notifications (modules/grid/live.ts)
      await publish({
        type: 'grid.incidentSupervised',
        regionPath: incident.regionPath,
        payload: { id: incident.id, from, to },
      });
    }
    return { due: due.length, escalated, skippedDisabled };
  },
};
