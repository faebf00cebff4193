-- CreateIndex
CREATE INDEX "Initiative_archivedAt_managementObjectiveId_mechanismIds_idx" ON "Initiative"("archivedAt", "managementObjectiveId", "mechanismIds");
