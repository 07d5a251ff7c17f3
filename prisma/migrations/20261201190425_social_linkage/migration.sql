-- CreateEnum
CREATE TYPE "SocialOrganizationKind" AS ENUM ('SERVICE', 'CHARITY', 'MUTUAL_AID', 'CULTURE_SPORTS', 'OTHER');

-- CreateEnum
CREATE TYPE "SocialOrganizationStanding" AS ENUM ('FILED', 'REGISTERED');

-- CreateEnum
CREATE TYPE "SocialOrganizationStatus" AS ENUM ('FILING', 'ACTIVE', 'SUSPENDED', 'DEREGISTERED');

-- CreateEnum
CREATE TYPE "ServiceArea" AS ENUM ('ELDER_AND_CHILD_CARE', 'MEALS_AND_MOBILITY', 'HOUSEKEEPING', 'EMPLOYMENT', 'FAMILY_DOCTOR', 'FITNESS', 'CULTURE', 'CHILDREN_PLAY', 'OTHER');

-- CreateEnum
CREATE TYPE "SocialWorkStationLevel" AS ENUM ('COUNTY_CENTRE', 'TOWNSHIP_STATION', 'COMMUNITY_ROOM');

-- CreateEnum
CREATE TYPE "SocialWorkerQualification" AS ENUM ('ASSISTANT', 'SOCIAL_WORKER', 'SENIOR');

-- CreateEnum
CREATE TYPE "NeedSource" AS ENUM ('VISIT', 'HOTLINE', 'GRID', 'WISH', 'ELDER_CARE', 'OTHER');

-- CreateEnum
CREATE TYPE "NeedUrgency" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('OPEN', 'MATCHED', 'MET', 'CLOSED');

-- CreateEnum
CREATE TYPE "ResourceProviderKind" AS ENUM ('SOCIAL_ORGANIZATION', 'UNIT', 'CHARITY', 'VOLUNTEER_TEAM');

