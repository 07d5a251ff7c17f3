-- CreateTable
CREATE TABLE "WishDurationDays" (
    "measure" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "WishDurationDays_pkey" PRIMARY KEY ("regionPath","day","measure","bucket")
);

-- CreateTable
CREATE TABLE "WishDurationMonths" (
    "measure" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "WishDurationMonths_pkey" PRIMARY KEY ("regionPath","month","measure","bucket")
);


-- hand-written: the medians (medianHoursToClaim, medianDaysToFulfil). Sorting a cohort's durations grows with the
-- wishes (428 665 at the prefecture over all time at 10⁶). Instead the statement sums the region's histogram of
-- the period (WishDurationMonths/Days, a few hundred rows), finds the bucket holding the middle and its rank
-- there, then walks the index ordered by the duration from that bucket's lower bound: exact, the same figures as
-- percentile_cont(0.5), reading one bucket's rows.

-- 24 geometric buckets per decade from 10⁻⁴ to 10⁵ (of hours or days): bucket b holds v >= thresholds[b]
-- (b = 0: below the first); the query walks from exactly that bound, so no rounding can split a bucket
CREATE FUNCTION "wish_duration_thresholds"() RETURNS FLOAT8[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '{
    0.0001,0.000110069,0.000121153,0.000133352,0.00014678,0.00016156,0.000177828,0.000195734,0.000215443,
    0.000237137,0.000261016,0.000287298,0.000316228,0.00034807,0.000383119,0.000421697,0.000464159,0.000510897,
    0.000562341,0.000618966,0.000681292,0.000749894,0.000825404,0.000908518,0.001,0.00110069,0.00121153,
    0.00133352,0.0014678,0.0016156,0.00177828,0.00195734,0.00215443,0.00237137,0.00261016,0.00287298,0.00316228,
    0.0034807,0.00383119,0.00421697,0.00464159,0.00510897,0.00562341,0.00618966,0.00681292,0.00749894,0.00825404,
    0.00908518,0.01,0.0110069,0.0121153,0.0133352,0.014678,0.016156,0.0177828,0.0195734,0.0215443,0.0237137,
    0.0261016,0.0287298,0.0316228,0.034807,0.0383119,0.0421697,0.0464159,0.0510897,0.0562341,0.0618966,0.0681292,
    0.0749894,0.0825404,0.0908518,0.1,0.110069,0.121153,0.133352,0.14678,0.16156,0.177828,0.195734,0.215443,
    0.237137,0.261016,0.287298,0.316228,0.34807,0.383119,0.421697,0.464159,0.510897,0.562341,0.618966,0.681292,
    0.749894,0.825404,0.908518,1,1.10069,1.21153,1.33352,1.4678,1.6156,1.77828,1.95734,2.15443,2.37137,2.61016,
    2.87298,3.16228,3.4807,3.83119,4.21697,4.64159,5.10897,5.62341,6.18966,6.81292,7.49894,8.25404,9.08518,10,
    11.0069,12.1153,13.3352,14.678,16.156,17.7828,19.5734,21.5443,23.7137,26.1016,28.7298,31.6228,34.807,38.3119,
    42.1697,46.4159,51.0897,56.2341,61.8966,68.1292,74.9894,82.5404,90.8518,100,110.069,121.153,133.352,146.78,
    161.56,177.828,195.734,215.443,237.137,261.016,287.298,316.228,348.07,383.119,421.697,464.159,510.897,562.341,
    618.966,681.292,749.894,825.404,908.518,1000,1100.69,1211.53,1333.52,1467.8,1615.6,1778.28,1957.34,2154.43,
    2371.37,2610.16,2872.98,3162.28,3480.7,3831.19,4216.97,4641.59,5108.97,5623.41,6189.66,6812.92,7498.94,
    8254.04,9085.18,10000,11006.9,12115.3,13335.2,14678,16156,17782.8,19573.4,21544.3,23713.7,26101.6,28729.8,
    31622.8,34807,38311.9,42169.7,46415.9,51089.7,56234.1,61896.6,68129.2,74989.4,82540.4,90851.8,100000  }'::FLOAT8[]
$$;

CREATE FUNCTION "wish_duration_bucket"(v FLOAT8) RETURNS INT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(v, "wish_duration_thresholds"())
$$;

-- the two measures of one wish that it has (publication → claim in hours, claim → fulfilment in days), the same
-- expressions as the indexes below and the medians' query; by column, so callers can read an index only
CREATE FUNCTION "wish_durations"(published TIMESTAMP, claimed TIMESTAMP, fulfilled TIMESTAMP)
  RETURNS TABLE (measure TEXT, v FLOAT8) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT m.measure, m.v FROM (VALUES
    ('HOURS_TO_CLAIM', (extract(epoch FROM claimed - published) / 3600)::float8),
    ('DAYS_TO_FULFIL', (extract(epoch FROM fulfilled - claimed) / 86400)::float8)) m (measure, v)
   WHERE m.v IS NOT NULL
$$;

