-- CreateTable
CREATE TABLE "StatusCount" (
    "entity" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatusCount_pkey" PRIMARY KEY ("entity","regionPath","status")
);

-- CreateIndex
CREATE INDEX "StatusCount_prefix_idx" ON "StatusCount"("entity", "regionPath" text_pattern_ops, "status");


-- hand-written: the generic counter (the design of WishStatusCount, for any table). A table attached with
-- attach_status_counter() gets three statement-level AFTER triggers over transition tables, so the counter
-- follows every write in the writing transaction (a rolled-back or refused write changes nothing). One
-- ordered upsert per statement: a many-row statement (an expiry job) locks counter rows in key order, so two
-- such statements cannot deadlock on them, and a statement that moves no row between (path, status) — an edit
-- of a title — sums to zero deltas, writes nothing and locks nothing.
-- TG_ARGV: 0 the entity name, 1 the region-path column, 2 the status column ('' for a table counted without
-- one). Every counted table carries its own path column (communities' and townships' paths are copied onto
-- the rows when they are written), so the trigger needs no join.
CREATE FUNCTION "status_counter_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  path_col TEXT := quote_ident(TG_ARGV[1]);
  status_col TEXT := CASE WHEN TG_ARGV[2] = '' THEN '''''' ELSE quote_ident(TG_ARGV[2]) || '::text' END;
  olds TEXT := format('SELECT %s AS p, %s AS s, -1 AS d FROM "old_rows"', path_col, status_col);
  news TEXT := format('SELECT %s AS p, %s AS s, 1 AS d FROM "new_rows"', path_col, status_col);
BEGIN
  EXECUTE format(
    'INSERT INTO "StatusCount" AS c ("entity", "regionPath", "status", "n")
     SELECT $1, g.p, g.s, g.n FROM (SELECT d.p, d.s, sum(d.d)::int AS n FROM (%s) d GROUP BY d.p, d.s) g
      WHERE g.n <> 0
      ORDER BY g.p, g.s
     ON CONFLICT ("entity", "regionPath", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n"',
    CASE TG_OP WHEN 'INSERT' THEN news WHEN 'DELETE' THEN olds ELSE olds || ' UNION ALL ' || news END)
  USING TG_ARGV[0];
  RETURN NULL;
END;
$$;

-- one line per counted table in a module's migration: the triggers, then the rows that exist already
-- (under a lock that keeps writers out until the migration's transaction ends, so none is missed or doubled)
CREATE FUNCTION "attach_status_counter"(tbl TEXT, entity TEXT, path_col TEXT, status_col TEXT DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('LOCK TABLE %I IN SHARE ROW EXCLUSIVE MODE', tbl);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS "new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "status_counter_apply"(%L, %L, %L)',
    tbl || '_status_count_insert', tbl, entity, path_col, status_col);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "status_counter_apply"(%L, %L, %L)',
    tbl || '_status_count_update', tbl, entity, path_col, status_col);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS "old_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "status_counter_apply"(%L, %L, %L)',
    tbl || '_status_count_delete', tbl, entity, path_col, status_col);
  DELETE FROM "StatusCount" c WHERE c."entity" = attach_status_counter.entity;
  EXECUTE format('INSERT INTO "StatusCount" ("entity", "regionPath", "status", "n")
    SELECT $1, t.%I, %s, count(*) FROM %I t GROUP BY 2, 3',
    path_col, CASE WHEN status_col = '' THEN '''''' ELSE 't.' || quote_ident(status_col) || '::text' END, tbl)
  USING entity;
END;
$$;

-- the counted lists (README "How lists stay bounded"): one line per table
SELECT "attach_status_counter"('Incident', 'Incident', 'regionPath', 'status');
SELECT "attach_status_counter"('VolunteerActivity', 'VolunteerActivity', 'regionPath', 'status');
SELECT "attach_status_counter"('VolunteerServiceOrder', 'VolunteerServiceOrder', 'regionPath', 'status');
SELECT "attach_status_counter"('CareVisit', 'CareVisit', 'regionPath');
SELECT "attach_status_counter"('CommunityNeed', 'CommunityNeed', 'regionPath', 'status');
SELECT "attach_status_counter"('LivelihoodProject', 'LivelihoodProject', 'regionPath', 'status');
SELECT "attach_status_counter"('Consultation', 'Consultation', 'regionPath', 'status');
