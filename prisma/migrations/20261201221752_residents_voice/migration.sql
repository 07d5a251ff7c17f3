-- CreateEnum
CREATE TYPE "IncidentChannel" AS ENUM ('GRID', 'RESIDENT', 'OPEN311');

-- CreateEnum
CREATE TYPE "SatisfactionSource" AS ENUM ('RESIDENT', 'WORKER');

-- AlterEnum
ALTER TYPE "DepartmentRole" ADD VALUE 'RETURNED';

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "channel" "IncidentChannel" NOT NULL DEFAULT 'GRID',
ADD COLUMN     "hideReporter" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "satisfactionSource" "SatisfactionSource",
ALTER COLUMN "gridId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "IncidentDepartment" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IncidentRating" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "raterAccountId" TEXT NOT NULL,
    "satisfaction" "IncidentSatisfaction" NOT NULL,
    "reopened" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentReport" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "category" "IncidentCategory" NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "incidentId" TEXT,
    "routedTo" TEXT,
    "recordId" TEXT,

    CONSTRAINT "ResidentReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentRating_regionPath_prefix_idx" ON "IncidentRating"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRating_incidentId_round_key" ON "IncidentRating"("incidentId", "round");

-- CreateIndex
CREATE INDEX "ResidentReport_accountId_reportedAt_idx" ON "ResidentReport"("accountId", "reportedAt");

-- CreateIndex
CREATE INDEX "ResidentReport_regionPath_prefix_idx" ON "ResidentReport"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Incident_reporterAccountId_channel_reportedAt_idx" ON "Incident"("reporterAccountId", "channel", "reportedAt");

-- AddForeignKey
ALTER TABLE "IncidentRating" ADD CONSTRAINT "IncidentRating_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Foreign keys to core tables and to incidents (by hand, like the wishes migration)
ALTER TABLE "IncidentRating" ADD CONSTRAINT "IncidentRating_raterAccountId_fkey" FOREIGN KEY ("raterAccountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ResidentReport" ADD CONSTRAINT "ResidentReport_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ResidentReport" ADD CONSTRAINT "ResidentReport_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Open311 API keys (core): only the SHA-256 of a key is stored
-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_idx" ON "ApiKey"("accountId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

