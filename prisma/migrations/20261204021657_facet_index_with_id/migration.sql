-- The facet index gains the id, so that without text the table's one statement
-- (lib/initiatives/search-initiatives.ts) reads the matched rows from it alone,
-- an index-only scan, instead of the wide rows (docs/adr/0010-one-read-engine.md).
-- DropIndex
DROP INDEX "Initiative_archivedAt_managementObjectiveId_mechanismIds_st_idx";

-- CreateIndex
CREATE INDEX "Initiative_archivedAt_managementObjectiveId_mechanismIds_st_idx" ON "Initiative"("archivedAt", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "id");
