import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/project-root";
import { describeDocumentErrors } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import type { CounterpartType } from "@/lib/tracking/counterpart-types";
import {
  BACKUP_DESCRIPTION,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  SERIAL_TABLES,
  SPANISH_ERRORS,
  TABLE_NAMES,
  backupSchema,
  type BackupFile,
  type BackupTables,
  type SerialTable,
} from "./backup-schema";

const appVersion = () => (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;

/**
 * Reads the whole database in one snapshot (REPEATABLE READ, so a server
 * writing meanwhile cannot make the matrix and the tables disagree) and
 * returns the backup file's content, validated as the restore will read it.
 */
export async function createBackup(db: Db, now = new Date()): Promise<BackupFile> {
  const snapshot = await db.$transaction(
    async (tx) => {
      const byId = { orderBy: { id: "asc" } } as const;
      const tables = {
        developmentObjectives: await tx.developmentObjective.findMany(byId),
        managementObjectives: await tx.managementObjective.findMany(byId),
        mechanisms: await tx.mechanism.findMany(byId),
        secretariats: await tx.secretariat.findMany(byId),
        counterparts: (await tx.counterpart.findMany(byId)).map((c) => ({ ...c, type: c.type as CounterpartType })),
        users: await tx.user.findMany({ ...byId, omit: { passwordHash: true, mustChangePassword: true } }),
        initiatives: await tx.initiative.findMany({ ...byId, omit: { searchText: true, mechanismSetId: true } }),
        articulationObjectives: await tx.articulationObjective.findMany(byId),
        articulationObjectiveMechanisms: await tx.articulationObjectiveMechanism.findMany({
          orderBy: [{ articulationObjectiveId: "asc" }, { position: "asc" }],
        }),
        initiativeSupports: await tx.initiativeSupport.findMany({ orderBy: [{ initiativeId: "asc" }, { secretariatId: "asc" }] }),
        instruments: await tx.instrument.findMany(byId),
        progressUpdates: await tx.progressUpdate.findMany(byId),
        indicators: await tx.indicator.findMany(byId),
        indicatorTargets: await tx.indicatorTarget.findMany({ orderBy: [{ indicatorId: "asc" }, { year: "asc" }] }),
        measurements: await tx.measurement.findMany(byId),
        milestones: await tx.milestone.findMany(byId),
        savedViews: await tx.savedView.findMany(byId),
        userSecretariats: await tx.userSecretariat.findMany({ orderBy: [{ userId: "asc" }, { secretariatId: "asc" }] }),
        reportingPeriods: await tx.reportingPeriod.findMany(byId),
        periodReports: await tx.periodReport.findMany(byId),
        portalSettings: await tx.portalSettings.findMany(byId),
        notificationPreferences: await tx.notificationPreference.findMany({ orderBy: { userId: "asc" } }),
        notifications: (await tx.notification.findMany(byId)).map((n) => ({
          ...n,
          data: n.data as BackupTables["notifications"][number]["data"],
        })),
        emailDeliveries: await tx.emailDelivery.findMany(byId),
        indicatorSettings: await tx.indicatorSettings.findMany(byId),
        // Prisma types JSON objects with optional members; they are plain JSON all the same.
        auditEvents: (await tx.auditEvent.findMany(byId)).map((e) => ({
          ...e,
          data: e.data as BackupTables["auditEvents"][number]["data"],
        })),
        auditTallies: await tx.auditTally.findMany({ orderBy: { auditEventId: "asc" } }),
      };
      const migrations = await tx.$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
      // pg_sequence_last_value is NULL for a sequence never used: the next id is then 1.
      const sequences = await tx.$queryRaw<{ table: string; next: number }[]>`
        SELECT t AS "table", COALESCE(pg_sequence_last_value(pg_get_serial_sequence(quote_ident(t), 'id')::regclass), 0)::int + 1 AS next
        FROM unnest(${Object.values(SERIAL_TABLES)}::text[]) AS t`;
      const next = new Map(sequences.map((s) => [s.table, s.next]));
      // A sequence behind its rows (ids written by hand) would collide on the next insert: the restore sets it past them.
      const nextId = (key: SerialTable) =>
        tables[key].reduce((highest, row) => Math.max(highest, row.id + 1), next.get(SERIAL_TABLES[key])!);
      return {
        matrix: await exportMatrix(tx),
        tables,
        migrations: migrations.map((m) => m.name),
        nextIds: Object.fromEntries((Object.keys(SERIAL_TABLES) as SerialTable[]).map((key) => [key, nextId(key)])) as Record<
          SerialTable,
          number
        >,
      };
    },
    { isolationLevel: "RepeatableRead", timeout: 600_000, maxWait: 30_000 },
  );

  const result = z.safeEncode(
    backupSchema,
    {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      description: BACKUP_DESCRIPTION,
      createdAt: now,
      appVersion: appVersion(),
      migrations: snapshot.migrations,
      counts: Object.fromEntries(TABLE_NAMES.map((table) => [table, snapshot.tables[table].length])) as BackupFile["counts"],
      nextIds: snapshot.nextIds,
      matrix: snapshot.matrix,
      tables: snapshot.tables,
    },
    SPANISH_ERRORS,
  );
  if (!result.success) {
    const problems = describeDocumentErrors(result.error);
    throw new BackupError(
      `La base contiene datos que un respaldo no puede llevar (${problems.length} problema(s)); no se escribió nada.`,
      problems,
    );
  }
  return result.data;
}
