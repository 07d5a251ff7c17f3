-- CreateEnum
CREATE TYPE "GridKind" AS ENUM ('URBAN', 'RURAL');

-- CreateEnum
CREATE TYPE "GridStaffRole" AS ENUM ('LEADER', 'FULL_TIME', 'PART_TIME', 'INSTRUCTOR');

-- CreateEnum
CREATE TYPE "PatrolKind" AS ENUM ('VISIT', 'HAZARD_INSPECTION');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IncidentPriority" AS ENUM ('NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "IncidentCategory" AS ENUM ('SAFETY_HAZARD', 'ENVIRONMENT', 'DISPUTE', 'INFRASTRUCTURE', 'PUBLIC_ORDER', 'LIVELIHOOD', 'OTHER');

-- CreateEnum
CREATE TYPE "SupervisionLevel" AS ENUM ('COMMUNITY', 'TOWNSHIP', 'COUNTY');

-- CreateEnum
CREATE TYPE "IncidentSatisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "IncidentEntryKind" AS ENUM ('TRANSITION', 'SUPERVISION', 'ASSIST');

-- CreateEnum
CREATE TYPE "DepartmentRole" AS ENUM ('NOTIFIED', 'LEAD', 'ASSISTING');

-- CreateEnum
CREATE TYPE "PointsPeriod" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "PointsEntryKind" AS ENUM ('EARN', 'REDEEM', 'REVERSE', 'EXPIRE');

