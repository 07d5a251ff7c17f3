-- CreateEnum
CREATE TYPE "VolunteerTeamKind" AS ENUM ('PARTY_MEMBER', 'YOUTH', 'WOMEN', 'SAFETY_INSPECTION', 'OTHER');

-- CreateEnum
CREATE TYPE "VolunteerTeamRole" AS ENUM ('LEADER', 'MEMBER');

-- CreateEnum
CREATE TYPE "VolunteerActivityStatus" AS ENUM ('DRAFT', 'RECRUITING', 'ONGOING', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VolunteerActivityCategory" AS ENUM ('LIVING_ENVIRONMENT', 'DISABILITY_AID', 'LEGAL_PUBLICITY', 'HOME_VISIT', 'SAFETY_INSPECTION', 'ELDER_HELP', 'HEALTH_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "VolunteerEnrollmentStatus" AS ENUM ('SIGNED_UP', 'CANCELLED', 'CHECKED_IN', 'CHECKED_OUT', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "VolunteerRecordKind" AS ENUM ('SERVICE', 'TRAINING', 'AWARD');

-- CreateEnum
CREATE TYPE "VolunteerCorrectionStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "VolunteerServiceOrderStatus" AS ENUM ('DISPATCHED', 'ACCEPTED', 'COMPLETED');

-- CreateTable
CREATE TABLE "Volunteer" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "skills" TEXT[],
    "availability" TEXT,
    "recordConsentAt" TIMESTAMP(3) NOT NULL,
    "guardianName" TEXT,
    "guardianRelationship" TEXT,
    "guardianConsentAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "registeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Volunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerServiceCentre" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "openingHours" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerServiceCentre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerTeam" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VolunteerTeamKind" NOT NULL,
    "organizationId" TEXT,
    "description" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerTeamMember" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "VolunteerTeamRole" NOT NULL DEFAULT 'MEMBER',
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerActivity" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "teamId" TEXT,
    "organizationIds" TEXT[],
    "title" TEXT NOT NULL,
    "category" "VolunteerActivityCategory" NOT NULL,
    "place" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "enrolledCount" INTEGER NOT NULL DEFAULT 0,
    "status" "VolunteerActivityStatus" NOT NULL DEFAULT 'DRAFT',
    "risky" BOOLEAN NOT NULL DEFAULT false,
    "insurer" TEXT,
    "insurancePolicy" TEXT,
    "insuranceRecordedAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerEnrollment" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "status" "VolunteerEnrollmentStatus" NOT NULL DEFAULT 'SIGNED_UP',
    "signedUpAt" TIMESTAMP(3) NOT NULL,
    "signedUpById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "checkInAt" TIMESTAMP(3),
    "checkOutAt" TIMESTAMP(3),
    "checkInById" TEXT,
    "checkOutById" TEXT,

    CONSTRAINT "VolunteerEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerServiceRecord" (
    "id" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "VolunteerRecordKind" NOT NULL DEFAULT 'SERVICE',
    "activityId" TEXT,
    "enrollmentId" TEXT,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "place" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "hours" DECIMAL(7,2) NOT NULL,
    "organizationName" TEXT NOT NULL,
    "confirmedById" TEXT,
    "confirmedByName" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerServiceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerServiceRecordVersion" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "hours" DECIMAL(7,2) NOT NULL,
    "content" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "changedById" TEXT,
    "changedByName" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerServiceRecordVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerCorrectionRequest" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedHours" DECIMAL(7,2),
    "status" "VolunteerCorrectionStatus" NOT NULL DEFAULT 'OPEN',
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "resultVersion" INTEGER,

    CONSTRAINT "VolunteerCorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerCertificate" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "periodFrom" TIMESTAMP(3) NOT NULL,
    "periodTo" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "issuedById" TEXT,
    "issuerName" TEXT NOT NULL,
    "maskedName" TEXT NOT NULL,
    "totalHours" DECIMAL(9,2) NOT NULL,
    "recordCount" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "VolunteerCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerServiceOrder" (
    "id" TEXT NOT NULL,
    "townshipId" TEXT NOT NULL,
    "communityId" TEXT,
    "regionPath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueAt" TIMESTAMP(3),
    "status" "VolunteerServiceOrderStatus" NOT NULL DEFAULT 'DISPATCHED',
    "assigneeOrganizationId" TEXT,
    "teamId" TEXT,
    "assignedPersonIds" TEXT[],
    "dispatchedById" TEXT,
    "dispatchedAt" TIMESTAMP(3) NOT NULL,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "completedAt" TIMESTAMP(3),
    "result" TEXT,
    "householdsVisited" INTEGER NOT NULL DEFAULT 0,
    "suggestions" INTEGER NOT NULL DEFAULT 0,
    "disputesResolved" INTEGER NOT NULL DEFAULT 0,
    "mattersDone" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VolunteerServiceOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Volunteer_personId_key" ON "Volunteer"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Volunteer_seq_key" ON "Volunteer"("seq");

-- CreateIndex
CREATE INDEX "Volunteer_communityId_idx" ON "Volunteer"("communityId");

-- CreateIndex
CREATE INDEX "Volunteer_regionPath_prefix_idx" ON "Volunteer"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerServiceCentre_communityId_key" ON "VolunteerServiceCentre"("communityId");

-- CreateIndex
CREATE INDEX "VolunteerServiceCentre_regionPath_prefix_idx" ON "VolunteerServiceCentre"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "VolunteerTeam_regionPath_prefix_idx" ON "VolunteerTeam"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerTeam_regionId_name_key" ON "VolunteerTeam"("regionId", "name");

-- CreateIndex
CREATE INDEX "VolunteerTeamMember_volunteerId_idx" ON "VolunteerTeamMember"("volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerTeamMember_personId_role_idx" ON "VolunteerTeamMember"("personId", "role");

-- CreateIndex
CREATE INDEX "VolunteerTeamMember_regionPath_prefix_idx" ON "VolunteerTeamMember"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerTeamMember_teamId_volunteerId_key" ON "VolunteerTeamMember"("teamId", "volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerActivity_status_startsAt_idx" ON "VolunteerActivity"("status", "startsAt");

-- CreateIndex
CREATE INDEX "VolunteerActivity_startsAt_idx" ON "VolunteerActivity"("startsAt");

-- CreateIndex
CREATE INDEX "VolunteerActivity_teamId_idx" ON "VolunteerActivity"("teamId");

-- CreateIndex
CREATE INDEX "VolunteerActivity_regionPath_prefix_idx" ON "VolunteerActivity"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "VolunteerEnrollment_volunteerId_idx" ON "VolunteerEnrollment"("volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerEnrollment_personId_idx" ON "VolunteerEnrollment"("personId");

-- CreateIndex
CREATE INDEX "VolunteerEnrollment_regionPath_prefix_idx" ON "VolunteerEnrollment"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerEnrollment_activityId_volunteerId_key" ON "VolunteerEnrollment"("activityId", "volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerServiceRecord_enrollmentId_key" ON "VolunteerServiceRecord"("enrollmentId");

-- CreateIndex
CREATE INDEX "VolunteerServiceRecord_volunteerId_kind_startsAt_idx" ON "VolunteerServiceRecord"("volunteerId", "kind", "startsAt");

-- CreateIndex
CREATE INDEX "VolunteerServiceRecord_startsAt_idx" ON "VolunteerServiceRecord"("startsAt");

-- CreateIndex
CREATE INDEX "VolunteerServiceRecord_activityId_idx" ON "VolunteerServiceRecord"("activityId");

-- CreateIndex
CREATE INDEX "VolunteerServiceRecord_regionPath_prefix_idx" ON "VolunteerServiceRecord"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "VolunteerServiceRecordVersion_regionPath_prefix_idx" ON "VolunteerServiceRecordVersion"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerServiceRecordVersion_recordId_version_key" ON "VolunteerServiceRecordVersion"("recordId", "version");

-- CreateIndex
CREATE INDEX "VolunteerCorrectionRequest_recordId_idx" ON "VolunteerCorrectionRequest"("recordId");

-- CreateIndex
CREATE INDEX "VolunteerCorrectionRequest_status_idx" ON "VolunteerCorrectionRequest"("status");

-- CreateIndex
CREATE INDEX "VolunteerCorrectionRequest_regionPath_prefix_idx" ON "VolunteerCorrectionRequest"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerCertificate_serial_key" ON "VolunteerCertificate"("serial");

-- CreateIndex
CREATE INDEX "VolunteerCertificate_volunteerId_idx" ON "VolunteerCertificate"("volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerCertificate_regionPath_prefix_idx" ON "VolunteerCertificate"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "VolunteerServiceOrder_status_idx" ON "VolunteerServiceOrder"("status");

-- CreateIndex
CREATE INDEX "VolunteerServiceOrder_completedAt_idx" ON "VolunteerServiceOrder"("completedAt");

-- CreateIndex
CREATE INDEX "VolunteerServiceOrder_assigneeOrganizationId_idx" ON "VolunteerServiceOrder"("assigneeOrganizationId");

-- CreateIndex
CREATE INDEX "VolunteerServiceOrder_regionPath_prefix_idx" ON "VolunteerServiceOrder"("regionPath" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "VolunteerTeamMember" ADD CONSTRAINT "VolunteerTeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerTeamMember" ADD CONSTRAINT "VolunteerTeamMember_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerActivity" ADD CONSTRAINT "VolunteerActivity_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerEnrollment" ADD CONSTRAINT "VolunteerEnrollment_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "VolunteerActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerEnrollment" ADD CONSTRAINT "VolunteerEnrollment_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerServiceRecord" ADD CONSTRAINT "VolunteerServiceRecord_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerServiceRecord" ADD CONSTRAINT "VolunteerServiceRecord_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "VolunteerActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerServiceRecord" ADD CONSTRAINT "VolunteerServiceRecord_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "VolunteerEnrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerServiceRecordVersion" ADD CONSTRAINT "VolunteerServiceRecordVersion_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "VolunteerServiceRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerCorrectionRequest" ADD CONSTRAINT "VolunteerCorrectionRequest_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "VolunteerServiceRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerCertificate" ADD CONSTRAINT "VolunteerCertificate_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerServiceOrder" ADD CONSTRAINT "VolunteerServiceOrder_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: foreign keys to core rows (module models keep plain id columns; see the module brief)
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerServiceCentre" ADD CONSTRAINT "VolunteerServiceCentre_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerTeam" ADD CONSTRAINT "VolunteerTeam_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerTeam" ADD CONSTRAINT "VolunteerTeam_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VolunteerTeamMember" ADD CONSTRAINT "VolunteerTeamMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerActivity" ADD CONSTRAINT "VolunteerActivity_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerEnrollment" ADD CONSTRAINT "VolunteerEnrollment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerServiceRecord" ADD CONSTRAINT "VolunteerServiceRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerServiceRecord" ADD CONSTRAINT "VolunteerServiceRecord_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerCorrectionRequest" ADD CONSTRAINT "VolunteerCorrectionRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerCertificate" ADD CONSTRAINT "VolunteerCertificate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerServiceOrder" ADD CONSTRAINT "VolunteerServiceOrder_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerServiceOrder" ADD CONSTRAINT "VolunteerServiceOrder_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VolunteerServiceOrder" ADD CONSTRAINT "VolunteerServiceOrder_assigneeOrganizationId_fkey" FOREIGN KEY ("assigneeOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Capacity and counters can never go wrong silently
ALTER TABLE "VolunteerActivity" ADD CONSTRAINT "VolunteerActivity_capacity_check" CHECK ("enrolledCount" >= 0 AND "enrolledCount" <= "capacity" AND "capacity" > 0);
ALTER TABLE "VolunteerServiceRecord" ADD CONSTRAINT "VolunteerServiceRecord_hours_check" CHECK ("hours" >= 0);
ALTER TABLE "VolunteerServiceOrder" ADD CONSTRAINT "VolunteerServiceOrder_counts_check" CHECK ("householdsVisited" >= 0 AND "suggestions" >= 0 AND "disputesResolved" >= 0 AND "mattersDone" >= 0);

-- 志愿服务证明 never changes after issue; record versions are append-only
CREATE FUNCTION "volunteering_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER "VolunteerCertificate_immutable" BEFORE UPDATE OR DELETE ON "VolunteerCertificate"
  FOR EACH ROW EXECUTE FUNCTION "volunteering_refuse_change"();
CREATE TRIGGER "VolunteerServiceRecordVersion_immutable" BEFORE UPDATE OR DELETE ON "VolunteerServiceRecordVersion"
  FOR EACH ROW EXECUTE FUNCTION "volunteering_refuse_change"();
