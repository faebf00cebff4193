-- CreateTable
CREATE TABLE "InitiativeRevision" (
    "id" INTEGER NOT NULL,
    "dataset" UUID NOT NULL DEFAULT gen_random_uuid(),
    "revision" BIGINT NOT NULL,

    CONSTRAINT "InitiativeRevision_pkey" PRIMARY KEY ("id")
);

INSERT INTO "InitiativeRevision" ("id", "revision") VALUES (1, 1);

-- Kept by triggers, like "InitiativeFacetCount": any write to "Initiative" (the portal, imports, restores, psql)
-- moves the revision in the same transaction. The row trigger is deferred to commit, when the transaction holds
-- no lock another writer could still be waiting for, and bumps once per transaction (the setting is local to it).
CREATE FUNCTION "initiative_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pmdot.initiative_revision_xact', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
    UPDATE "InitiativeRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
    PERFORM set_config('pmdot.initiative_revision_xact', pg_current_xact_id()::text, true);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Initiative_revision" AFTER INSERT OR UPDATE OR DELETE ON "Initiative"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "initiative_revision_bump"();
CREATE TRIGGER "Initiative_revision_truncate" AFTER TRUNCATE ON "Initiative"
  FOR EACH STATEMENT EXECUTE FUNCTION "initiative_revision_bump"();
