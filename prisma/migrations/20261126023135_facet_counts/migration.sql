-- CreateTable
CREATE TABLE "InitiativeFacetCount" (
    "key" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL,
    "managementObjectiveId" INTEGER NOT NULL,
    "mechanismIds" INTEGER[],
    "status" "InitiativeStatus" NOT NULL,
    "leadSecretariatId" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "InitiativeFacetCount_pkey" PRIMARY KEY ("key")
);

-- Kept by triggers, not by the application: every write to "Initiative" (the portal, imports, restores, psql)
-- moves its rows between combinations in the same transaction, so the counts can never disagree with the table.
CREATE FUNCTION "initiative_facet_count_add"(p_archived boolean, p_objective int, p_mechanisms int[], p_status "InitiativeStatus", p_lead int, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_key text := concat_ws('|', p_archived, p_objective, coalesce(p_mechanisms::text, ''), p_status, coalesce(p_lead::text, '-'));
BEGIN
  INSERT INTO "InitiativeFacetCount" ("key", "archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
  VALUES (v_key, p_archived, p_objective, p_mechanisms, p_status, p_lead, p_delta)
  ON CONFLICT ("key") DO UPDATE SET "n" = "InitiativeFacetCount"."n" + EXCLUDED."n";
  DELETE FROM "InitiativeFacetCount" WHERE "key" = v_key AND "n" = 0;
END $$;

-- One trigger per event (a trigger with transition tables takes one event). Changes are grouped per
-- combination and applied in one order, so concurrent writers lock the rows in the same order.
CREATE FUNCTION "initiative_facet_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT ("archivedAt" IS NOT NULL) AS a, "managementObjectiveId" AS o, "mechanismIds" AS m, "status" AS s, "leadSecretariatId" AS l, count(*)::int AS d
    FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  LOOP PERFORM "initiative_facet_count_add"(r.a, r.o, r.m, r.s, r.l, r.d); END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION "initiative_facet_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT ("archivedAt" IS NOT NULL) AS a, "managementObjectiveId" AS o, "mechanismIds" AS m, "status" AS s, "leadSecretariatId" AS l, -count(*)::int AS d
    FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  LOOP PERFORM "initiative_facet_count_add"(r.a, r.o, r.m, r.s, r.l, r.d); END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION "initiative_facet_count_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT a, o, m, s, l, sum(d)::int AS d FROM (
      SELECT ("archivedAt" IS NOT NULL) AS a, "managementObjectiveId" AS o, "mechanismIds" AS m, "status" AS s, "leadSecretariatId" AS l, -1 AS d FROM old_rows
      UNION ALL
      SELECT ("archivedAt" IS NOT NULL), "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", 1 FROM new_rows
    ) c GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
  LOOP PERFORM "initiative_facet_count_add"(r.a, r.o, r.m, r.s, r.l, r.d); END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "Initiative_facet_count_insert" AFTER INSERT ON "Initiative"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_insert"();
CREATE TRIGGER "Initiative_facet_count_delete" AFTER DELETE ON "Initiative"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_delete"();
-- (Transition tables rule out an UPDATE OF column list.) A name, text or progress edit nets out to no change and writes nothing.
CREATE TRIGGER "Initiative_facet_count_update" AFTER UPDATE ON "Initiative"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "initiative_facet_count_update"();

-- The initiatives already there.
INSERT INTO "InitiativeFacetCount" ("key", "archived", "managementObjectiveId", "mechanismIds", "status", "leadSecretariatId", "n")
SELECT concat_ws('|', a, o, coalesce(m::text, ''), s, coalesce(l::text, '-')), a, o, m, s, l, n FROM (
  SELECT ("archivedAt" IS NOT NULL) AS a, "managementObjectiveId" AS o, "mechanismIds" AS m, "status" AS s, "leadSecretariatId" AS l, count(*)::int AS n
  FROM "Initiative" GROUP BY 1, 2, 3, 4, 5
) c;
