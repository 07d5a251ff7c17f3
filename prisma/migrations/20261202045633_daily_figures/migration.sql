-- CreateTable
CREATE TABLE "DailyFigure" (
    "figure" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "DailyFigure_pkey" PRIMARY KEY ("figure","regionPath","day")
);

-- CreateIndex
CREATE INDEX "DailyFigure_prefix_idx" ON "DailyFigure"("figure", "regionPath" text_pattern_ops, "day");


-- hand-written: DailyFigure follows its fact tables in the writing transaction, by statement triggers over
-- the transition tables. A fact table names a function `<table>_figures(row)` giving what one row
-- contributes (figure, community, the moment it counts at, value); one generic trigger function subtracts
-- the old rows' contributions, adds the new rows' and writes one ordered upsert per statement, so a
-- many-row statement locks summary rows in key order and a statement that changes no figure (an edit of a
-- title) writes and locks nothing. The same functions give the partial days of a period from the facts.
CREATE TYPE "DailyFigureDelta" AS ("figure" TEXT, "regionPath" TEXT, "at" TIMESTAMP(3), "value" NUMERIC);

CREATE FUNCTION "daily_figures_add"(deltas "DailyFigureDelta"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "DailyFigure" AS f ("figure", "regionPath", "day", "value")
  SELECT g.* FROM (
    SELECT d."figure", d."regionPath", "shanghai_day"(d."at") AS "day", sum(d."value") AS v
      FROM unnest(deltas) d WHERE d."at" IS NOT NULL
     GROUP BY 1, 2, 3) g
   WHERE g.v <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT ("figure", "regionPath", "day") DO UPDATE SET "value" = f."value" + EXCLUDED."value";
$$;

-- TG_ARGV[0]: the contribution function of the table; transition tables are "old_rows" and "new_rows"
CREATE FUNCTION "daily_figures_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  olds TEXT := format('SELECT ROW(d."figure", d."regionPath", d."at", -d."value")::"DailyFigureDelta"
                         FROM "old_rows" o CROSS JOIN LATERAL %I(o) d', TG_ARGV[0]);
  news TEXT := format('SELECT d FROM "new_rows" n CROSS JOIN LATERAL %I(n) d', TG_ARGV[0]);
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT "daily_figures_add"(ARRAY(%s))', news);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT "daily_figures_add"(ARRAY(%s))', olds);
  ELSE
    EXECUTE format('SELECT "daily_figures_add"(ARRAY(%s UNION ALL %s))', olds, news);
  END IF;
  RETURN NULL;
END;
$$;

-- 网格: incidents are a cohort by report time (RegionStats.grid), on-time closure and the closed part of
-- 应结案 by the closing time, patrols by the visit, points by the ledger entry
CREATE FUNCTION "Incident_figures"(i "Incident") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW(x.f, i."regionPath", x.at, x.v)::"DailyFigureDelta" FROM (VALUES
    ('grid.incidents', i."reportedAt", 1),
    ('grid.status.' || i."status"::text, i."reportedAt", 1),
    ('grid.admitted', i."reportedAt", (i."status" <> 'REJECTED')::int),
    ('grid.closed', i."reportedAt", (i."status" = 'CLOSED')::int),
    ('grid.solved', i."reportedAt", (i."status" = 'CLOSED' AND i."solved" IS TRUE)::int),
    ('grid.rated', i."reportedAt", (i."satisfaction" IS NOT NULL)::int),
    ('grid.satisfied', i."reportedAt",
      coalesce(i."satisfaction" IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE)::int),
    ('grid.responded', i."reportedAt", coalesce(i."respondedAt" <= i."acceptDeadline", FALSE)::int),
    ('grid.responses', i."reportedAt", (i."respondedAt" IS NOT NULL)::int),
    ('grid.reworkCount', i."reportedAt", i."reworkCount"),
    ('grid.closedOnTime', i."closedAt", (i."closedOnTime" IS TRUE)::int),
    ('grid.closedAdmitted', i."closedAt", (i."status" <> 'REJECTED')::int)
  ) x(f, at, v) WHERE x.v <> 0 AND x.at IS NOT NULL
$$;

CREATE FUNCTION "Patrol_figures"(p "Patrol") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW(x.f, p."regionPath", p."visitedAt", x.v)::"DailyFigureDelta" FROM (VALUES
    ('grid.patrols', 1),
    ('grid.hazardInspections', (p."kind" = 'HAZARD_INSPECTION')::int)
  ) x(f, v) WHERE x.v <> 0
$$;

CREATE FUNCTION "PointsEntry_figures"(p "PointsEntry") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW(x.f, p."regionPath", p."createdAt", x.v)::"DailyFigureDelta" FROM (VALUES
    ('grid.pointsIssued', CASE WHEN p."kind" = 'EARN' THEN p."points" ELSE 0 END),
    ('grid.pointsRedeemed', CASE WHEN p."kind" = 'REDEEM' THEN -p."points" ELSE 0 END)
  ) x(f, v) WHERE x.v <> 0
$$;

-- 志愿服务: activities by their start, sign-ups by their time, hours by the service's start, orders by
-- dispatch (and their results by completion), certificates by issue, volunteers by registration
CREATE FUNCTION "Volunteer_figures"(v "Volunteer") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW('volunteering.volunteers', v."regionPath", v."registeredAt", 1)::"DailyFigureDelta"
$$;

