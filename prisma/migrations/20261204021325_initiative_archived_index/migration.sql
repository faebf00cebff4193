-- The table's «N de M» total counts the current (or archived) initiatives: with
-- every NULL in one deduplicated entry this index is a tenth of the facet index,
-- so the count reads it instead (docs/adr/0010-one-read-engine.md).
CREATE INDEX "Initiative_archivedAt_idx" ON "Initiative"("archivedAt");