-- '/a/b/c/' → '/a/', '/a/b/', '/a/b/c/': every region a wish counts for
CREATE FUNCTION "region_path_levels"(p TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT left(p, i) FROM generate_series(2, length(p)) i WHERE substr(p, i, 1) = '/'
$$;

CREATE TYPE "WishDurationDelta" AS ("measure" TEXT, "regionPath" TEXT, "day" DATE, "bucket" INT, "sign" INT);

CREATE FUNCTION "wish_duration_deltas"(w "Wish", sign INT) RETURNS SETOF "WishDurationDelta"
  LANGUAGE sql STABLE AS $$
  SELECT d.measure, l.path, "shanghai_day"(w."submittedAt"), "wish_duration_bucket"(d.v), sign
    FROM "wish_durations"(w."publishedAt", w."claimedAt", w."fulfilledAt") d
   CROSS JOIN "region_path_levels"(w."regionPath") l (path)
$$;

-- month rows before day rows and every upsert in key order, like wish_summaries_add (which runs first: its
-- trigger's name sorts first), so writers queue on the same rows in the same order; zero sums take no lock
CREATE FUNCTION "wish_durations_add"(deltas "WishDurationDelta"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WishDurationMonths" AS f ("measure", "regionPath", "month", "bucket", "n")
  SELECT g.* FROM (
    SELECT d."measure", d."regionPath", date_trunc('month', d."day")::date AS m, d."bucket", sum(d."sign")::int AS s
      FROM unnest(deltas) d GROUP BY 1, 2, 3, 4) g
   WHERE g.s <> 0
   ORDER BY 2, 3, 1, 4
  ON CONFLICT ("measure", "regionPath", "month", "bucket") DO UPDATE SET "n" = f."n" + EXCLUDED."n";

  INSERT INTO "WishDurationDays" AS f ("measure", "regionPath", "day", "bucket", "n")
  SELECT g.* FROM (
    SELECT d."measure", d."regionPath", d."day", d."bucket", sum(d."sign")::int AS s
      FROM unnest(deltas) d GROUP BY 1, 2, 3, 4) g
   WHERE g.s <> 0
   ORDER BY 2, 3, 1, 4
  ON CONFLICT ("measure", "regionPath", "day", "bucket") DO UPDATE SET "n" = f."n" + EXCLUDED."n";
$$;

-- one function for the three events: PL/pgSQL plans a statement when it first runs, so the branch of another
-- event may name a transition table this trigger does not have
CREATE FUNCTION "wish_durations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "wish_durations_add"(ARRAY(SELECT "wish_duration_deltas"(n, 1) FROM "new_wishes" n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "wish_durations_add"(ARRAY(SELECT "wish_duration_deltas"(o, -1) FROM "old_wishes" o));
  ELSE
    PERFORM "wish_durations_add"(ARRAY(
      SELECT "wish_duration_deltas"(o, -1) FROM "old_wishes" o
      UNION ALL
      SELECT "wish_duration_deltas"(n, 1) FROM "new_wishes" n));
  END IF;
  RETURN NULL;
END;
$$;
-- named after the summaries' triggers so they fire after them (same event: name order)
CREATE TRIGGER "Wish_summaries_insert_durations" AFTER INSERT ON "Wish" REFERENCING NEW TABLE AS "new_wishes"
  FOR EACH STATEMENT EXECUTE FUNCTION "wish_durations_changed"();
CREATE TRIGGER "Wish_summaries_update_durations" AFTER UPDATE ON "Wish"
  REFERENCING OLD TABLE AS "old_wishes" NEW TABLE AS "new_wishes"
  FOR EACH STATEMENT EXECUTE FUNCTION "wish_durations_changed"();
CREATE TRIGGER "Wish_summaries_delete_durations" AFTER DELETE ON "Wish" REFERENCING OLD TABLE AS "old_wishes"
  FOR EACH STATEMENT EXECUTE FUNCTION "wish_durations_changed"();

-- the walks: each duration in order, with what the cohort filter reads, so a walk is an index-only scan
CREATE INDEX "Wish_hours_to_claim_idx" ON "Wish" (((extract(epoch FROM "claimedAt" - "publishedAt") / 3600)::float8))
  INCLUDE ("regionPath", "submittedAt", "publishedAt", "claimedAt") WHERE "claimedAt" IS NOT NULL;
CREATE INDEX "Wish_days_to_fulfil_idx" ON "Wish" (((extract(epoch FROM "fulfilledAt" - "claimedAt") / 86400)::float8))
  INCLUDE ("regionPath", "submittedAt", "claimedAt", "fulfilledAt") WHERE "fulfilledAt" IS NOT NULL;

-- the wishes that exist already
INSERT INTO "WishDurationDays" ("measure", "regionPath", "day", "bucket", "n")
SELECT d."measure", d."regionPath", d."day", d."bucket", count(*)
  FROM "Wish" w CROSS JOIN LATERAL "wish_duration_deltas"(w, 1) d GROUP BY 1, 2, 3, 4;
INSERT INTO "WishDurationMonths" ("measure", "regionPath", "month", "bucket", "n")
SELECT s."measure", s."regionPath", date_trunc('month', s."day")::date, s."bucket", sum(s."n")
  FROM "WishDurationDays" s GROUP BY 1, 2, 3, 4;