CREATE FUNCTION "VolunteerActivity_figures"(a "VolunteerActivity") RETURNS SETOF "DailyFigureDelta"
LANGUAGE sql STABLE AS $$
  SELECT ROW(x.f, a."regionPath", a."startsAt", x.v)::"DailyFigureDelta" FROM (VALUES
    ('volunteering.activities', (a."status"::text IN ('RECRUITING', 'ONGOING', 'COMPLETED'))::int),
    ('volunteering.completedActivities', (a."status" = 'COMPLETED')::int)
  ) x(f, v) WHERE x.v <> 0
$$;

CREATE FUNCTION "VolunteerEnrollment_figures"(e "VolunteerEnrollment") RETURNS SETOF "DailyFigureDelta"
LANGUAGE sql STABLE AS $$
  SELECT ROW('volunteering.enrollments', e."regionPath", e."signedUpAt", 1)::"DailyFigureDelta"
   WHERE e."status" <> 'CANCELLED'
$$;

CREATE FUNCTION "VolunteerServiceRecord_figures"(r "VolunteerServiceRecord") RETURNS SETOF "DailyFigureDelta"
LANGUAGE sql STABLE AS $$
  SELECT ROW('volunteering.verifiedHours', r."regionPath", r."startsAt", r."hours")::"DailyFigureDelta"
   WHERE r."kind" = 'SERVICE' AND r."hours" <> 0
$$;

CREATE FUNCTION "VolunteerServiceOrder_figures"(o "VolunteerServiceOrder") RETURNS SETOF "DailyFigureDelta"
LANGUAGE sql STABLE AS $$
  SELECT ROW(x.f, o."regionPath", x.at, x.v)::"DailyFigureDelta" FROM (VALUES
    ('volunteering.serviceOrders', o."dispatchedAt", (o."status" <> 'CANCELLED')::int),
    ('volunteering.completedServiceOrders', o."completedAt", (o."status" = 'COMPLETED')::int),
    ('volunteering.householdsVisited', o."completedAt", (o."status" = 'COMPLETED')::int * o."householdsVisited"),
    ('volunteering.suggestions', o."completedAt", (o."status" = 'COMPLETED')::int * o."suggestions"),
    ('volunteering.disputesResolved', o."completedAt", (o."status" = 'COMPLETED')::int * o."disputesResolved"),
    ('volunteering.mattersDone', o."completedAt", (o."status" = 'COMPLETED')::int * o."mattersDone")
  ) x(f, at, v) WHERE x.v <> 0 AND x.at IS NOT NULL
$$;

CREATE FUNCTION "VolunteerCertificate_figures"(c "VolunteerCertificate") RETURNS SETOF "DailyFigureDelta"
LANGUAGE sql STABLE AS $$
  SELECT ROW('volunteering.certificates', c."regionPath", c."issuedAt", 1)::"DailyFigureDelta"
$$;

-- 康养: needs by submission (and their completion), meals by serving, visits by the visit
CREATE FUNCTION "ElderNeed_figures"(n "ElderNeed") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW(x.f, n."regionPath", x.at, x.v)::"DailyFigureDelta" FROM (VALUES
    ('elder-care.needsCollected', n."submittedAt", 1),
    ('elder-care.needsDone', n."doneAt", (n."status" = 'DONE')::int)
  ) x(f, at, v) WHERE x.v <> 0 AND x.at IS NOT NULL
$$;

CREATE FUNCTION "MealBooking_figures"(b "MealBooking") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW(CASE WHEN b."delivery" THEN 'elder-care.mealsDelivered' ELSE 'elder-care.mealsServed' END,
             b."regionPath", b."servedAt", 1)::"DailyFigureDelta"
   WHERE b."status" = 'SERVED' AND b."servedAt" IS NOT NULL
$$;

CREATE FUNCTION "CareVisit_figures"(v "CareVisit") RETURNS SETOF "DailyFigureDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW('elder-care.visitsDone', v."regionPath", v."visitedAt", 1)::"DailyFigureDelta"
$$;

-- the triggers, and the rows that exist already
DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['Incident', 'Patrol', 'PointsEntry', 'Volunteer', 'VolunteerActivity',
                           'VolunteerEnrollment', 'VolunteerServiceRecord', 'VolunteerServiceOrder',
                           'VolunteerCertificate', 'ElderNeed', 'MealBooking', 'CareVisit'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS "new_rows"
                      FOR EACH STATEMENT EXECUTE FUNCTION "daily_figures_follow"(%L)', t || '_figures_insert', t, t || '_figures');
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
                      FOR EACH STATEMENT EXECUTE FUNCTION "daily_figures_follow"(%L)', t || '_figures_update', t, t || '_figures');
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS "old_rows"
                      FOR EACH STATEMENT EXECUTE FUNCTION "daily_figures_follow"(%L)', t || '_figures_delete', t, t || '_figures');
    EXECUTE format('SELECT "daily_figures_add"(ARRAY(SELECT d FROM %I n CROSS JOIN LATERAL %I(n) d))', t, t || '_figures');
  END LOOP;
END;
$$;
