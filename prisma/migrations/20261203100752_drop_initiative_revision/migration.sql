-- One read engine (ADR 0010): the in-memory search index is gone, and with it the revision that validated it.
DROP TRIGGER "Initiative_revision" ON "Initiative";
DROP TRIGGER "Initiative_revision_truncate" ON "Initiative";
DROP FUNCTION "initiative_revision_bump"();

-- DropTable
DROP TABLE "InitiativeRevision";
