-- CreateEnum
CREATE TYPE "CareFacilityKind" AS ENUM ('DAY_CARE_CENTER', 'MEAL_POINT', 'REHAB_STATION');

-- CreateEnum
CREATE TYPE "CareRoom" AS ENUM ('DINING', 'CHESS_CARDS', 'READING', 'FITNESS', 'REHABILITATION', 'REST');

-- CreateEnum
CREATE TYPE "CareCategory" AS ENUM ('LEFT_BEHIND', 'LIVING_ALONE', 'EMPTY_NEST', 'HARDSHIP', 'DEPENDENT', 'DISABILITY', 'SEVERE_DISABILITY', 'LOW_INCOME', 'EXTREME_POVERTY', 'FAMILY_PLANNING_SPECIAL');

-- CreateEnum
CREATE TYPE "CapabilityLevel" AS ENUM ('INTACT', 'MILD', 'MODERATE', 'SEVERE', 'TOTAL');

-- CreateEnum
CREATE TYPE "CapabilityAssessmentReason" AS ENUM ('INITIAL', 'ROUTINE', 'ABILITY_CHANGED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "CareEnrollmentStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "CareVisitTier" AS ENUM ('HIGH_RISK', 'KEY', 'GENERAL');

-- CreateEnum
CREATE TYPE "CareServiceKind" AS ENUM ('DAY_CARE', 'MEAL', 'RECREATION', 'REHABILITATION', 'HEALTH_CHECK');

-- CreateEnum
CREATE TYPE "MealKind" AS ENUM ('BREAKFAST', 'LUNCH', 'DINNER');

-- CreateEnum
CREATE TYPE "MealBookingStatus" AS ENUM ('BOOKED', 'CANCELLED', 'SERVED');

-- CreateEnum
CREATE TYPE "ElderNeedKind" AS ENUM ('MEALS', 'DAY_CARE', 'HOME_HELP', 'MEDICAL', 'REHABILITATION', 'ACCESSIBILITY', 'COMPANIONSHIP', 'OTHER');

-- CreateEnum
CREATE TYPE "ElderNeedChannel" AS ENUM ('IN_PERSON', 'PHONE', 'ONLINE', 'FAMILY', 'VISIT', 'GRID');

-- CreateEnum
CREATE TYPE "ElderNeedStatus" AS ENUM ('OPEN', 'ASSIGNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CareVisitMode" AS ENUM ('HOME', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "CareVisitRiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateTable
CREATE TABLE "CareFacility" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CareFacilityKind" NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "address" TEXT,
    "openingHours" TEXT,
    "rooms" "CareRoom"[],
    "capacity" INTEGER NOT NULL DEFAULT 0,
    "operatorId" TEXT,
    "phone" TEXT,
    "mealCutoffTime" TEXT NOT NULL DEFAULT '09:00',
    "mealCutoffDaysBefore" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareFacility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareRecipient" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "categories" "CareCategory"[],
    "emergencyName" TEXT,
    "emergencyPhone" TEXT,
    "emergencyRelation" TEXT,
    "visitTier" "CareVisitTier",
    "lastVisitedAt" TIMESTAMP(3),
    "nextVisitDueAt" TIMESTAMP(3),
    "latestAssessmentId" TEXT,
    "currentLevel" "CapabilityLevel",
    "assessedAt" TIMESTAMP(3),
    "assessmentValidUntil" TIMESTAMP(3),
    "abilityChangedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareEnrollment" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "status" "CareEnrollmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "enrolledAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapabilityAssessment" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "selfCareScore" INTEGER,
    "mobilityScore" INTEGER,
    "mentalScore" INTEGER,
    "perceptionScore" INTEGER,
    "totalScore" INTEGER,
    "level" "CapabilityLevel" NOT NULL,
    "reason" "CapabilityAssessmentReason" NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "assessorAccountId" TEXT,
    "assessorName" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapabilityAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareService" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "CareServiceKind" NOT NULL,
    "servedAt" TIMESTAMP(3) NOT NULL,
    "staffName" TEXT,
    "recordedById" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MealMenu" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "meal" "MealKind" NOT NULL,
    "dishes" TEXT[],
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "cutoffAt" TIMESTAMP(3) NOT NULL,
    "sampleTakenAt" TIMESTAMP(3),
    "sampleKeepUntil" TIMESTAMP(3),
    "sampleNote" TEXT,
    "sampleById" TEXT,
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MealMenu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MealBooking" (
    "id" TEXT NOT NULL,
    "menuId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "meal" "MealKind" NOT NULL,
    "slot" TEXT,
    "delivery" BOOLEAN NOT NULL DEFAULT false,
    "status" "MealBookingStatus" NOT NULL DEFAULT 'BOOKED',
    "standardPriceFen" INTEGER NOT NULL,
    "deliveryFeeFen" INTEGER NOT NULL DEFAULT 0,
    "subsidyFen" INTEGER NOT NULL DEFAULT 0,
    "priceFen" INTEGER NOT NULL,
    "subsidyRule" TEXT,
    "bookedById" TEXT,
    "bookedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "servedAt" TIMESTAMP(3),
    "servedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MealBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElderNeed" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "recipientId" TEXT,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "ElderNeedKind" NOT NULL,
    "channel" "ElderNeedChannel" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ElderNeedStatus" NOT NULL DEFAULT 'OPEN',
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "assigneeAccountId" TEXT,
    "assigneeOrganizationId" TEXT,
    "assigneeName" TEXT,
    "assignedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "result" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "feedbackSatisfaction" INTEGER,
    "feedbackComment" TEXT,
    "feedbackAt" TIMESTAMP(3),
    "sourceVisitId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ElderNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareVisit" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "visitorAccountId" TEXT,
    "visitorName" TEXT,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "mode" "CareVisitMode" NOT NULL,
    "riskLevel" "CareVisitRiskLevel" NOT NULL,
    "health" TEXT,
    "mentalState" TEXT,
    "gasSafe" BOOLEAN,
    "waterSafe" BOOLEAN,
    "electricitySafe" BOOLEAN,
    "heatingSafe" BOOLEAN,
    "hygiene" TEXT,
    "familySupport" TEXT,
    "notes" TEXT,
    "abilityChanged" BOOLEAN NOT NULL DEFAULT false,
    "dueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareFacility_regionPath_prefix_idx" ON "CareFacility"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "CareFacility_operatorId_idx" ON "CareFacility"("operatorId");

-- CreateIndex
CREATE UNIQUE INDEX "CareFacility_communityId_name_key" ON "CareFacility"("communityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CareRecipient_personId_key" ON "CareRecipient"("personId");

-- CreateIndex
CREATE INDEX "CareRecipient_regionPath_prefix_idx" ON "CareRecipient"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "CareRecipient_nextVisitDueAt_idx" ON "CareRecipient"("nextVisitDueAt");

-- CreateIndex
CREATE INDEX "CareRecipient_communityId_idx" ON "CareRecipient"("communityId");

-- CreateIndex
CREATE INDEX "CareEnrollment_facilityId_status_idx" ON "CareEnrollment"("facilityId", "status");

-- CreateIndex
CREATE INDEX "CareEnrollment_personId_idx" ON "CareEnrollment"("personId");

-- CreateIndex
CREATE INDEX "CareEnrollment_regionPath_prefix_idx" ON "CareEnrollment"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "CareEnrollment_recipientId_facilityId_key" ON "CareEnrollment"("recipientId", "facilityId");

-- CreateIndex
CREATE INDEX "CapabilityAssessment_recipientId_assessedAt_idx" ON "CapabilityAssessment"("recipientId", "assessedAt");

-- CreateIndex
CREATE INDEX "CapabilityAssessment_regionPath_prefix_idx" ON "CapabilityAssessment"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "CareService_recipientId_servedAt_idx" ON "CareService"("recipientId", "servedAt");

-- CreateIndex
CREATE INDEX "CareService_facilityId_servedAt_idx" ON "CareService"("facilityId", "servedAt");

-- CreateIndex
CREATE INDEX "CareService_regionPath_prefix_idx" ON "CareService"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "MealMenu_regionPath_prefix_idx" ON "MealMenu"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "MealMenu_date_idx" ON "MealMenu"("date");

-- CreateIndex
CREATE UNIQUE INDEX "MealMenu_facilityId_date_meal_key" ON "MealMenu"("facilityId", "date", "meal");

-- CreateIndex
CREATE INDEX "MealBooking_menuId_status_idx" ON "MealBooking"("menuId", "status");

-- CreateIndex
CREATE INDEX "MealBooking_facilityId_date_idx" ON "MealBooking"("facilityId", "date");

-- CreateIndex
CREATE INDEX "MealBooking_regionPath_prefix_idx" ON "MealBooking"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "MealBooking_personId_slot_key" ON "MealBooking"("personId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "ElderNeed_sourceVisitId_key" ON "ElderNeed"("sourceVisitId");

-- CreateIndex
CREATE INDEX "ElderNeed_regionPath_prefix_idx" ON "ElderNeed"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "ElderNeed_personId_idx" ON "ElderNeed"("personId");

-- CreateIndex
CREATE INDEX "ElderNeed_status_idx" ON "ElderNeed"("status");

-- CreateIndex
CREATE INDEX "CareVisit_recipientId_visitedAt_idx" ON "CareVisit"("recipientId", "visitedAt");

-- CreateIndex
CREATE INDEX "CareVisit_regionPath_prefix_idx" ON "CareVisit"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "CareVisit_visitedAt_idx" ON "CareVisit"("visitedAt");

-- AddForeignKey
ALTER TABLE "CareEnrollment" ADD CONSTRAINT "CareEnrollment_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "CareRecipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareEnrollment" ADD CONSTRAINT "CareEnrollment_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "CareFacility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapabilityAssessment" ADD CONSTRAINT "CapabilityAssessment_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "CareRecipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareService" ADD CONSTRAINT "CareService_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "CareRecipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareService" ADD CONSTRAINT "CareService_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "CareFacility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MealMenu" ADD CONSTRAINT "MealMenu_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "CareFacility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MealBooking" ADD CONSTRAINT "MealBooking_menuId_fkey" FOREIGN KEY ("menuId") REFERENCES "MealMenu"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MealBooking" ADD CONSTRAINT "MealBooking_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "CareRecipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElderNeed" ADD CONSTRAINT "ElderNeed_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "CareRecipient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareVisit" ADD CONSTRAINT "CareVisit_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "CareRecipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written foreign keys to core tables (modules/elder-care/foreign-keys.sql, appended after the generated part)
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CareRecipient" ADD CONSTRAINT "CareRecipient_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareRecipient" ADD CONSTRAINT "CareRecipient_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareEnrollment" ADD CONSTRAINT "CareEnrollment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareEnrollment" ADD CONSTRAINT "CareEnrollment_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CapabilityAssessment" ADD CONSTRAINT "CapabilityAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CapabilityAssessment" ADD CONSTRAINT "CapabilityAssessment_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CapabilityAssessment" ADD CONSTRAINT "CapabilityAssessment_assessorAccountId_fkey" FOREIGN KEY ("assessorAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CareService" ADD CONSTRAINT "CareService_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareService" ADD CONSTRAINT "CareService_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MealMenu" ADD CONSTRAINT "MealMenu_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MealBooking" ADD CONSTRAINT "MealBooking_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MealBooking" ADD CONSTRAINT "MealBooking_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ElderNeed" ADD CONSTRAINT "ElderNeed_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ElderNeed" ADD CONSTRAINT "ElderNeed_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ElderNeed" ADD CONSTRAINT "ElderNeed_assigneeAccountId_fkey" FOREIGN KEY ("assigneeAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ElderNeed" ADD CONSTRAINT "ElderNeed_assigneeOrganizationId_fkey" FOREIGN KEY ("assigneeOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ElderNeed" ADD CONSTRAINT "ElderNeed_sourceVisitId_fkey" FOREIGN KEY ("sourceVisitId") REFERENCES "CareVisit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CareVisit" ADD CONSTRAINT "CareVisit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareVisit" ADD CONSTRAINT "CareVisit_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CareVisit" ADD CONSTRAINT "CareVisit_visitorAccountId_fkey" FOREIGN KEY ("visitorAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
