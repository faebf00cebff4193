import { isDeepStrictEqual } from "node:util";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Db } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";
import { Prisma } from "@/lib/generated/prisma/client";
import { matrixDocumentSchema, type MatrixDocument } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import { refreshDerivedColumns } from "@/lib/initiatives/derived-columns";
import { BackupError, SERIAL_TABLES, SQL_TABLES, type Backup, type BackupTables, type SerialTable } from "./backup-schema";

type Tx = Prisma.TransactionClient;

/** Rows per INSERT: well under PostgreSQL's 65 535 parameters for the widest table. */
const CHUNK = 1_000;

export interface RestoreReport {
  counts: Backup["counts"];
}

/**
 * Writes a validated backup into an empty, migrated database in one
 * transaction: every row with its own id (the audit log names rows by id),
 * every sequence where it was. Refuses, changing nothing, a backup of a newer
 * schema, a database that is not empty, or a file whose matrix and tables
 * disagree.
 *
 * The restore records no audit event of its own: the restored trail is the
 * original one, exactly, so that backing up the restored database gives the
 * same file. The command's output is the operator's record.
 */
export async function restoreBackup(db: Db, backup: Backup): Promise<RestoreReport> {
  const known = new Set(readMigrations().map((m) => m.name));
  const unknown = backup.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `El respaldo viene de una versión más nueva del portal (migraciones desconocidas: ${unknown.join(", ")}); actualice el portal antes de restaurar. No se cambió nada.`,
    );
  }
  const applied = new Set(
    (
      await db.$queryRaw<
        { name: string }[]
      >`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    ).map((row) => row.name),
  );
  const missing = backup.migrations.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    throw new BackupError(
      `La base de destino no tiene aplicadas las migraciones ${missing.join(", ")}; ejecute npm run db:deploy. No se cambió nada.`,
    );
  }

  // Passwords nobody knows: the restored accounts stay closed until an administrator issues new ones.
  // Hashed before the transaction, which they would only lengthen.
  const passwordHashes = await Promise.all(backup.tables.users.map(() => hashPassword(generatePassword())));

  try {
    await db.$transaction(
      async (tx) => {
        const tables = Object.values(SQL_TABLES).map((table) => `"${table}"`);
        // Keeps the portal, if running, from writing between the check and the commit.
        await tx.$executeRawUnsafe(`LOCK TABLE ${tables.join(", ")} IN EXCLUSIVE MODE`);
        // Sign-in throttles do not count: failed sign-ins against an empty portal do not make it hold data.
        const occupied = await tx.$queryRawUnsafe<{ table: string }[]>(
          Object.values(SQL_TABLES)
            .filter((table) => table !== "Secretariat")
            .map((table) => `SELECT '${table}' AS "table" WHERE EXISTS (SELECT 1 FROM "${table}")`)
            .join(" UNION ALL "),
        );
        if (occupied.length > 0) {
          throw new BackupError(
            `La base de destino no está vacía (tiene datos en ${occupied.map((row) => row.table).join(", ")}); la restauración solo escribe en una base recién migrada. No se cambió nada.`,
          );
        }
        // What is left is the catalogue the migration seeds (changing it would have left audit events, and there are none): the backup's replaces it, ids included.
        await tx.secretariat.deleteMany();
        await insertTables(tx, backup.tables, passwordHashes);
        const serial = Object.entries(SERIAL_TABLES) as [SerialTable, string][];
        // setval(n - 1, true) makes n the next id; a sequence never used (n = 1) is left unused.
        await tx.$executeRaw`
          SELECT setval(pg_get_serial_sequence(quote_ident(t), 'id'), GREATEST(n - 1, 1), n > 1)
          FROM unnest(${serial.map(([, table]) => table)}::text[], ${serial.map(([key]) => backup.nextIds[key])}::int[]) AS s(t, n)`;

        const restored = carriedKeys(matrixDocumentSchema.parse(await exportMatrix(tx)), backup.matrix);
        const difference = firstDifference(restored, backup.matrix);
        if (difference !== null) {
          throw new BackupError(
            `Las secciones «matrix» y «tables» del respaldo no coinciden (en matrix${difference}): el archivo fue modificado o está dañado. No se restauró nada.`,
          );
        }
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`La base rechazó el respaldo; no se restauró nada: ${(error as Error).message}`);
  }
  return { counts: backup.counts };
}

/** Each table after the ones it references (the schema's order), in chunks. */
async function insertTables(tx: Tx, tables: BackupTables, passwordHashes: string[]) {
  const insert = async <T>(rows: T[], write: (data: T[]) => Promise<unknown>) => {
    for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
  };
  await insert(tables.developmentObjectives, (data) => tx.developmentObjective.createMany({ data }));
  await insert(tables.managementObjectives, (data) => tx.managementObjective.createMany({ data }));
  await insert(tables.mechanisms, (data) => tx.mechanism.createMany({ data }));
  await insert(tables.secretariats, (data) => tx.secretariat.createMany({ data }));
  await insert(tables.counterparts, (data) => tx.counterpart.createMany({ data }));
  await insert(
    tables.users.map((user, index) => ({ ...user, passwordHash: passwordHashes[index]!, mustChangePassword: true })),
    (data) => tx.user.createMany({ data }),
  );
  await insert(tables.initiatives, (data) => tx.initiative.createMany({ data }));
  await insert(tables.articulationObjectives, (data) => tx.articulationObjective.createMany({ data }));
  await insert(tables.articulationObjectiveMechanisms, (data) => tx.articulationObjectiveMechanism.createMany({ data }));
  await refreshDerivedColumns(
    tx,
    tables.initiatives.map((i) => i.id),
  );
  await insert(tables.initiativeSupports, (data) => tx.initiativeSupport.createMany({ data }));
  await insert(tables.instruments, (data) => tx.instrument.createMany({ data }));
  await insert(tables.progressUpdates, (data) => tx.progressUpdate.createMany({ data }));
  await insert(tables.indicators, (data) => tx.indicator.createMany({ data }));
  await insert(tables.indicatorTargets, (data) => tx.indicatorTarget.createMany({ data }));
  await insert(tables.measurements, (data) => tx.measurement.createMany({ data }));
  await insert(tables.milestones, (data) => tx.milestone.createMany({ data }));
  await insert(tables.savedViews, (data) => tx.savedView.createMany({ data }));
  await insert(tables.userSecretariats, (data) => tx.userSecretariat.createMany({ data }));
  await insert(tables.reportingPeriods, (data) => tx.reportingPeriod.createMany({ data }));
  await insert(tables.periodReports, (data) => tx.periodReport.createMany({ data }));
  await insert(tables.portalSettings, (data) => tx.portalSettings.createMany({ data }));
  await insert(tables.notificationPreferences, (data) => tx.notificationPreference.createMany({ data }));
  await insert(
    tables.notifications.map((notification) => ({ ...notification, data: notification.data as Prisma.InputJsonValue })),
    (data) => tx.notification.createMany({ data }),
  );
  // Queue jobs stay with the database they ran on: an e-mail still pending is queued again by the restored portal.
  await insert(
    tables.emailDeliveries.map((delivery) => (delivery.state === "PENDING" ? { ...delivery, jobId: null, claimedUntil: null } : delivery)),
    (data) => tx.emailDelivery.createMany({ data }),
  );
  await insert(tables.indicatorSettings, (data) => tx.indicatorSettings.createMany({ data }));
  await insert(
    tables.auditEvents.map((event) => ({ ...event, data: event.data === null ? Prisma.DbNull : (event.data as Prisma.InputJsonValue) })),
    (data) => tx.auditEvent.createMany({ data }),
  );
  await insert(tables.auditTallies, (data) => tx.auditTally.createMany({ data }));
}

/** Keys of the exchange document added after the first backups: an older file's matrix lacks them, and they are not compared. */
const LATER_KEYS = ["reportingPeriods", "people", "indicatorThresholds"] as const;
const LATER_INITIATIVE_KEYS = ["reports", "indicators", "milestones"] as const;

/** The restored export without the later keys the file's matrix does not have. */
function carriedKeys(exported: MatrixDocument, file: MatrixDocument): MatrixDocument {
  const copy = { ...exported, initiatives: exported.initiatives.map((initiative) => ({ ...initiative })) };
  for (const key of LATER_KEYS) if (!(key in file)) delete copy[key];
  copy.initiatives.forEach((initiative, index) => {
    const carried = file.initiatives[index];
    for (const key of LATER_INITIATIVE_KEYS) if (carried && !(key in carried)) delete initiative[key];
  });
  return copy;
}

/** Where two JSON values first differ, as a path (`.initiatives[3].name`), or null when they are equal. */
function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`,
      );
      if (found !== null) return found;
    }
  }
  return at;
}
