-- CreateTable
CREATE TABLE "MonthlyFigure" (
    "figure" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "value" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "MonthlyFigure_pkey" PRIMARY KEY ("figure","regionPath","month")
);

-- CreateTable
CREATE TABLE "WishMonthlyFigures" (
    "regionPath" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "published" INTEGER NOT NULL DEFAULT 0,
    "claimed" INTEGER NOT NULL DEFAULT 0,
    "fulfilled" INTEGER NOT NULL DEFAULT 0,
    "confirmed" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WishMonthlyFigures_pkey" PRIMARY KEY ("regionPath","month")
);

-- CreateIndex
CREATE INDEX "MonthlyFigure_prefix_idx" ON "MonthlyFigure"("figure", "regionPath" text_pattern_ops, "month");

-- CreateIndex
CREATE INDEX "WishMonthlyFigures_prefix_idx" ON "WishMonthlyFigures"("regionPath" text_pattern_ops, "month");

-- CreateIndex
CREATE INDEX "DailyFigure_figure_day_idx" ON "DailyFigure"("figure", "day");

-- CreateIndex
CREATE INDEX "WishDailyFigures_day_idx" ON "WishDailyFigures"("day");

-- hand-written: the cohort of a period by submission time, with what the counts and the medians read, so a
-- partial day and the medians are index-only scans, not a heap page per wish (the generated wishes of
-- bench:scale lie in random order: 864 heap pages for the 876 wishes of one partial day at 10⁶)
DROP INDEX "Wish_submittedAt_idx";
CREATE INDEX "Wish_submittedAt_cohort_idx" ON "Wish"("submittedAt")
  INCLUDE ("regionPath", "status", "publishedAt", "claimedAt", "fulfilledAt", "confirmedAt");

-- hand-written: the month roll-up is written by the same function as the days, first, so the rows are locked
-- month before day: two writers of one community and month queue on the month row before either holds a day
-- row, and the days cannot deadlock under it. A period of years then reads one row per community and month.
CREATE OR REPLACE FUNCTION "wish_summaries_add"(deltas "WishSummaryDelta"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WishMonthlyFigures" AS f ("regionPath", "month", "submitted", "published", "claimed", "fulfilled",
                                         "confirmed", "rejected", "withdrawn")
  SELECT g.* FROM (
    SELECT d."regionPath", date_trunc('month', d."day")::date AS m, sum(d."sign")::int AS s,
           sum(d."sign" * d."published")::int AS p, sum(d."sign" * d."claimed")::int AS c,
           sum(d."sign" * d."fulfilled")::int AS fu, sum(d."sign" * d."confirmed")::int AS co,
           sum(d."sign" * (d."status" = 'REJECTED')::int)::int AS r,
           sum(d."sign" * (d."status" = 'WITHDRAWN')::int)::int AS wd
      FROM unnest(deltas) d
     GROUP BY 1, 2) g
   WHERE (g.s, g.p, g.c, g.fu, g.co, g.r, g.wd) <> (0, 0, 0, 0, 0, 0, 0)
   ORDER BY g."regionPath", g.m
  ON CONFLICT ("regionPath", "month") DO UPDATE SET
    "submitted" = f."submitted" + EXCLUDED."submitted", "published" = f."published" + EXCLUDED."published",
    "claimed" = f."claimed" + EXCLUDED."claimed", "fulfilled" = f."fulfilled" + EXCLUDED."fulfilled",
    "confirmed" = f."confirmed" + EXCLUDED."confirmed", "rejected" = f."rejected" + EXCLUDED."rejected",
    "withdrawn" = f."withdrawn" + EXCLUDED."withdrawn";

  INSERT INTO "WishDailyFigures" AS f ("regionPath", "day", "submitted", "published", "claimed", "fulfilled",
                                       "confirmed", "rejected", "withdrawn")
  SELECT g.* FROM (
    SELECT d."regionPath", d."day", sum(d."sign")::int AS s, sum(d."sign" * d."published")::int AS p,
           sum(d."sign" * d."claimed")::int AS c, sum(d."sign" * d."fulfilled")::int AS fu,
           sum(d."sign" * d."confirmed")::int AS co, sum(d."sign" * (d."status" = 'REJECTED')::int)::int AS r,
           sum(d."sign" * (d."status" = 'WITHDRAWN')::int)::int AS wd
      FROM unnest(deltas) d
     GROUP BY d."regionPath", d."day") g
   WHERE (g.s, g.p, g.c, g.fu, g.co, g.r, g.wd) <> (0, 0, 0, 0, 0, 0, 0)
   ORDER BY g."regionPath", g."day"
  ON CONFLICT ("regionPath", "day") DO UPDATE SET
    "submitted" = f."submitted" + EXCLUDED."submitted", "published" = f."published" + EXCLUDED."published",
    "claimed" = f."claimed" + EXCLUDED."claimed", "fulfilled" = f."fulfilled" + EXCLUDED."fulfilled",
    "confirmed" = f."confirmed" + EXCLUDED."confirmed", "rejected" = f."rejected" + EXCLUDED."rejected",
    "withdrawn" = f."withdrawn" + EXCLUDED."withdrawn";

  INSERT INTO "WishStatusCount" AS c ("regionPath", "status", "n")
  SELECT g.* FROM (
    SELECT d."regionPath", d."status", sum(d."sign")::int AS n
      FROM unnest(deltas) d GROUP BY d."regionPath", d."status") g
   WHERE g.n <> 0
   ORDER BY g."regionPath", g."status"
  ON CONFLICT ("regionPath", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
$$;

-- the months of the wishes that exist already (the days hold them)
INSERT INTO "WishMonthlyFigures" ("regionPath", "month", "submitted", "published", "claimed", "fulfilled",
                                  "confirmed", "rejected", "withdrawn")
SELECT s."regionPath", date_trunc('month', s."day")::date, sum(s."submitted"), sum(s."published"), sum(s."claimed"),
       sum(s."fulfilled"), sum(s."confirmed"), sum(s."rejected"), sum(s."withdrawn")
  FROM "WishDailyFigures" s GROUP BY 1, 2;

-- hand-written: MonthlyFigure the same way for every module's DailyFigure, month before day.
CREATE OR REPLACE FUNCTION "daily_figures_add"(deltas "DailyFigureDelta"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "MonthlyFigure" AS f ("figure", "regionPath", "month", "value")
  SELECT g.* FROM (
    SELECT d."figure", d."regionPath", date_trunc('month', "shanghai_day"(d."at"))::date AS "month",
           sum(d."value") AS v
      FROM unnest(deltas) d WHERE d."at" IS NOT NULL
     GROUP BY 1, 2, 3) g
   WHERE g.v <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT ("figure", "regionPath", "month") DO UPDATE SET "value" = f."value" + EXCLUDED."value";

  INSERT INTO "DailyFigure" AS f ("figure", "regionPath", "day", "value")
  SELECT g.* FROM (
    SELECT d."figure", d."regionPath", "shanghai_day"(d."at") AS "day", sum(d."value") AS v
      FROM unnest(deltas) d WHERE d."at" IS NOT NULL
     GROUP BY 1, 2, 3) g
   WHERE g.v <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT ("figure", "regionPath", "day") DO UPDATE SET "value" = f."value" + EXCLUDED."value";
$$;

INSERT INTO "MonthlyFigure" ("figure", "regionPath", "month", "value")
SELECT s."figure", s."regionPath", date_trunc('month', s."day")::date, sum(s."value")
  FROM "DailyFigure" s GROUP BY 1, 2, 3;
