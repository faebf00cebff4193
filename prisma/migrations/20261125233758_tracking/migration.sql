-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('POR_INICIAR', 'EN_EJECUCION', 'CONCLUIDA', 'SUSPENDIDA', 'CANCELADA');

-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "lastUpdateOn" DATE,
ADD COLUMN     "leadSecretariatId" INTEGER,
ADD COLUMN     "progress" INTEGER,
ADD COLUMN     "status" "InitiativeStatus" NOT NULL DEFAULT 'POR_INICIAR',
ADD COLUMN     "trackingVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Secretariat" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Secretariat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeSupport" (
    "initiativeId" INTEGER NOT NULL,
    "secretariatId" INTEGER NOT NULL,

    CONSTRAINT "InitiativeSupport_pkey" PRIMARY KEY ("initiativeId","secretariatId")
);

-- CreateTable
CREATE TABLE "Counterpart" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Counterpart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instrument" (
    "id" SERIAL NOT NULL,
    "articulationObjectiveId" INTEGER NOT NULL,
    "mechanismId" INTEGER NOT NULL,
    "counterpartId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "endsOn" DATE,
    "reference" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "occurredOn" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "status" "InitiativeStatus",
    "progress" INTEGER,
    "authorId" INTEGER,
    "authorName" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Secretariat_name_key" ON "Secretariat"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Secretariat_slug_key" ON "Secretariat"("slug");

-- CreateIndex
CREATE INDEX "InitiativeSupport_secretariatId_idx" ON "InitiativeSupport"("secretariatId");

-- CreateIndex
CREATE UNIQUE INDEX "Counterpart_name_key" ON "Counterpart"("name");

-- CreateIndex
CREATE INDEX "Instrument_articulationObjectiveId_idx" ON "Instrument"("articulationObjectiveId");

-- CreateIndex
CREATE INDEX "Instrument_mechanismId_idx" ON "Instrument"("mechanismId");

-- CreateIndex
CREATE INDEX "Instrument_counterpartId_idx" ON "Instrument"("counterpartId");

-- CreateIndex
CREATE INDEX "Instrument_endsOn_idx" ON "Instrument"("endsOn");

-- CreateIndex
CREATE INDEX "ProgressUpdate_initiativeId_occurredOn_idx" ON "ProgressUpdate"("initiativeId", "occurredOn");

-- CreateIndex
CREATE INDEX "Initiative_status_idx" ON "Initiative"("status");

-- CreateIndex
CREATE INDEX "Initiative_leadSecretariatId_idx" ON "Initiative"("leadSecretariatId");

-- CreateIndex
CREATE INDEX "Initiative_lastUpdateOn_idx" ON "Initiative"("lastUpdateOn");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_leadSecretariatId_fkey" FOREIGN KEY ("leadSecretariatId") REFERENCES "Secretariat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSupport" ADD CONSTRAINT "InitiativeSupport_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSupport" ADD CONSTRAINT "InitiativeSupport_secretariatId_fkey" FOREIGN KEY ("secretariatId") REFERENCES "Secretariat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_articulationObjectiveId_fkey" FOREIGN KEY ("articulationObjectiveId") REFERENCES "ArticulationObjective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_mechanismId_fkey" FOREIGN KEY ("mechanismId") REFERENCES "Mechanism"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_counterpartId_fkey" FOREIGN KEY ("counterpartId") REFERENCES "Counterpart"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Percentages stay percentages, whatever writes them.
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_dates_order" CHECK ("endsOn" IS NULL OR "endsOn" >= "signedOn");

-- The secretariats the document's introduction names as authors of the initiatives (reference data every deployment needs).
INSERT INTO "Secretariat" ("name", "slug", "updatedAt") VALUES
  ('Secretaría de Ambiente', 'ambiente', CURRENT_TIMESTAMP),
  ('Secretaría de Coordinación Territorial, Gobernabilidad y Participación', 'coordinacion-territorial-gobernabilidad-y-participacion', CURRENT_TIMESTAMP),
  ('Secretaría de Cultura', 'cultura', CURRENT_TIMESTAMP),
  ('Secretaría de Desarrollo Económico y Productivo', 'desarrollo-economico-y-productivo', CURRENT_TIMESTAMP),
  ('Secretaría de Educación', 'educacion', CURRENT_TIMESTAMP),
  ('Secretaría General', 'general', CURRENT_TIMESTAMP),
  ('Secretaría de Gobierno Digital y Tecnologías de la Información y Comunicaciones', 'gobierno-digital-y-tecnologias-de-la-informacion-y-comunicaciones', CURRENT_TIMESTAMP),
  ('Secretaría de Hábitat y Ordenamiento Territorial', 'habitat-y-ordenamiento-territorial', CURRENT_TIMESTAMP),
  ('Secretaría de Inclusión Social', 'inclusion-social', CURRENT_TIMESTAMP),
  ('Secretaría de Movilidad', 'movilidad', CURRENT_TIMESTAMP),
  ('Secretaría de Salud', 'salud', CURRENT_TIMESTAMP),
  ('Secretaría de Seguridad Ciudadana y Gestión de Riesgos', 'seguridad-ciudadana-y-gestion-de-riesgos', CURRENT_TIMESTAMP);
