-- DropIndex
DROP INDEX "Initiative_archivedAt_managementObjectiveId_mechanismIds_idx";

-- CreateIndex
CREATE INDEX "Initiative_archivedAt_managementObjectiveId_mechanismIds_st_idx" ON "Initiative"("archivedAt", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId");
