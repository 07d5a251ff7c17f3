-- CreateTable
CREATE TABLE "CacheVersion" (
    "key" TEXT NOT NULL,
    "version" TEXT NOT NULL,

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("key")
);


-- hand-written: a random token (not a counter, so a restored backup can never repeat a token with other
-- contents) replaced by every statement that changes the cached tables, whoever writes them
INSERT INTO "CacheVersion" ("key", "version") VALUES
  ('switches', gen_random_uuid()::text),
  ('regions', gen_random_uuid()::text);

CREATE FUNCTION "bump_cache_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CacheVersion" SET "version" = gen_random_uuid()::text WHERE "key" = TG_ARGV[0];
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ModuleSwitch_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ModuleSwitch"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_version"('switches');
CREATE TRIGGER "Region_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_version"('regions');
