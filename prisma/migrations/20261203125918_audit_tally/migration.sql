-- CreateTable
CREATE TABLE "AuditTally" (
    "auditEventId" INTEGER NOT NULL,
    "bucket" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditTally_pkey" PRIMARY KEY ("auditEventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditTally_bucket_key" ON "AuditTally"("bucket");

-- AddForeignKey
ALTER TABLE "AuditTally" ADD CONSTRAINT "AuditTally_auditEventId_fkey" FOREIGN KEY ("auditEventId") REFERENCES "AuditEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
