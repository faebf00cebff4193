-- The table groups and filters initiatives by a numbered set of mechanisms instead of each row's array:
-- a few hundred sets stand for any number of initiatives (docs/adr/0010, sixth step).

-- CreateTable
CREATE TABLE "MechanismSet" (
    "id" SERIAL NOT NULL,
    "mechanismIds" INTEGER[],

    CONSTRAINT "MechanismSet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MechanismSet_mechanismIds_key" ON "MechanismSet"("mechanismIds");

-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "mechanismSetId" INTEGER;

-- Backfill: every stored array becomes a set, and each initiative points at its own.
INSERT INTO "MechanismSet" ("mechanismIds")
SELECT DISTINCT coalesce("mechanismIds", ARRAY[]::INTEGER[]) FROM "Initiative" ORDER BY 1;

UPDATE "Initiative" i SET "mechanismSetId" = ms.id
FROM "MechanismSet" ms WHERE ms."mechanismIds" = coalesce(i."mechanismIds", ARRAY[]::INTEGER[]);

-- DropIndex
DROP INDEX "Initiative_archivedAt_managementObjectiveId_mechanismIds_st_idx";

-- DropIndex
DROP INDEX "Initiative_mechanismIds_idx";

-- AlterTable
ALTER TABLE "Initiative" DROP COLUMN "mechanismIds";

-- CreateIndex
CREATE INDEX "Initiative_archivedAt_managementObjectiveId_mechanismSetId__idx" ON "Initiative"("archivedAt", "managementObjectiveId", "mechanismSetId", "status", "leadSecretariatId", "id");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_mechanismSetId_fkey" FOREIGN KEY ("mechanismSetId") REFERENCES "MechanismSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
