-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "mechanismIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateIndex
CREATE INDEX "Initiative_mechanismIds_idx" ON "Initiative" USING GIN ("mechanismIds");

-- Backfill what earlier imports wrote.
UPDATE "Initiative" i SET "mechanismIds" = COALESCE((
  SELECT array_agg(DISTINCT am."mechanismId" ORDER BY am."mechanismId")
  FROM "ArticulationObjective" a JOIN "ArticulationObjectiveMechanism" am ON am."articulationObjectiveId" = a.id
  WHERE a."initiativeId" = i.id), ARRAY[]::INTEGER[]);
