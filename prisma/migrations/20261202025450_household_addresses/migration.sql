-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "splitFromId" TEXT;


-- One household per address in a community, unless it is marked as split from another (分户). The address is
-- compared normalised: NFKC (full-width digits and letters), no whitespace, lower case; household_address_key
-- is the one definition, used by the index and by the API's check before writing.
CREATE FUNCTION household_address_key(address TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(regexp_replace(normalize(address, NFKC), '\s+', '', 'g'));

-- households already sharing an address become split households of the oldest one, so the index can be built
WITH ranked AS (
  SELECT id, first_value(id) OVER (
    PARTITION BY "communityId", household_address_key("address") ORDER BY "createdAt", id
  ) AS first
  FROM "Household"
)
UPDATE "Household" h SET "splitFromId" = r.first FROM ranked r WHERE h.id = r.id AND r.first <> h.id;

CREATE UNIQUE INDEX "Household_one_per_address" ON "Household"("communityId", household_address_key("address"))
  WHERE "splitFromId" IS NULL;

ALTER TABLE "Household" ADD CONSTRAINT "Household_splitFromId_fkey"
  FOREIGN KEY ("splitFromId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
