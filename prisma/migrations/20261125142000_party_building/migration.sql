-- CreateEnum
CREATE TYPE "PartyOrganizationKind" AS ENUM ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'JOINT_BRANCH', 'GROUP');

-- CreateEnum
CREATE TYPE "MembershipStage" AS ENUM ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL');

-- CreateEnum
CREATE TYPE "PartyMembershipStatus" AS ENUM ('ACTIVE', 'TRANSFERRED_OUT', 'CANCELLED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DevelopmentStepKind" AS ENUM ('TALK', 'ASSESSMENT', 'POLITICAL_REVIEW', 'TRAINING', 'PUBLIC_NOTICE');

-- CreateEnum
CREATE TYPE "StageDecisionAction" AS ENUM ('APPLIED', 'ADVANCED', 'APPROVED', 'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'TRANSFERRED_IN');

-- CreateEnum
CREATE TYPE "PartyCommitteeRole" AS ENUM ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE', 'MEMBER');

-- CreateEnum
CREATE TYPE "PartyMeetingKind" AS ENUM ('MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_DAY', 'ORGANIZATIONAL_LIFE_MEETING', 'DEMOCRATIC_REVIEW');

-- CreateEnum
CREATE TYPE "PartyAttendanceStatus" AS ENUM ('PRESENT', 'EXCUSED', 'ABSENT');

-- CreateEnum
CREATE TYPE "PartyDuesCategory" AS ENUM ('SALARIED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'LOW_INCOME', 'FARMER');

-- CreateEnum
CREATE TYPE "PartyRequestStatus" AS ENUM ('OPEN', 'ANSWERED');

-- CreateEnum
CREATE TYPE "PropertyClauseStatus" AS ENUM ('PENDING', 'FULFILLED', 'NOT_FULFILLED');

-- CreateEnum
CREATE TYPE "ImprovementCategory" AS ENUM ('GREENING', 'ROAD', 'PARKING', 'FACILITIES', 'ELEVATOR', 'OTHER');

-- CreateEnum
CREATE TYPE "ImprovementStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED');

-- CreateTable
CREATE TABLE "PartyOrganization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartyOrganizationKind" NOT NULL,
    "parentId" TEXT,
    "treePath" TEXT NOT NULL,
    "organizationId" TEXT,
    "unitIds" TEXT[],
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "regionLevel" TEXT NOT NULL,
    "residentialComplex" TEXT,
    "foundedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMembership" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "groupId" TEXT,
    "regionPath" TEXT NOT NULL,
    "treePath" TEXT NOT NULL,
    "stage" "MembershipStage" NOT NULL,
    "status" "PartyMembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "appliedAt" DATE NOT NULL,
    "activistAt" DATE,
    "candidateAt" DATE,
    "admittedAt" DATE,
    "approvedAt" DATE,
    "probationEndsAt" DATE,
    "probationExtendedMonths" INTEGER,
    "fullAt" DATE,
    "endedAt" DATE,
    "endNote" TEXT,
    "contactIds" TEXT[],
    "introducerIds" TEXT[],
    "duesCategory" "PartyDuesCategory",
    "incomeBaseFen" INTEGER,
    "monthlyDuesFen" INTEGER,
    "duesFromMonth" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartyMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyDevelopmentStep" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "kind" "DevelopmentStepKind" NOT NULL,
    "at" DATE NOT NULL,
    "stage" "MembershipStage" NOT NULL,
    "hours" DOUBLE PRECISION,
    "note" TEXT,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyDevelopmentStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyStageDecision" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "action" "StageDecisionAction" NOT NULL,
    "fromStage" "MembershipStage",
    "toStage" "MembershipStage" NOT NULL,
    "decidedAt" DATE NOT NULL,
    "meetingId" TEXT,
    "note" TEXT,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyStageDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMembershipTransfer" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "fromOrganizationId" TEXT,
    "toOrganizationId" TEXT,
    "destination" TEXT,
    "at" DATE NOT NULL,
    "note" TEXT,
    "regionPath" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyMembershipTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyCommitteeMember" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "PartyCommitteeRole" NOT NULL,
    "electedAt" DATE NOT NULL,
    "termEndsAt" DATE NOT NULL,
    "meetingId" TEXT,
    "endedAt" TIMESTAMP(3),
    "regionPath" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyCommitteeMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMeeting" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "PartyMeetingKind" NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "hostId" TEXT,
    "minutes" TEXT,
    "decision" TEXT,
    "votingMembers" INTEGER,
    "votingPresent" INTEGER,
    "quorumMet" BOOLEAN,
    "agreementId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMeetingHost" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "PartyMeetingKind" NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "primary" BOOLEAN NOT NULL,

    CONSTRAINT "PartyMeetingHost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMeetingAttendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "membershipId" TEXT,
    "organizationId" TEXT,
    "status" "PartyAttendanceStatus" NOT NULL,
    "regionPath" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartyMeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyDuesPayment" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "batchId" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyDuesPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyCoBuildingAgreement" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partyIds" TEXT[],
    "regionPath" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "activities" TEXT[],
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyCoBuildingAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyResidentRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "residentId" TEXT,
    "content" TEXT NOT NULL,
    "channel" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "status" "PartyRequestStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyResidentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyPropertyClause" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "propertyCompanyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT,
    "addedOn" DATE NOT NULL,
    "status" "PropertyClauseStatus" NOT NULL DEFAULT 'PENDING',
    "lastCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyPropertyClause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyPropertyClauseCheck" (
    "id" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "fulfilled" BOOLEAN NOT NULL,
    "note" TEXT,
    "regionPath" TEXT NOT NULL,
    "checkedById" TEXT,

    CONSTRAINT "PartyPropertyClauseCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyImprovementProject" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "ImprovementCategory" NOT NULL,
    "status" "ImprovementStatus" NOT NULL DEFAULT 'PLANNED',
    "investmentFen" INTEGER,
    "greeningSquareMetres" DOUBLE PRECISION,
    "roadMetres" INTEGER,
    "parkingSpaces" INTEGER,
    "facilitiesRepaired" INTEGER,
    "startedOn" DATE,
    "completedOn" DATE,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartyImprovementProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyServiceRecord" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "title" TEXT,
    "hours" DOUBLE PRECISION,
    "regionPath" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartyServiceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartyOrganization_treePath_key" ON "PartyOrganization"("treePath");

-- CreateIndex
CREATE INDEX "PartyOrganization_parentId_idx" ON "PartyOrganization"("parentId");

-- CreateIndex
CREATE INDEX "PartyOrganization_organizationId_idx" ON "PartyOrganization"("organizationId");

-- CreateIndex
CREATE INDEX "PartyOrganization_kind_idx" ON "PartyOrganization"("kind");

-- CreateIndex
CREATE INDEX "PartyOrganization_regionPath_prefix_idx" ON "PartyOrganization"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyOrganization_treePath_prefix_idx" ON "PartyOrganization"("treePath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PartyOrganization_regionId_name_key" ON "PartyOrganization"("regionId", "name");

-- CreateIndex
CREATE INDEX "PartyMembership_personId_idx" ON "PartyMembership"("personId");

-- CreateIndex
CREATE INDEX "PartyMembership_organizationId_status_stage_idx" ON "PartyMembership"("organizationId", "status", "stage");

-- CreateIndex
CREATE INDEX "PartyMembership_groupId_idx" ON "PartyMembership"("groupId");

-- CreateIndex
CREATE INDEX "PartyMembership_regionPath_prefix_idx" ON "PartyMembership"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyMembership_treePath_prefix_idx" ON "PartyMembership"("treePath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyDevelopmentStep_membershipId_kind_idx" ON "PartyDevelopmentStep"("membershipId", "kind");

-- CreateIndex
CREATE INDEX "PartyDevelopmentStep_regionPath_prefix_idx" ON "PartyDevelopmentStep"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyStageDecision_membershipId_idx" ON "PartyStageDecision"("membershipId");

-- CreateIndex
CREATE INDEX "PartyStageDecision_regionPath_prefix_idx" ON "PartyStageDecision"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyMembershipTransfer_membershipId_idx" ON "PartyMembershipTransfer"("membershipId");

-- CreateIndex
CREATE INDEX "PartyMembershipTransfer_regionPath_prefix_idx" ON "PartyMembershipTransfer"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyCommitteeMember_organizationId_endedAt_idx" ON "PartyCommitteeMember"("organizationId", "endedAt");

-- CreateIndex
CREATE INDEX "PartyCommitteeMember_personId_endedAt_idx" ON "PartyCommitteeMember"("personId", "endedAt");

-- CreateIndex
CREATE INDEX "PartyMeeting_organizationId_heldAt_idx" ON "PartyMeeting"("organizationId", "heldAt");

-- CreateIndex
CREATE INDEX "PartyMeeting_agreementId_idx" ON "PartyMeeting"("agreementId");

-- CreateIndex
CREATE INDEX "PartyMeeting_regionPath_prefix_idx" ON "PartyMeeting"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyMeetingHost_organizationId_kind_heldAt_idx" ON "PartyMeetingHost"("organizationId", "kind", "heldAt");

-- CreateIndex
CREATE INDEX "PartyMeetingHost_regionPath_prefix_idx" ON "PartyMeetingHost"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PartyMeetingHost_meetingId_organizationId_key" ON "PartyMeetingHost"("meetingId", "organizationId");

-- CreateIndex
CREATE INDEX "PartyMeetingAttendance_organizationId_heldAt_idx" ON "PartyMeetingAttendance"("organizationId", "heldAt");

-- CreateIndex
CREATE INDEX "PartyMeetingAttendance_regionPath_prefix_idx" ON "PartyMeetingAttendance"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PartyMeetingAttendance_meetingId_personId_key" ON "PartyMeetingAttendance"("meetingId", "personId");

-- CreateIndex
CREATE INDEX "PartyDuesPayment_organizationId_month_idx" ON "PartyDuesPayment"("organizationId", "month");

-- CreateIndex
CREATE INDEX "PartyDuesPayment_regionPath_prefix_idx" ON "PartyDuesPayment"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PartyDuesPayment_membershipId_month_key" ON "PartyDuesPayment"("membershipId", "month");

-- CreateIndex
CREATE INDEX "PartyCoBuildingAgreement_regionPath_prefix_idx" ON "PartyCoBuildingAgreement"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyResidentRequest_organizationId_status_idx" ON "PartyResidentRequest"("organizationId", "status");

-- CreateIndex
CREATE INDEX "PartyResidentRequest_regionPath_prefix_idx" ON "PartyResidentRequest"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyPropertyClause_organizationId_idx" ON "PartyPropertyClause"("organizationId");

-- CreateIndex
CREATE INDEX "PartyPropertyClause_regionPath_prefix_idx" ON "PartyPropertyClause"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyPropertyClauseCheck_clauseId_checkedAt_idx" ON "PartyPropertyClauseCheck"("clauseId", "checkedAt");

-- CreateIndex
CREATE INDEX "PartyImprovementProject_organizationId_idx" ON "PartyImprovementProject"("organizationId");

-- CreateIndex
CREATE INDEX "PartyImprovementProject_regionPath_prefix_idx" ON "PartyImprovementProject"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "PartyServiceRecord_personId_idx" ON "PartyServiceRecord"("personId");

-- CreateIndex
CREATE INDEX "PartyServiceRecord_regionPath_prefix_idx" ON "PartyServiceRecord"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "PartyServiceRecord_source_sourceId_key" ON "PartyServiceRecord"("source", "sourceId");

-- AddForeignKey
ALTER TABLE "PartyOrganization" ADD CONSTRAINT "PartyOrganization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMembership" ADD CONSTRAINT "PartyMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMembership" ADD CONSTRAINT "PartyMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PartyOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyDevelopmentStep" ADD CONSTRAINT "PartyDevelopmentStep_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "PartyMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyStageDecision" ADD CONSTRAINT "PartyStageDecision_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "PartyMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMembershipTransfer" ADD CONSTRAINT "PartyMembershipTransfer_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "PartyMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyCommitteeMember" ADD CONSTRAINT "PartyCommitteeMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMeeting" ADD CONSTRAINT "PartyMeeting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMeetingHost" ADD CONSTRAINT "PartyMeetingHost_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PartyMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMeetingHost" ADD CONSTRAINT "PartyMeetingHost_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMeetingAttendance" ADD CONSTRAINT "PartyMeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PartyMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyDuesPayment" ADD CONSTRAINT "PartyDuesPayment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "PartyMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyResidentRequest" ADD CONSTRAINT "PartyResidentRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPropertyClause" ADD CONSTRAINT "PartyPropertyClause_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPropertyClauseCheck" ADD CONSTRAINT "PartyPropertyClauseCheck_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "PartyPropertyClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyImprovementProject" ADD CONSTRAINT "PartyImprovementProject_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written SQL appended to the generated migration (modules/party-building/gen-migration.sh):
-- foreign keys to core tables (module models keep plain id columns) and rules the schema language
-- cannot state. Keep in sync with prisma/schema/party-building.prisma.
ALTER TABLE "PartyOrganization" ADD CONSTRAINT "PartyOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartyOrganization" ADD CONSTRAINT "PartyOrganization_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartyMembership" ADD CONSTRAINT "PartyMembership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartyCommitteeMember" ADD CONSTRAINT "PartyCommitteeMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartyMeeting" ADD CONSTRAINT "PartyMeeting_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PartyMeeting" ADD CONSTRAINT "PartyMeeting_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "PartyCoBuildingAgreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PartyMeetingAttendance" ADD CONSTRAINT "PartyMeetingAttendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartyResidentRequest" ADD CONSTRAINT "PartyResidentRequest_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PartyPropertyClause" ADD CONSTRAINT "PartyPropertyClause_propertyCompanyId_fkey" FOREIGN KEY ("propertyCompanyId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartyServiceRecord" ADD CONSTRAINT "PartyServiceRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- a person is in one party organisation at a time: one active membership per person
CREATE UNIQUE INDEX "PartyMembership_one_active_per_person" ON "PartyMembership"("personId") WHERE "status" = 'ACTIVE';
-- one current committee seat per person and organisation
CREATE UNIQUE INDEX "PartyCommitteeMember_one_current_seat" ON "PartyCommitteeMember"("organizationId", "personId") WHERE "endedAt" IS NULL;
ALTER TABLE "PartyDuesPayment" ADD CONSTRAINT "PartyDuesPayment_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "PartyDuesPayment" ADD CONSTRAINT "PartyDuesPayment_month_format" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "PartyImprovementProject" ADD CONSTRAINT "PartyImprovementProject_outputs_nonnegative" CHECK (COALESCE("investmentFen", 0) >= 0 AND COALESCE("greeningSquareMetres", 0) >= 0 AND COALESCE("roadMetres", 0) >= 0 AND COALESCE("parkingSpaces", 0) >= 0 AND COALESCE("facilitiesRepaired", 0) >= 0);
