-- CreateTable
CREATE TABLE "InitiativeFacetCount" (
    "id" BIGSERIAL NOT NULL,
    "archived" BOOLEAN NOT NULL,
    "managementObjectiveId" INTEGER NOT NULL,
    "mechanismIds" INTEGER[],
    "status" "InitiativeStatus" NOT NULL,
    "leadSecretariatId" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "InitiativeFacetCount_pkey" PRIMARY KEY ("id")
);

-- Kept by triggers, not by the application: every write to "Initiative" (the portal, imports, restores, psql)
-- records its change in the same transaction, so the counts can never disagree with the table.
-- Each statement appends its net change per combination (+n, -n): writers never lock a shared row.
-- Now and then one of them folds the rows into one per combination; an advisory lock lets only one fold at a time,
-- and rows other transactions append meanwhile are not visible to the fold, so they are kept as they are.
-- A statement that appended many rows (an import) folds at once; small ones, one in twenty.
CREATE FUNCTION "initiative_facet_count_fold"(appended bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF (appended > 50 OR random() < 0.05) AND pg_try_advisory_xact_lock(hashtext('InitiativeFacetCount')) THEN
    WITH gone AS (DELETE FROM "InitiativeFacetCount" RETURNING *)
    INSERT INTO "InitiativeFacetCount" ("archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
    SELECT "archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", sum("n")::int
    FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING sum("n") <> 0;
  END IF;
END $$;

-- One function per event: a trigger with transition tables takes one event (and no UPDATE OF column list).
CREATE FUNCTION "initiative_facet_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE appended bigint;
BEGIN
  INSERT INTO "InitiativeFacetCount" ("archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
  SELECT ("archivedAt" IS NOT NULL), "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", count(*)::int
  FROM new_rows GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS appended = ROW_COUNT;
  PERFORM "initiative_facet_count_fold"(appended);
  RETURN NULL;
END $$;

CREATE FUNCTION "initiative_facet_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE appended bigint;
BEGIN
  INSERT INTO "InitiativeFacetCount" ("archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
  SELECT ("archivedAt" IS NOT NULL), "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", -count(*)::int
  FROM old_rows GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS appended = ROW_COUNT;
  PERFORM "initiative_facet_count_fold"(appended);
  RETURN NULL;
END $$;

-- A name, text or progress edit nets out to nothing and appends nothing.
CREATE FUNCTION "initiative_facet_count_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE appended bigint;
BEGIN
  INSERT INTO "InitiativeFacetCount" ("archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
  SELECT a, o, m, s, l, sum(d)::int FROM (
    SELECT ("archivedAt" IS NOT NULL) AS a, "managementObjectiveId" AS o, "mechanismIds" AS m, "status" AS s, "leadSecretariatId" AS l, -1 AS d FROM old_rows
    UNION ALL
    SELECT ("archivedAt" IS NOT NULL), "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", 1 FROM new_rows
  ) c GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0;
  GET DIAGNOSTICS appended = ROW_COUNT;
  IF appended > 0 THEN PERFORM "initiative_facet_count_fold"(appended); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "initiative_facet_count_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "InitiativeFacetCount";
  RETURN NULL;
END $$;

CREATE TRIGGER "Initiative_facet_count_insert" AFTER INSERT ON "Initiative"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_insert"();
CREATE TRIGGER "Initiative_facet_count_delete" AFTER DELETE ON "Initiative"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_delete"();
CREATE TRIGGER "Initiative_facet_count_update" AFTER UPDATE ON "Initiative"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_update"();
CREATE TRIGGER "Initiative_facet_count_truncate" AFTER TRUNCATE ON "Initiative"
  FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_truncate"();

-- The initiatives already there.
INSERT INTO "InitiativeFacetCount" ("archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
SELECT ("archivedAt" IS NOT NULL), "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", count(*)::int
FROM "Initiative" GROUP BY 1, 2, 3, 4, 5;
