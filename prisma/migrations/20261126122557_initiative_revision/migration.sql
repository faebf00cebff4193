-- CreateTable
CREATE TABLE "InitiativeRevision" (
    "id" INTEGER NOT NULL,
    "revision" BIGINT NOT NULL,
    "token" UUID NOT NULL,

    CONSTRAINT "InitiativeRevision_pkey" PRIMARY KEY ("id")
);

INSERT INTO "InitiativeRevision" ("id", "revision", "token") VALUES (1, 1, gen_random_uuid());

-- Kept by triggers, like "InitiativeFacetCount": any write to "Initiative" (the portal, imports, restores, psql)
-- moves the revision in the same transaction. The row trigger is deferred to commit, so a transaction takes the
-- revision row last and never waits for it while other writers wait for its rows; it bumps once per transaction
-- (the setting is local to it). Like every trigger, it does not run under session_replication_role = replica.
CREATE FUNCTION "initiative_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pmdot.initiative_revision_xact', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
    UPDATE "InitiativeRevision" SET "revision" = "revision" + 1, "token" = gen_random_uuid() WHERE "id" = 1;
    PERFORM set_config('pmdot.initiative_revision_xact', pg_current_xact_id()::text, true);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Initiative_revision" AFTER INSERT OR UPDATE OR DELETE ON "Initiative"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "initiative_revision_bump"();
CREATE TRIGGER "Initiative_revision_truncate" AFTER TRUNCATE ON "Initiative"
  FOR EACH STATEMENT EXECUTE FUNCTION "initiative_revision_bump"();
