-- CreateEnum
CREATE TYPE "WishStatus" AS ENUM ('PENDING_REVIEW', 'PUBLISHED', 'CLAIMED', 'FULFILLED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "WishCategory" AS ENUM ('DAILY_NECESSITIES', 'HEALTH', 'EDUCATION', 'ELDER_CARE', 'DISABILITY_AID', 'OTHER');

-- CreateEnum
CREATE TYPE "WishChannel" AS ENUM ('CHAT_GROUP', 'WISH_WALL', 'HOME_VISIT', 'ONLINE');

-- CreateEnum
CREATE TYPE "WishAction" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'CLAIMED', 'CLAIM_RELEASED', 'CLAIM_EXPIRED', 'FULFILLED', 'CONFIRMED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Wish" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "submittedById" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "category" "WishCategory" NOT NULL,
    "channel" "WishChannel" NOT NULL,
    "estimatedValue" DECIMAL(10,2),
    "status" "WishStatus" NOT NULL DEFAULT 'PENDING_REVIEW',
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "publishedAt" TIMESTAMP(3),
    "claimantId" TEXT,
    "organizationId" TEXT,
    "claimNote" TEXT,
    "claimedAt" TIMESTAMP(3),
    "claimDueAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "fulfilmentNote" TEXT,
    "evidenceUrls" TEXT[],
    "confirmedAt" TIMESTAMP(3),
    "thanks" TEXT,
    "rating" INTEGER,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Wish_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WishEvent" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "wishId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "action" "WishAction" NOT NULL,
    "fromStatus" "WishStatus",
    "toStatus" "WishStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorPersonId" TEXT,
    "actorRole" "Role",
    "note" TEXT,

    CONSTRAINT "WishEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Wish_regionPath_prefix_idx" ON "Wish"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Wish_communityId_status_idx" ON "Wish"("communityId", "status");

-- CreateIndex
CREATE INDEX "Wish_claimantId_status_idx" ON "Wish"("claimantId", "status");

-- CreateIndex
CREATE INDEX "Wish_requesterId_idx" ON "Wish"("requesterId");

-- CreateIndex
CREATE INDEX "Wish_organizationId_idx" ON "Wish"("organizationId");

-- CreateIndex
CREATE INDEX "Wish_status_claimDueAt_idx" ON "Wish"("status", "claimDueAt");

-- CreateIndex
CREATE INDEX "Wish_submittedAt_idx" ON "Wish"("submittedAt");

-- CreateIndex
CREATE INDEX "WishEvent_wishId_seq_idx" ON "WishEvent"("wishId", "seq");

-- CreateIndex
CREATE INDEX "WishEvent_regionPath_prefix_idx" ON "WishEvent"("regionPath" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "WishEvent" ADD CONSTRAINT "WishEvent_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "Wish"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written foreign keys to core tables (module models keep plain id columns, see the module README).
-- Appended to the generated migration: keep in sync with prisma/schema/wishes.prisma.
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WishEvent" ADD CONSTRAINT "WishEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "WishEvent" ADD CONSTRAINT "WishEvent_actorPersonId_fkey" FOREIGN KEY ("actorPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- a claimant exactly while the wish is claimed, fulfilled or confirmed (a withdrawn wish keeps whoever held it)
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_claim_consistent" CHECK (("status" IN ('CLAIMED', 'FULFILLED', 'CONFIRMED')) = ("claimantId" IS NOT NULL) OR "status" = 'WITHDRAWN');
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