-- CreateEnum
CREATE TYPE "CapacityPeriod" AS ENUM ('WEEK', 'MONTH', 'QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "ResourceCost" AS ENUM ('FREE', 'SUBSIDISED', 'PAID');

-- CreateEnum
CREATE TYPE "ResourceReach" AS ENUM ('COMMUNITY', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "EngagementStatus" AS ENUM ('MATCHED', 'DELIVERED', 'FEEDBACK');

-- CreateEnum
CREATE TYPE "LivelihoodProjectStatus" AS ENUM ('PLANNED', 'CONTRACTED', 'IN_PROGRESS', 'EVALUATED', 'TERMINATED');

-- CreateTable
CREATE TABLE "SocialOrganization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SocialOrganizationKind" NOT NULL,
    "standing" "SocialOrganizationStanding" NOT NULL,
    "status" "SocialOrganizationStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "registrationNumber" TEXT,
    "filedWithId" TEXT,
    "serviceAreas" "ServiceArea"[],
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "contactPersonId" TEXT,
    "filedAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SocialOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialWorkStation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "SocialWorkStationLevel" NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "parentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SocialWorkStation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialWorker" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "qualification" "SocialWorkerQualification" NOT NULL,
    "employerId" TEXT,
    "employerStationId" TEXT,
    "stationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SocialWorker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityNeed" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "category" "ServiceArea" NOT NULL,
    "description" TEXT NOT NULL,
    "peopleCount" INTEGER NOT NULL DEFAULT 1,
    "concernedPersonId" TEXT,
    "urgency" "NeedUrgency" NOT NULL DEFAULT 'NORMAL',
    "source" "NeedSource" NOT NULL,
    "sourceRef" TEXT,
    "status" "NeedStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT,
    "matchedAt" TIMESTAMP(3),
    "metAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceResource" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "providerKind" "ResourceProviderKind" NOT NULL,
    "providerName" TEXT NOT NULL,
    "socialOrganizationId" TEXT,
    "organizationId" TEXT,
    "category" "ServiceArea" NOT NULL,
    "capacity" INTEGER NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "period" "CapacityPeriod" NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "reach" "ResourceReach" NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "timeWindows" TEXT[],
    "availableFrom" TIMESTAMP(3) NOT NULL,
    "availableUntil" TIMESTAMP(3),
    "cost" "ResourceCost" NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceEngagement" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "status" "EngagementStatus" NOT NULL DEFAULT 'MATCHED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "matchedAt" TIMESTAMP(3) NOT NULL,
    "matchedById" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "deliveryNote" TEXT,
    "feedbackAt" TIMESTAMP(3),
    "rating" INTEGER,
    "feedback" TEXT,

    CONSTRAINT "ServiceEngagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LivelihoodProject" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purchaserId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "budgetYuan" DECIMAL(12,2) NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "deliverables" TEXT[],
    "kpis" JSONB NOT NULL,
    "milestones" JSONB NOT NULL,
    "status" "LivelihoodProjectStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "evaluationScore" INTEGER,
    "contractedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LivelihoodProject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SocialOrganization_regionPath_prefix_idx" ON "SocialOrganization"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "SocialOrganization_status_idx" ON "SocialOrganization"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SocialOrganization_communityId_name_key" ON "SocialOrganization"("communityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "SocialWorkStation_regionId_key" ON "SocialWorkStation"("regionId");

-- CreateIndex
CREATE INDEX "SocialWorkStation_regionPath_prefix_idx" ON "SocialWorkStation"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "SocialWorker_personId_key" ON "SocialWorker"("personId");

-- CreateIndex
CREATE INDEX "SocialWorker_regionPath_prefix_idx" ON "SocialWorker"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "CommunityNeed_regionPath_prefix_idx" ON "CommunityNeed"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "CommunityNeed_status_category_idx" ON "CommunityNeed"("status", "category");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityNeed_source_sourceRef_key" ON "CommunityNeed"("source", "sourceRef");

-- CreateIndex
CREATE INDEX "ServiceResource_regionPath_prefix_idx" ON "ServiceResource"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "ServiceResource_category_idx" ON "ServiceResource"("category");

-- CreateIndex
CREATE INDEX "ServiceEngagement_regionPath_prefix_idx" ON "ServiceEngagement"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "ServiceEngagement_needId_idx" ON "ServiceEngagement"("needId");

-- CreateIndex
CREATE INDEX "ServiceEngagement_resourceId_idx" ON "ServiceEngagement"("resourceId");

-- CreateIndex
CREATE INDEX "LivelihoodProject_regionPath_prefix_idx" ON "LivelihoodProject"("regionPath" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "SocialWorkStation" ADD CONSTRAINT "SocialWorkStation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "SocialWorkStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialWorker" ADD CONSTRAINT "SocialWorker_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "SocialOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialWorker" ADD CONSTRAINT "SocialWorker_employerStationId_fkey" FOREIGN KEY ("employerStationId") REFERENCES "SocialWorkStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialWorker" ADD CONSTRAINT "SocialWorker_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "SocialWorkStation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceResource" ADD CONSTRAINT "ServiceResource_socialOrganizationId_fkey" FOREIGN KEY ("socialOrganizationId") REFERENCES "SocialOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceEngagement" ADD CONSTRAINT "ServiceEngagement_needId_fkey" FOREIGN KEY ("needId") REFERENCES "CommunityNeed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceEngagement" ADD CONSTRAINT "ServiceEngagement_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ServiceResource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SocialOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written foreign keys to core tables (module models keep plain id columns, see the module README).
-- Appended to the generated migration: keep in sync with prisma/schema/social-linkage.prisma.
ALTER TABLE "SocialOrganization" ADD CONSTRAINT "SocialOrganization_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SocialOrganization" ADD CONSTRAINT "SocialOrganization_filedWithId_fkey" FOREIGN KEY ("filedWithId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SocialOrganization" ADD CONSTRAINT "SocialOrganization_contactPersonId_fkey" FOREIGN KEY ("contactPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SocialWorkStation" ADD CONSTRAINT "SocialWorkStation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SocialWorker" ADD CONSTRAINT "SocialWorker_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommunityNeed" ADD CONSTRAINT "CommunityNeed_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommunityNeed" ADD CONSTRAINT "CommunityNeed_concernedPersonId_fkey" FOREIGN KEY ("concernedPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CommunityNeed" ADD CONSTRAINT "CommunityNeed_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ServiceResource" ADD CONSTRAINT "ServiceResource_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceResource" ADD CONSTRAINT "ServiceResource_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceEngagement" ADD CONSTRAINT "ServiceEngagement_matchedById_fkey" FOREIGN KEY ("matchedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_purchaserId_fkey" FOREIGN KEY ("purchaserId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- the capacity guarantee, also at the database: matchNeed's conditional update can never overfill a resource
ALTER TABLE "ServiceResource" ADD CONSTRAINT "ServiceResource_used_within_capacity" CHECK ("used" >= 0 AND "used" <= "capacity");
ALTER TABLE "ServiceEngagement" ADD CONSTRAINT "ServiceEngagement_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_score_range" CHECK ("evaluationScore" IS NULL OR "evaluationScore" BETWEEN 0 AND 100);
