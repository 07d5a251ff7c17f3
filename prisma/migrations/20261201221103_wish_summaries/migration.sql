-- CreateTable
CREATE TABLE "WishDailyFigures" (
    "regionPath" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "published" INTEGER NOT NULL DEFAULT 0,
    "claimed" INTEGER NOT NULL DEFAULT 0,
    "fulfilled" INTEGER NOT NULL DEFAULT 0,
    "confirmed" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WishDailyFigures_pkey" PRIMARY KEY ("regionPath","day")
);

-- CreateTable
CREATE TABLE "WishStatusCount" (
    "regionPath" TEXT NOT NULL,
    "status" "WishStatus" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WishStatusCount_pkey" PRIMARY KEY ("regionPath","status")
);

-- CreateIndex
CREATE INDEX "WishDailyFigures_prefix_idx" ON "WishDailyFigures"("regionPath" text_pattern_ops, "day");

-- CreateIndex
CREATE INDEX "WishStatusCount_prefix_idx" ON "WishStatusCount"("regionPath" text_pattern_ops, "status");


-- hand-written: both summaries follow Wish in the writing transaction, by statement triggers over the
-- transition tables. One ordered upsert per statement and summary: a many-row statement (the claim-expiry
-- job) locks summary rows in key order, and a statement that changes no figure (an edit of the title)
-- writes nothing and locks nothing.
CREATE TYPE "WishSummaryDelta" AS (
  "regionPath" TEXT, "day" DATE, "status" "WishStatus", "sign" INT,
  "published" INT, "claimed" INT, "fulfilled" INT, "confirmed" INT
);

CREATE FUNCTION "wish_summaries_add"(deltas "WishSummaryDelta"[]) RETURNS void LANGUAGE sql AS $$
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

-- the calendar day of a moment in Asia/Shanghai (timestamps are stored as UTC without a zone): the day the
-- figures of a township are reported for
CREATE FUNCTION "shanghai_day"(at TIMESTAMP) RETURNS DATE LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date
$$;

-- what one wish contributes (sign 1) or withdraws (sign -1)
CREATE FUNCTION "wish_summary_delta"(w "Wish", sign INT) RETURNS "WishSummaryDelta" LANGUAGE sql STABLE AS $$
  SELECT ROW(w."regionPath", "shanghai_day"(w."submittedAt"), w."status", sign,
             (w."publishedAt" IS NOT NULL)::int, (w."claimedAt" IS NOT NULL)::int,
             (w."fulfilledAt" IS NOT NULL)::int, (w."confirmedAt" IS NOT NULL)::int)::"WishSummaryDelta"
$$;

-- one function per trigger event: each names only the transition tables its event has
CREATE FUNCTION "wish_summaries_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "wish_summaries_add"(ARRAY(SELECT "wish_summary_delta"(n, 1) FROM "new_wishes" n));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "wish_summaries_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "wish_summaries_add"(ARRAY(SELECT "wish_summary_delta"(o, -1) FROM "old_wishes" o));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "wish_summaries_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "wish_summaries_add"(ARRAY(
    SELECT "wish_summary_delta"(o, -1) FROM "old_wishes" o
    UNION ALL
    SELECT "wish_summary_delta"(n, 1) FROM "new_wishes" n));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Wish_summaries_insert" AFTER INSERT ON "Wish" REFERENCING NEW TABLE AS "new_wishes"
  FOR EACH STATEMENT EXECUTE FUNCTION "wish_summaries_inserted"();
CREATE TRIGGER "Wish_summaries_update" AFTER UPDATE ON "Wish"
  REFERENCING OLD TABLE AS "old_wishes" NEW TABLE AS "new_wishes"
  FOR EACH STATEMENT EXECUTE FUNCTION "wish_summaries_updated"();
CREATE TRIGGER "Wish_summaries_delete" AFTER DELETE ON "Wish" REFERENCING OLD TABLE AS "old_wishes"
  FOR EACH STATEMENT EXECUTE FUNCTION "wish_summaries_deleted"();

-- the wishes that exist already
INSERT INTO "WishDailyFigures" ("regionPath", "day", "submitted", "published", "claimed", "fulfilled", "confirmed",
                                "rejected", "withdrawn")
SELECT w."regionPath", "shanghai_day"(w."submittedAt"), count(*), count(w."publishedAt"),
       count(w."claimedAt"), count(w."fulfilledAt"), count(w."confirmedAt"),
       count(*) FILTER (WHERE w."status" = 'REJECTED'), count(*) FILTER (WHERE w."status" = 'WITHDRAWN')
  FROM "Wish" w GROUP BY 1, 2;
INSERT INTO "WishStatusCount" ("regionPath", "status", "n")
SELECT w."regionPath", w."status", count(*) FROM "Wish" w GROUP BY 1, 2;
