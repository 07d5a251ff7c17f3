// 议事协商指标 for series and rankings, with the rules of RegionStats.consultation: consultations by the
// moment held, outcomes by when done, mediation cases as the cohort accepted in a period (of those: agreed,
// closed), 四议两公开 matters and drills by the proposal. Counts only, as analysts get of mediation.
import { Prisma, shanghaiTime, type FigureDefinition } from '../../src/kit/index.js';

const RESOLVED = Prisma.sql`('AGREED', 'FOLLOWED_UP')`;
const CLOSED = Prisma.sql`('AGREED', 'FOLLOWED_UP', 'FAILED', 'REFERRED')`;

const cases = (name: string, title: string, where: Prisma.Sql): FigureDefinition => ({
  name,
  title,
  facts: Prisma.sql`SELECT ${shanghaiTime('m."acceptedAt"')} AS "at", m."regionPath", 1 AS "value"
    FROM "MediationCase" m WHERE ${where}`,
});
const decisions = (name: string, title: string, where: Prisma.Sql, value = Prisma.sql`1`): FigureDefinition => ({
  name,
  title,
  facts: Prisma.sql`SELECT ${shanghaiTime('d."proposedAt"')} AS "at", d."regionPath", ${value} AS "value"
    FROM "VillageDecision" d WHERE ${where}`,
});

export const CONSULTATION_FIGURES: FigureDefinition[] = [
  {
    name: 'consultations',
    title: '议事会 consultations held',
    facts: Prisma.sql`SELECT ${shanghaiTime('c."heldAt"')} AS "at", c."regionPath", 1 AS "value"
      FROM "Consultation" c WHERE c."heldAt" IS NOT NULL`,
  },
  {
    name: 'problemsSolved',
    title: '解决群众急难愁盼问题 outcomes done',
    facts: Prisma.sql`SELECT ${shanghaiTime('o."doneAt"')} AS "at", o."regionPath", 1 AS "value"
      FROM "ConsultationOutcome" o WHERE o."status" = 'DONE' AND o."doneAt" IS NOT NULL`,
  },
  cases('disputesAccepted', '受理纠纷 mediation cases accepted', Prisma.sql`TRUE`),
  cases('disputesResolved', '化解纠纷 of those, agreed (and followed up)', Prisma.sql`m."status"::text IN ${RESOLVED}`),
  cases('disputesClosed', '已结纠纷 of those, agreed, failed or referred', Prisma.sql`m."status"::text IN ${CLOSED}`),
  {
    name: 'mediationSuccessRate',
    title: '调解成功率 resolved ÷ closed',
    ratio: ['disputesResolved', 'disputesClosed'],
  },
  decisions('decisions', '四议两公开事项 matters proposed (drills apart)', Prisma.sql`NOT d."drill"`),
  decisions(
    'decisionsCompleted',
    '结果公开事项 of those, with the result published',
    Prisma.sql`NOT d."drill" AND d."status" = 'RESULT_PUBLISHED'`,
  ),
  decisions('drills', '情景模拟演练 drills', Prisma.sql`d."drill"`),
  decisions(
    'questionsAnswered',
    '现场答疑 questions answered in drills',
    Prisma.sql`d."drill"`,
    Prisma.sql`d."questionsAnswered"`,
  ),
];
