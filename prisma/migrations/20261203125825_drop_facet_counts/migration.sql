-- The table's facet counts come from the one statement over the matched rows
-- (lib/initiatives/search-initiatives.ts); nothing reads these counts any more,
-- so every write stops paying for them (docs/adr/0013-facet-counts.md).
DROP TRIGGER "Initiative_facet_count_insert" ON "Initiative";
DROP TRIGGER "Initiative_facet_count_delete" ON "Initiative";
DROP TRIGGER "Initiative_facet_count_update" ON "Initiative";
DROP TRIGGER "Initiative_facet_count_truncate" ON "Initiative";
DROP FUNCTION "initiative_facet_count_insert"();
DROP FUNCTION "initiative_facet_count_delete"();
DROP FUNCTION "initiative_facet_count_update"();
DROP FUNCTION "initiative_facet_count_truncate"();
DROP FUNCTION "initiative_facet_count_fold"(bigint);

-- DropTable
DROP TABLE "InitiativeFacetCount";
