-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "module" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "regionPath" TEXT NOT NULL,
    "eventSeq" BIGINT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_eventSeq_idx" ON "Notification"("recipientId", "createdAt" DESC, "eventSeq" DESC);

-- CreateIndex
CREATE INDEX "Notification_eventSeq_idx" ON "Notification"("eventSeq");


-- hand-written: an inbox belongs to an account (accounts are disabled, never deleted)
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey"
  FOREIGN KEY ("recipientId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- hand-written: 实时推送 fan-out. Every committed DomainEvent is announced on channel `domain_event` with its
-- seq only (NOTIFY's payload limit is 8 KB; listeners read the row by seq). pg_notify is transactional: a
-- rolled-back write announces nothing, a committed one is delivered to every listening instance.
CREATE FUNCTION "notify_domain_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('domain_event', NEW."seq"::text);
  RETURN NEW;
END
$$;
CREATE TRIGGER "DomainEvent_notify" AFTER INSERT ON "DomainEvent"
  FOR EACH ROW EXECUTE FUNCTION "notify_domain_event"();
