-- CreateEnum
CREATE TYPE "ConsultationVenueKind" AS ENUM ('OPEN_AIR', 'TEA_HOUSE', 'HALL', 'ONLINE');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('PLANNED', 'HELD', 'FOLLOWED_UP', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ConsultationParticipantRole" AS ENUM ('SOCIAL_ORGANIZATION', 'SOCIAL_WORKER', 'VOLUNTEER', 'CHARITY', 'STAKEHOLDER', 'RESIDENT', 'PARTY_MEMBER');

-- CreateEnum
CREATE TYPE "ConsultationOutcomeStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "MediationCategory" AS ENUM ('NEIGHBOUR', 'FAMILY', 'PROPERTY', 'LAND', 'LABOUR', 'OTHER');

-- CreateEnum
CREATE TYPE "MediationStatus" AS ENUM ('ACCEPTED', 'MEDIATING', 'AGREED', 'FAILED', 'REFERRED', 'FOLLOWED_UP');

-- CreateEnum
CREATE TYPE "MediationReferral" AS ENUM ('JUDICIAL_MEDIATION', 'ARBITRATION', 'COURT');

-- CreateEnum
CREATE TYPE "VillageDecisionStatus" AS ENUM ('PROPOSED', 'DISCUSSED', 'REVIEWED', 'RESOLVED', 'RESOLUTION_PUBLISHED', 'RESULT_PUBLISHED', 'REJECTED');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('RESOLUTION', 'IMPLEMENTATION_RESULT', 'VILLAGE_FINANCES', 'PROJECT', 'OTHER');

-- CreateTable
CREATE TABLE "ConsultationVenue" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ConsultationVenueKind" NOT NULL,
    "description" TEXT,
    "schedule" TEXT,
    "hostOrganizationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationVenue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "heldAt" TIMESTAMP(3),
    "convenorPartyOrgId" TEXT,
    "agenda" TEXT[],
    "minutes" TEXT,
    "cancelReason" TEXT,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationParticipant" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "role" "ConsultationParticipantRole" NOT NULL,
    "count" INTEGER NOT NULL,
    "organizationId" TEXT,

    CONSTRAINT "ConsultationParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationOutcome" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "consultationId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" DATE,
    "status" "ConsultationOutcomeStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "linkedRecordId" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConsultationOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationTeamMember" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "teamName" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationCase" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "venueId" TEXT,
    "category" "MediationCategory" NOT NULL,
    "facts" TEXT NOT NULL,
    "status" "MediationStatus" NOT NULL DEFAULT 'ACCEPTED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" TIMESTAMP(3) NOT NULL,
    "mediationAt" TIMESTAMP(3),
    "agreementTerms" TEXT,
    "agreedOn" DATE,
    "failedAt" TIMESTAMP(3),
    "failureReason" TEXT,
    "referredTo" "MediationReferral",
    "referredWhere" TEXT,
    "referredAt" TIMESTAMP(3),
    "followedUpAt" TIMESTAMP(3),
    "agreementKept" BOOLEAN,
    "followUpNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "personId" TEXT,
    "name" TEXT,
    "phone" TEXT,

    CONSTRAINT "MediationParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationMediator" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "MediationMediator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VillageDecision" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "partyOrgId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "questionsAnswered" INTEGER NOT NULL DEFAULT 0,
    "status" "VillageDecisionStatus" NOT NULL DEFAULT 'PROPOSED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "rejectedReason" TEXT,
    "revisions" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VillageDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VillageDecisionStep" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "decisionId" TEXT NOT NULL,
    "toStatus" "VillageDecisionStatus" NOT NULL,
    "meetingKind" TEXT,
    "heldOn" DATE NOT NULL,
    "members" INTEGER,
    "present" INTEGER,
    "households" INTEGER,
    "householdsRepresented" INTEGER,
    "votesFor" INTEGER,
    "votesAgainst" INTEGER,
    "abstentions" INTEGER,
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VillageDecisionStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeBoardItem" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "decisionId" TEXT,
    "postedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeBoardItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeObjection" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "personId" TEXT,
    "content" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticeObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsultationVenue_regionPath_prefix_idx" ON "ConsultationVenue"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationVenue_communityId_name_key" ON "ConsultationVenue"("communityId", "name");

-- CreateIndex
CREATE INDEX "Consultation_venueId_idx" ON "Consultation"("venueId");

-- CreateIndex
CREATE INDEX "Consultation_regionPath_prefix_idx" ON "Consultation"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Consultation_scheduledAt_idx" ON "Consultation"("scheduledAt");

-- CreateIndex
CREATE INDEX "ConsultationParticipant_consultationId_idx" ON "ConsultationParticipant"("consultationId");

-- CreateIndex
CREATE INDEX "ConsultationOutcome_consultationId_idx" ON "ConsultationOutcome"("consultationId");

-- CreateIndex
CREATE INDEX "ConsultationOutcome_regionPath_prefix_idx" ON "ConsultationOutcome"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "ConsultationOutcome_doneAt_idx" ON "ConsultationOutcome"("doneAt");

-- CreateIndex
CREATE INDEX "MediationTeamMember_personId_idx" ON "MediationTeamMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationTeamMember_communityId_personId_key" ON "MediationTeamMember"("communityId", "personId");

-- CreateIndex
CREATE INDEX "MediationCase_regionPath_prefix_idx" ON "MediationCase"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "MediationCase_acceptedAt_idx" ON "MediationCase"("acceptedAt");

-- CreateIndex
CREATE INDEX "MediationParty_caseId_idx" ON "MediationParty"("caseId");

-- CreateIndex
CREATE INDEX "MediationParty_personId_idx" ON "MediationParty"("personId");

-- CreateIndex
CREATE INDEX "MediationMediator_personId_idx" ON "MediationMediator"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationMediator_caseId_personId_key" ON "MediationMediator"("caseId", "personId");

-- CreateIndex
CREATE INDEX "VillageDecision_regionPath_prefix_idx" ON "VillageDecision"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "VillageDecision_proposedAt_idx" ON "VillageDecision"("proposedAt");

-- CreateIndex
CREATE INDEX "VillageDecisionStep_decisionId_seq_idx" ON "VillageDecisionStep"("decisionId", "seq");

-- CreateIndex
CREATE INDEX "NoticeBoardItem_regionPath_prefix_idx" ON "NoticeBoardItem"("regionPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "NoticeBoardItem_communityId_postedAt_idx" ON "NoticeBoardItem"("communityId", "postedAt");

-- CreateIndex
CREATE INDEX "NoticeBoardItem_decisionId_idx" ON "NoticeBoardItem"("decisionId");

-- CreateIndex
CREATE INDEX "NoticeObjection_noticeId_idx" ON "NoticeObjection"("noticeId");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "ConsultationVenue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationParticipant" ADD CONSTRAINT "ConsultationParticipant_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationOutcome" ADD CONSTRAINT "ConsultationOutcome_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationMediator" ADD CONSTRAINT "MediationMediator_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillageDecisionStep" ADD CONSTRAINT "VillageDecisionStep_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "VillageDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeBoardItem" ADD CONSTRAINT "NoticeBoardItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "VillageDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeObjection" ADD CONSTRAINT "NoticeObjection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "NoticeBoardItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written foreign keys to core tables (module models keep plain id columns, see the module README).
-- Appended to the generated migration: keep in sync with prisma/schema/consultation.prisma. The party
-- organisation ids (party-building's table) are checked through party-building's index.ts, not by a key.
ALTER TABLE "ConsultationVenue" ADD CONSTRAINT "ConsultationVenue_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsultationVenue" ADD CONSTRAINT "ConsultationVenue_hostOrganizationId_fkey" FOREIGN KEY ("hostOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsultationParticipant" ADD CONSTRAINT "ConsultationParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MediationTeamMember" ADD CONSTRAINT "MediationTeamMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MediationTeamMember" ADD CONSTRAINT "MediationTeamMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "ConsultationVenue"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MediationMediator" ADD CONSTRAINT "MediationMediator_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VillageDecision" ADD CONSTRAINT "VillageDecision_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VillageDecisionStep" ADD CONSTRAINT "VillageDecisionStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NoticeBoardItem" ADD CONSTRAINT "NoticeBoardItem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NoticeBoardItem" ADD CONSTRAINT "NoticeBoardItem_postedById_fkey" FOREIGN KEY ("postedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NoticeObjection" ADD CONSTRAINT "NoticeObjection_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- a party is a core person or a named outside party
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_person_or_name" CHECK ("personId" IS NOT NULL OR "name" IS NOT NULL);
