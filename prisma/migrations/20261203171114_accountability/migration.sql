-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('SUBMITTED', 'RETURNED', 'APPROVED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REPORTER';

-- CreateTable
CREATE TABLE "UserSecretariat" (
    "userId" INTEGER NOT NULL,
    "secretariatId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserSecretariat_pkey" PRIMARY KEY ("userId","secretariatId")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodReport" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "progressStatus" "InitiativeStatus" NOT NULL,
    "progress" INTEGER,
    "note" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "returnReason" TEXT,
    "authorId" INTEGER,
    "authorName" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "reviewerId" INTEGER,
    "reviewerName" TEXT,
    "reviewerEmail" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PeriodReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSecretariat_secretariatId_idx" ON "UserSecretariat"("secretariatId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_name_key" ON "ReportingPeriod"("name");

-- CreateIndex
CREATE INDEX "ReportingPeriod_dueOn_idx" ON "ReportingPeriod"("dueOn");

-- CreateIndex
CREATE INDEX "PeriodReport_initiativeId_idx" ON "PeriodReport"("initiativeId");

-- CreateIndex
CREATE INDEX "PeriodReport_status_submittedAt_idx" ON "PeriodReport"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodReport_periodId_initiativeId_key" ON "PeriodReport"("periodId", "initiativeId");

-- AddForeignKey
ALTER TABLE "UserSecretariat" ADD CONSTRAINT "UserSecretariat_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSecretariat" ADD CONSTRAINT "UserSecretariat_secretariatId_fkey" FOREIGN KEY ("secretariatId") REFERENCES "Secretariat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReport" ADD CONSTRAINT "PeriodReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReport" ADD CONSTRAINT "PeriodReport_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReport" ADD CONSTRAINT "PeriodReport_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReport" ADD CONSTRAINT "PeriodReport_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