-- CreateTable
CREATE TABLE "Grid" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "GridKind" NOT NULL DEFAULT 'RURAL',
    "boundary" JSONB,
    "centreLat" DOUBLE PRECISION,
    "centreLng" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Grid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "gridId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "headId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "relation" TEXT,
    "regionPath" TEXT NOT NULL,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GridStaff" (
    "id" TEXT NOT NULL,
    "gridId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "GridStaffRole" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GridStaff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patrol" (
    "id" TEXT NOT NULL,
    "gridId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "PatrolKind" NOT NULL,
    "householdId" TEXT,
    "place" TEXT,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "findings" TEXT,
    "hazardFound" BOOLEAN NOT NULL DEFAULT false,
    "workerPersonId" TEXT,
    "workerAccountId" TEXT,
    "incidentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patrol_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "gridId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "category" "IncidentCategory" NOT NULL,
    "priority" "IncidentPriority" NOT NULL DEFAULT 'NORMAL',
    "status" "IncidentStatus" NOT NULL DEFAULT 'REPORTED',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "attachmentUrls" TEXT[],
    "reporterAccountId" TEXT,
    "reporterPersonId" TEXT,
    "residentId" TEXT,
    "householdId" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3),
    "stageStartedAt" TIMESTAMP(3) NOT NULL,
    "escalateAt" TIMESTAMP(3),
    "supervisionLevel" "SupervisionLevel" NOT NULL DEFAULT 'COMMUNITY',
    "acceptDeadline" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "resolveDueAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedOnTime" BOOLEAN,
    "complex" BOOLEAN NOT NULL DEFAULT false,
    "satisfaction" "IncidentSatisfaction",
    "solved" BOOLEAN,
    "reworkCount" INTEGER NOT NULL DEFAULT 0,
    "leadDepartmentId" TEXT,
    "duplicateOfId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentEntry" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "incidentId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" "IncidentEntryKind" NOT NULL DEFAULT 'TRANSITION',
    "fromStatus" "IncidentStatus",
    "toStatus" "IncidentStatus" NOT NULL,
    "actorAccountId" TEXT,
    "actorRole" TEXT,
    "actorOrgId" TEXT,
    "note" TEXT,
    "attachmentUrls" TEXT[],
    "departmentId" TEXT,
    "level" "SupervisionLevel",

    CONSTRAINT "IncidentEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentDepartment" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "role" "DepartmentRole" NOT NULL DEFAULT 'NOTIFIED',
    "notifiedAt" TIMESTAMP(3) NOT NULL,
    "reportInDueAt" TIMESTAMP(3),
    "reportedInAt" TIMESTAMP(3),

    CONSTRAINT "IncidentDepartment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentDeadlinePolicy" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "category" "IncidentCategory",
    "priority" "IncidentPriority",
    "acceptHours" DOUBLE PRECISION NOT NULL,
    "reportInHours" DOUBLE PRECISION NOT NULL,
    "resolveHours" DOUBLE PRECISION NOT NULL,
    "complexResolveHours" DOUBLE PRECISION NOT NULL,
    "closeHours" DOUBLE PRECISION NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentDeadlinePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsAccount" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "townshipId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsRule" (
    "id" TEXT NOT NULL,
    "townshipId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "capPerPeriod" INTEGER,
    "period" "PointsPeriod",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "PointsEntryKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "ruleId" TEXT,
    "itemId" TEXT,
    "quantity" INTEGER,
    "reversesId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "note" TEXT,
    "actorAccountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsStoreItem" (
    "id" TEXT NOT NULL,
    "townshipId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsStoreItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Grid_regionPath_prefix_idx" ON "Grid"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Grid_communityId_code_key" ON "Grid"("communityId", "code");

-- CreateIndex
CREATE INDEX "Household_gridId_idx" ON "Household"("gridId");

-- CreateIndex
CREATE INDEX "Household_headId_idx" ON "Household"("headId");

-- CreateIndex
CREATE INDEX "Household_regionPath_prefix_idx" ON "Household"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "HouseholdMember_personId_idx" ON "HouseholdMember"("personId");

-- CreateIndex
CREATE INDEX "HouseholdMember_regionPath_prefix_idx" ON "HouseholdMember"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdMember_householdId_personId_key" ON "HouseholdMember"("householdId", "personId");

-- CreateIndex
CREATE INDEX "GridStaff_gridId_idx" ON "GridStaff"("gridId");

-- CreateIndex
CREATE INDEX "GridStaff_personId_idx" ON "GridStaff"("personId");

-- CreateIndex
CREATE INDEX "GridStaff_regionPath_prefix_idx" ON "GridStaff"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Patrol_incidentId_key" ON "Patrol"("incidentId");

-- CreateIndex
CREATE INDEX "Patrol_gridId_idx" ON "Patrol"("gridId");

-- CreateIndex
CREATE INDEX "Patrol_regionPath_prefix_idx" ON "Patrol"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Patrol_visitedAt_idx" ON "Patrol"("visitedAt");

-- CreateIndex
CREATE INDEX "Incident_regionPath_prefix_idx" ON "Incident"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Incident_gridId_idx" ON "Incident"("gridId");

-- CreateIndex
CREATE INDEX "Incident_status_escalateAt_idx" ON "Incident"("status", "escalateAt");

-- CreateIndex
CREATE INDEX "Incident_leadDepartmentId_idx" ON "Incident"("leadDepartmentId");

-- CreateIndex
CREATE INDEX "Incident_residentId_idx" ON "Incident"("residentId");

-- CreateIndex
CREATE INDEX "Incident_reporterAccountId_idx" ON "Incident"("reporterAccountId");

-- CreateIndex
CREATE INDEX "Incident_reportedAt_idx" ON "Incident"("reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentEntry_seq_key" ON "IncidentEntry"("seq");

-- CreateIndex
CREATE INDEX "IncidentEntry_incidentId_at_idx" ON "IncidentEntry"("incidentId", "at");

-- CreateIndex
CREATE INDEX "IncidentEntry_regionPath_prefix_idx" ON "IncidentEntry"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "IncidentDepartment_organizationId_idx" ON "IncidentDepartment"("organizationId");

-- CreateIndex
CREATE INDEX "IncidentDepartment_regionPath_prefix_idx" ON "IncidentDepartment"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "IncidentDepartment_incidentId_organizationId_key" ON "IncidentDepartment"("incidentId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentDeadlinePolicy_scopeKey_key" ON "IncidentDeadlinePolicy"("scopeKey");

-- CreateIndex
CREATE INDEX "IncidentDeadlinePolicy_regionPath_prefix_idx" ON "IncidentDeadlinePolicy"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PointsAccount_townshipId_idx" ON "PointsAccount"("townshipId");

-- CreateIndex
CREATE INDEX "PointsAccount_regionPath_prefix_idx" ON "PointsAccount"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PointsAccount_personId_townshipId_key" ON "PointsAccount"("personId", "townshipId");

-- CreateIndex
CREATE INDEX "PointsRule_regionPath_prefix_idx" ON "PointsRule"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PointsRule_townshipId_code_key" ON "PointsRule"("townshipId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_seq_key" ON "PointsEntry"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_reversesId_key" ON "PointsEntry"("reversesId");

-- CreateIndex
CREATE INDEX "PointsEntry_ruleId_accountId_createdAt_idx" ON "PointsEntry"("ruleId", "accountId", "createdAt");

-- CreateIndex
CREATE INDEX "PointsEntry_regionPath_prefix_idx" ON "PointsEntry"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_accountId_idempotencyKey_key" ON "PointsEntry"("accountId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "PointsStoreItem_townshipId_idx" ON "PointsStoreItem"("townshipId");

-- CreateIndex
CREATE INDEX "PointsStoreItem_regionPath_prefix_idx" ON "PointsStoreItem"("regionPath" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GridStaff" ADD CONSTRAINT "GridStaff_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentEntry" ADD CONSTRAINT "IncidentEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentDepartment" ADD CONSTRAINT "IncidentDepartment_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PointsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "PointsRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PointsStoreItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (modules/grid/foreign-keys.sql): foreign keys to core rows, which the module models
-- reference by plain id columns, and the ledger's invariants as CHECK constraints.
ALTER TABLE "Grid" ADD CONSTRAINT "Grid_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Household" ADD CONSTRAINT "Household_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Household" ADD CONSTRAINT "Household_headId_fkey" FOREIGN KEY ("headId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GridStaff" ADD CONSTRAINT "GridStaff_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GridStaff" ADD CONSTRAINT "GridStaff_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_workerPersonId_fkey" FOREIGN KEY ("workerPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_workerAccountId_fkey" FOREIGN KEY ("workerAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterAccountId_fkey" FOREIGN KEY ("reporterAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterPersonId_fkey" FOREIGN KEY ("reporterPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentEntry" ADD CONSTRAINT "IncidentEntry_actorAccountId_fkey" FOREIGN KEY ("actorAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IncidentEntry" ADD CONSTRAINT "IncidentEntry_actorOrgId_fkey" FOREIGN KEY ("actorOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IncidentEntry" ADD CONSTRAINT "IncidentEntry_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IncidentDepartment" ADD CONSTRAINT "IncidentDepartment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentDeadlinePolicy" ADD CONSTRAINT "IncidentDeadlinePolicy_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PointsRule" ADD CONSTRAINT "PointsRule_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_actorAccountId_fkey" FOREIGN KEY ("actorAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PointsStoreItem" ADD CONSTRAINT "PointsStoreItem_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- the ledger never lies: no negative balance or stock, entries carry their resulting balance
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_balance_nonnegative" CHECK ("balance" >= 0);
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_balanceAfter_nonnegative" CHECK ("balanceAfter" >= 0);
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_points_sign" CHECK (("kind" = 'EARN' AND "points" > 0) OR ("kind" IN ('REDEEM', 'EXPIRE') AND "points" < 0) OR ("kind" = 'REVERSE' AND "points" <> 0));
ALTER TABLE "PointsStoreItem" ADD CONSTRAINT "PointsStoreItem_stock_nonnegative" CHECK ("stock" >= 0);
ALTER TABLE "PointsStoreItem" ADD CONSTRAINT "PointsStoreItem_price_positive" CHECK ("price" > 0);
ALTER TABLE "PointsRule" ADD CONSTRAINT "PointsRule_points_positive" CHECK ("points" > 0);
