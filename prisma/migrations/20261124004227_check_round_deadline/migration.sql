-- CreateIndex
CREATE INDEX "CheckRound_deadline_idx" ON "CheckRound"("deadline");
