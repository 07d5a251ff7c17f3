-- CreateIndex
CREATE INDEX "Wish_communityId_submittedAt_id_idx" ON "Wish"("communityId", "submittedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Wish_status_submittedAt_id_idx" ON "Wish"("status", "submittedAt" DESC, "id" DESC);


-- hand-written: the wish wall (公开心愿墙) lists published wishes newest first; a partial index holds only
-- those, so the wall reads its page in order whatever the number of closed wishes
CREATE INDEX "Wish_wall_idx" ON "Wish"("publishedAt" DESC, "id" DESC) WHERE "status" = 'PUBLISHED';
