import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { confirmEnrolment, pendingEnrolment, startEnrolment } from "@/lib/auth/mfa";
import { verifyPassword } from "@/lib/auth/password-hash";
import { BackupError, EXCLUDED_MODELS, SQL_TABLES, type BackupFile } from "@/lib/backup/backup-schema";
import { createBackup } from "@/lib/backup/create-backup";
import { readBackupFile } from "@/lib/backup/read-backup-file";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { defaultBackupPath, writeBackupFile } from "@/lib/backup/write-backup-file";
import type { Db } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/project-root";
import { readMigrations } from "@/lib/db/migrate";
import { Prisma } from "@/lib/generated/prisma/client";
import { setArchived } from "@/lib/initiatives/save-initiative";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { updateObjectiveTitle } from "@/lib/objectives/update-objective-title";
import { createIndicatorSchema } from "@/lib/indicators/indicator-schemas";
import { updateIndicatorThresholds } from "@/lib/indicators/indicator-settings";
import { recordMeasurement } from "@/lib/indicators/record-measurement";
import { createIndicator } from "@/lib/indicators/save-indicator";
import { createMilestone } from "@/lib/indicators/save-milestone";
import { saveView } from "@/lib/saved-views/saved-views";
import { setRequireMfaForAll } from "@/lib/settings/portal-settings";
import { addDays, todayInQuito } from "@/lib/tracking/days";
import { createCounterpart } from "@/lib/tracking/manage-catalogues";
import { createInstrument, deleteInstrument } from "@/lib/tracking/manage-instruments";
import { postProgressUpdate } from "@/lib/tracking/post-progress-update";
import { setOwnership } from "@/lib/tracking/set-ownership";
import { createUser, updateUser } from "@/lib/users/manage-users";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPeriod } from "@/lib/accountability/periods";
import { approveReports, returnReport, submitReport } from "@/lib/accountability/reports";
import { generate } from "otplib";

process.env.NEXTAUTH_SECRET ??= "secreto-de-pruebas-de-integracion-0123456789abcdef";

const ADMIN_PASSWORD = "cielo despejado sobre el pichincha";
const run = promisify(execFile);

/** Every row of every table the backup covers, all columns (search caches and timestamps included), password state aside. */
async function snapshot(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  return {
    developmentObjectives: await db.developmentObjective.findMany(byId),
    managementObjectives: await db.managementObjective.findMany(byId),
    mechanisms: await db.mechanism.findMany(byId),
    secretariats: await db.secretariat.findMany(byId),
    counterparts: await db.counterpart.findMany(byId),
    users: await db.user.findMany({ ...byId, omit: { passwordHash: true, mustChangePassword: true } }),
    initiatives: await db.initiative.findMany(byId),
    articulationObjectives: await db.articulationObjective.findMany(byId),
    links: await db.articulationObjectiveMechanism.findMany({ orderBy: [{ articulationObjectiveId: "asc" }, { position: "asc" }] }),
    supports: await db.initiativeSupport.findMany({ orderBy: [{ initiativeId: "asc" }, { secretariatId: "asc" }] }),
    instruments: await db.instrument.findMany(byId),
    progressUpdates: await db.progressUpdate.findMany(byId),
    indicators: await db.indicator.findMany(byId),
    indicatorTargets: await db.indicatorTarget.findMany({ orderBy: [{ indicatorId: "asc" }, { year: "asc" }] }),
    measurements: await db.measurement.findMany(byId),
    milestones: await db.milestone.findMany(byId),
    indicatorSettings: await db.indicatorSettings.findMany(),
    savedViews: await db.savedView.findMany(byId),
    memberships: await db.userSecretariat.findMany({ orderBy: [{ userId: "asc" }, { secretariatId: "asc" }] }),
    periods: await db.reportingPeriod.findMany(byId),
    reports: await db.periodReport.findMany(byId),
    notificationPreferences: await db.notificationPreference.findMany({ orderBy: { userId: "asc" } }),
    notifications: await db.notification.findMany(byId),
    // A pending e-mail's queue job stays with the database it ran on (restore-backup.ts).
    emailDeliveries: (await db.emailDelivery.findMany(byId)).map(({ jobId: _, claimedUntil: __, ...delivery }) => delivery),
    portalSettings: await db.portalSettings.findMany(),
    auditEvents: await db.auditEvent.findMany(byId),
    auditTallies: await db.auditTally.findMany({ orderBy: { auditEventId: "asc" } }),
  };
}

async function isEmpty(db: Db) {
  const [initiatives, users, events, secretariats] = await Promise.all([
    db.initiative.count(),
    db.user.count(),
    db.auditEvent.count(),
    db.secretariat.count(),
  ]);
  return initiatives === 0 && users === 0 && events === 0 && secretariats === 12;
}

/** A CLI as the operator runs it, against one test database; resolves with its exit code and output. */
async function cli(script: string, args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const withoutDate = (backup: BackupFile) => ({ ...backup, createdAt: "(fecha)" });

describe("respaldo y restauración", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let file: string;
  let first: BackupFile;
  let plannerPassword: string;
  let totpSecret: string;
  let recoveryCodes: string[];
  const scratch = mkdtempSync(path.join(tmpdir(), "respaldo-"));
  const today = todayInQuito();
  const trackingVersion = async (id: number) => (await source.db.initiative.findUniqueOrThrow({ where: { id } })).trackingVersion;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const db = source.db;
    await seedMatrixIfEmpty(db);

    const { user: admin } = await createUser(
      db,
      { email: "admin@quito.gob.ec", name: "Ana Administradora", role: "ADMIN", password: ADMIN_PASSWORD },
      null,
    );
    const { user: planner, generatedPassword } = await createUser(
      db,
      { email: "planifica@quito.gob.ec", name: "Pedro Planificador", role: "PLANNER" },
      admin,
    );
    plannerPassword = generatedPassword!;
    const { user: viewer } = await createUser(
      db,
      { email: "consulta@quito.gob.ec", name: "Carla Consulta", role: "VIEWER", password: "lluvia de la tarde en quito" },
      admin,
    );
    await updateUser(db, viewer.id, { active: false }, admin);
    await recordAuditEvent(db, {
      action: "auth.signin.success",
      actor: admin,
      context: { ip: "190.152.10.20", userAgent: "Firefox/140", requestId: "req-1" },
    });
    await saveView(db, planner.id, { name: "En ejecución", query: "estado=en-ejecucion" });
    await startEnrolment(db, admin);
    totpSecret = (await pendingEnrolment(db, admin))!.secret;
    recoveryCodes = await confirmEnrolment(db, admin, { code: await generate({ secret: totpSecret }) });
    await setRequireMfaForAll(db, true, admin);

    await postProgressUpdate(
      db,
      {
        initiativeId: 2,
        trackingVersion: await trackingVersion(2),
        occurredOn: today,
        note: "Convenio en revisión jurídica",
        status: "EN_EJECUCION",
        progress: 35,
      },
      planner,
    );
    await postProgressUpdate(
      db,
      { initiativeId: 2, trackingVersion: await trackingVersion(2), occurredOn: addDays(today, -40), note: "Nota atrasada" },
      planner,
    );
    const salud = await db.secretariat.findUniqueOrThrow({ where: { slug: "salud" } });
    const educacion = await db.secretariat.findUniqueOrThrow({ where: { slug: "educacion" } });
    await setOwnership(
      db,
      { initiativeId: 2, trackingVersion: await trackingVersion(2), leadSecretariatId: salud.id, supportingSecretariatIds: [educacion.id] },
      admin,
    );

    // Accountability: a reporter of Salud, two periods, a report returned, resubmitted and approved, another still submitted.
    const { user: reporter } = await createUser(
      db,
      {
        email: "reporta@quito.gob.ec",
        name: "Rosa Reportera",
        role: "REPORTER",
        password: "niebla sobre el panecillo",
        secretariatIds: [salud.id],
      },
      admin,
    );
    const q1 = await createPeriod(
      db,
      { name: "2026-T1", startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-10", open: false },
      admin,
    );
    const q2 = await createPeriod(
      db,
      { name: "2026-T2", startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2099-07-10", open: true },
      admin,
    );
    const sent = await submitReport(
      db,
      { periodId: q2.id, initiativeId: 2, version: 0, progressStatus: "EN_EJECUCION", progress: 40, note: "Avance del trimestre" },
      reporter,
    );
    const returned = await returnReport(db, { reportId: sent.id, version: sent.version, reason: "Falta el acta" }, planner);
    const resent = await submitReport(
      db,
      {
        periodId: q2.id,
        initiativeId: 2,
        version: returned.version,
        progressStatus: "EN_EJECUCION",
        progress: 45,
        note: "Con acta",
        evidenceUrl: "https://quito.gob.ec/acta.pdf",
      },
      reporter,
    );
    await approveReports(db, [{ reportId: resent.id, version: resent.version }], planner);
    await submitReport(db, { periodId: q2.id, initiativeId: 3, version: 0, progressStatus: "POR_INICIAR", note: "Sin novedad" }, planner);
    // And one left returned, waiting for its correction.
    const late = await submitReport(
      db,
      { periodId: q2.id, initiativeId: 4, version: 0, progressStatus: "EN_EJECUCION", progress: 10, note: "Inicio de obra" },
      reporter,
    );
    await returnReport(db, { reportId: late.id, version: late.version, reason: "Cifra sin respaldo" }, planner);
    expect(q1.open).toBe(false);

    const counterpart = await createCounterpart(db, { name: "Universidad Central del Ecuador", type: "universidades-academia" }, admin);
    const objective = await db.articulationObjective.findFirstOrThrow({
      where: { initiativeId: 5 },
      orderBy: { position: "asc" },
      include: { mechanisms: true },
    });
    const instrument = {
      articulationObjectiveId: objective.id,
      mechanismId: objective.mechanisms[0]!.mechanismId,
      counterpartId: counterpart.id,
      signedOn: addDays(today, -300),
    };
    await createInstrument(db, { ...instrument, title: "Convenio marco", endsOn: addDays(today, 30), reference: "CM-2025-014" }, admin);
    const { instrument: mistaken } = await createInstrument(db, { ...instrument, title: "Convenio duplicado por error" }, admin);
    await deleteInstrument(db, { id: mistaken.id, version: mistaken.version }, admin);

    const { id: indicatorId } = await createIndicator(
      db,
      createIndicatorSchema.parse({
        initiativeId: "2",
        name: "Hogares con agua potable",
        unit: "%",
        direction: "HIGHER_IS_BETTER",
        baselineYear: "2024",
        baselineValue: "61,5",
        dataSource: "EPMAPS",
        secretariatId: String(salud.id),
        target2025: "70",
        target2033: "95",
      }),
      planner,
    );
    await recordMeasurement(
      db,
      { indicatorId, version: 1, measuredOn: today, value: 62, explanation: "Obra en curso", evidenceUrl: "https://quito.gob.ec/e" },
      planner,
    );
    await createMilestone(db, { initiativeId: 2, title: "Estudios aprobados", plannedOn: addDays(today, -10), state: "PLANNED" }, planner);
    await updateIndicatorThresholds(db, { version: 0, onTrackPercent: 85, atRiskPercent: 60.5 }, admin);

    await setArchived(db, 7, (await snapshotInitiative(db, 7))!.version, true, admin);
    await updateObjectiveTitle(
      db,
      { code: "1.1", version: 1, title: "Promover la salud y el bienestar de la población (título revisado)" },
      admin,
    );

    // A planner who turned the digest off, and a notification already read with its e-mail in the outbox.
    await db.notificationPreference.create({ data: { userId: planner.id, weeklyDigest: false } });
    const { notificationIds } = await createNotifications(
      db,
      [
        {
          kind: "REPORT_RETURNED",
          userId: planner.id,
          eventKey: `report-returned:1:2:${planner.id}`,
          link: "/iniciativas/2/seguimiento",
          data: {
            reportId: 1,
            periodName: "2027-T1",
            initiativeId: 2,
            initiativeName: "Iniciativa",
            reason: "Revise.",
            reviewerName: null,
          },
        },
      ],
      { email: { portalUrl: "https://pmdot.quito.gob.ec" } },
    );
    await db.notification.update({ where: { id: notificationIds[0] }, data: { readAt: new Date() } });
    first = await createBackup(db);
    file = path.join(scratch, "respaldo.json");
    writeBackupFile(file, first);
  });
  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
  });

  it("el archivo se describe a sí mismo y lleva la exportación de la matriz tal cual", async () => {
    expect(first).toMatchObject({
      format: "matriz-pmdot/respaldo",
      formatVersion: 1,
      appVersion: "0.1.0",
      migrations: readMigrations().map((m) => m.name),
    });
    expect(first.counts).toMatchObject({
      initiatives: 114,
      users: 4,
      savedViews: 1,
      userSecretariats: 1,
      reportingPeriods: 2,
      periodReports: 3,
      // The approved report adds its note to the timeline.
      progressUpdates: 3,
      instruments: 1,
      counterparts: 1,
      secretariats: 12,
      indicators: 1,
      indicatorTargets: 2,
      measurements: 1,
      milestones: 1,
      indicatorSettings: 1,
    });
    expect(first.counts.auditEvents).toBe(first.tables.auditEvents.length);
    expect(JSON.stringify(first.matrix)).toBe(JSON.stringify(await exportMatrix(source.db)));
    // The matrix section carries the accountability and indicator data too, people by e-mail.
    expect(first.matrix.initiatives.flatMap((i) => (i.reports ?? []).map((r) => r.status)).sort()).toEqual([
      "APPROVED",
      "RETURNED",
      "SUBMITTED",
    ]);
    expect(first.matrix.people).toEqual([
      { email: "planifica@quito.gob.ec", secretariats: [], weeklyDigest: false },
      { email: "reporta@quito.gob.ec", secretariats: ["Secretaría de Salud"], weeklyDigest: null },
    ]);
    expect(first.matrix.indicatorThresholds).toEqual({ onTrackPercent: 85, atRiskPercent: 60.5 });
    // The export leaves out what the tables keep: archiving, authorship by id, the deleted instrument's id.
    expect(first.tables.initiatives.find((i) => i.id === 7)?.archivedAt).toEqual(expect.any(String));
    expect(first.tables.progressUpdates.every((u) => u.authorId !== null)).toBe(true);
    expect(first.nextIds.instruments).toBe(3);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first);
    expect(readFileSync(file, "utf8")).toMatch(
      /^\{\n {2}"format": "matriz-pmdot\/respaldo",\n {2}"formatVersion": 1,\n {2}"description": "Respaldo de la Matriz PMDOT/,
    );
    expect(defaultBackupPath(new Date("2026-11-26T01:30:34.996Z"))).toBe(
      path.join(PROJECT_ROOT, "respaldos", "matriz-pmdot-2026-11-26T013034Z.json"),
    );
    expect(() => writeBackupFile(file, first)).toThrow(BackupError);
  });

  it("un respaldo de antes de los indicadores se lee sin ellos", () => {
    const older = JSON.parse(readFileSync(file, "utf8"));
    for (const table of ["indicators", "indicatorTargets", "measurements", "milestones", "indicatorSettings"]) {
      delete older.tables[table];
      delete older.counts[table];
      delete older.nextIds[table];
    }
    const name = path.join(scratch, "anterior-a-indicadores.json");
    writeFileSync(name, JSON.stringify(older));
    const read = readBackupFile(name);
    expect(read.tables.indicators).toEqual([]);
    expect(read.tables.indicatorSettings).toEqual([]);
    expect(read.tables.initiatives).toHaveLength(114);
  });

  it("cada modelo del esquema está en el respaldo o excluido a propósito", () => {
    expect([...Object.values(SQL_TABLES), ...EXCLUDED_MODELS].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("no lleva contraseñas, hashes, sesiones ni la verificación en dos pasos (a propósito)", () => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/passwordHash|mustChangePassword|\$argon2|\$2[aby]\$|sessions?Id|secretEncrypted|codeHash|v1:/i);
    expect(text).not.toContain(totpSecret);
    for (const code of recoveryCodes) expect(text).not.toContain(code);
    // The setting does travel: a restored portal still requires a second factor of everyone.
    expect(first.tables.portalSettings).toMatchObject([{ requireMfaForAll: true }]);
    expect(first.tables.notificationPreferences).toMatchObject([{ weeklyDigest: false }]);
    // The reports returned above told their author; the third notice is the one written by hand, already read.
    expect(first.tables.notifications).toMatchObject([
      { kind: "REPORT_RETURNED", link: "/iniciativas/2/seguimiento", data: { reason: "Falta el acta" }, readAt: null },
      { kind: "REPORT_RETURNED", link: "/iniciativas/4/seguimiento", data: { reason: "Cifra sin respaldo" }, readAt: null },
      { kind: "REPORT_RETURNED", link: "/iniciativas/2/seguimiento", data: { reason: "Revise." }, readAt: expect.any(String) },
    ]);
    expect(first.tables.emailDeliveries).toMatchObject([{ state: "PENDING", toAddress: expect.stringContaining("@") }]);
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).not.toContain(plannerPassword);
    expect(Object.keys(first.tables.users[0]!).sort()).toEqual(
      [
        "active",
        "createdAt",
        "email",
        "id",
        "isDemo",
        "lastSignInAt",
        "name",
        "oidcIssuer",
        "oidcSubject",
        "passwordChangedAt",
        "role",
        "sessionVersion",
        "updatedAt",
        "version",
      ].sort(),
    );
  });

  it("respaldar → restaurar en una base vacía → respaldar da el mismo archivo y las mismas filas", async () => {
    const report = await restoreBackup(target.db, readBackupFile(file));
    expect(report.counts).toEqual(first.counts);
    expect(withoutDate(await createBackup(target.db))).toEqual(withoutDate(first));
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));

    // Nobody can sign in with a restored account until an administrator issues a new password.
    const admin = await target.db.user.findUniqueOrThrow({ where: { email: "admin@quito.gob.ec" } });
    expect(admin.mustChangePassword).toBe(true);
    expect(await verifyPassword(admin.passwordHash, ADMIN_PASSWORD)).toBe(false);
    // Nor with the old second factor: it enrols again at its next sign-in.
    expect(await target.db.mfaCredential.count()).toBe(0);
    expect(await source.db.mfaCredential.count()).toBe(1);

    // Sequences continue where they were: the deleted instrument's id, which the audit log names, is not reused.
    const kept = await target.db.instrument.findFirstOrThrow();
    const { instrument: next } = await createInstrument(
      target.db,
      {
        articulationObjectiveId: kept.articulationObjectiveId,
        mechanismId: kept.mechanismId,
        counterpartId: kept.counterpartId,
        title: "Adenda",
        signedOn: today,
      },
      admin,
    );
    expect(next.id).toBe(3);
  });

  it("un respaldo anterior a los periodos de reporte (sin sus tablas) se restaura igual", async () => {
    const older = await createTestDatabase();
    try {
      const copy = JSON.parse(readFileSync(file, "utf8"));
      for (const table of ["userSecretariats", "reportingPeriods", "periodReports"]) {
        delete copy.tables[table];
        delete copy.counts[table];
        delete copy.nextIds[table];
      }
      // Nor did its matrix carry them: the restore compares only the keys the file has.
      delete copy.matrix.reportingPeriods;
      delete copy.matrix.people;
      for (const initiative of copy.matrix.initiatives) delete initiative.reports;
      const oldFile = path.join(scratch, "anterior.json");
      writeFileSync(oldFile, JSON.stringify(copy));
      const report = await restoreBackup(older.db, readBackupFile(oldFile));
      expect(report.counts).toMatchObject({ userSecretariats: 0, reportingPeriods: 0, periodReports: 0, users: 4 });
      expect(await older.db.initiative.count()).toBe(114);
    } finally {
      await older.drop();
    }
  });

  it("en una base que no está vacía se niega y no cambia nada", async () => {
    const oneUser = await createTestDatabase();
    try {
      await createUser(oneUser.db, { email: "solo@quito.gob.ec", name: "Única Cuenta", role: "ADMIN" }, null);
      for (const database of [source, oneUser]) {
        const before = await snapshot(database.db);
        await expect(restoreBackup(database.db, readBackupFile(file))).rejects.toThrow(/no está vacía/);
        expect(await snapshot(database.db)).toEqual(before);
      }
    } finally {
      await oneUser.drop();
    }
  });

  it("un archivo dañado se rechaza nombrando el campo y la base queda vacía", async () => {
    const empty = await createTestDatabase();
    try {
      const corrupt = (change: (backup: BackupFile) => void) => {
        const copy = structuredClone(first);
        change(copy);
        const name = path.join(scratch, `danado-${Math.random().toString(36).slice(2)}.json`);
        writeFileSync(name, JSON.stringify(copy));
        return name;
      };

      const problems = (change: (backup: BackupFile) => void) => {
        try {
          readBackupFile(corrupt(change));
        } catch (error) {
          expect(error).toBeInstanceOf(BackupError);
          return (error as BackupError).problems.join("\n");
        }
        throw new Error("se esperaba un rechazo");
      };
      const badRole = problems((b) => {
        b.tables.users[1]!.role = "JEFE" as "ADMIN";
      });
      expect(badRole).toMatch(/^tables\.users\[1\]\.role: Opción inválida/m);
      const badReference = problems((b) => {
        b.tables.instruments[0]!.counterpartId = 999;
      });
      expect(badReference).toMatch(/^tables\.instruments\[0\]\.counterpartId: no hay fila 999 en «tables\.counterparts»/m);
      const badCount = problems((b) => {
        b.counts.users = 5;
      });
      expect(badCount).toMatch(/^counts\.users: dice 5 pero «tables\.users» tiene 4 filas/m);
      expect(() => readBackupFile(path.join(scratch, "no-existe.json"))).toThrow(/No se puede leer/);

      // Valid on its own, but its matrix no longer matches its tables: found after every insert, so the rollback is tested too.
      const edited = corrupt((b) => {
        b.matrix.initiatives[0]!.name = "Otro nombre";
      });
      await expect(restoreBackup(empty.db, readBackupFile(edited))).rejects.toThrow(/no coinciden \(en matrix\.initiatives\[0\]\.name\)/);
      expect(await isEmpty(empty.db)).toBe(true);

      // Two accounts with one e-mail: only the database notices, and nothing stays written.
      const duplicate = corrupt((b) => {
        b.tables.users[1]!.email = b.tables.users[0]!.email;
      });
      await expect(restoreBackup(empty.db, readBackupFile(duplicate))).rejects.toThrow(/La base rechazó el respaldo/);
      expect(await isEmpty(empty.db)).toBe(true);

      const newer = corrupt((b) => {
        b.migrations.push("20991231000000_futuro");
      });
      await expect(restoreBackup(empty.db, readBackupFile(newer))).rejects.toThrow(/migraciones desconocidas: 20991231000000_futuro/);

      const notABackup = corrupt((b) => {
        (b as { format: string }).format = "otra-cosa";
      });
      expect(() => readBackupFile(notABackup)).toThrow(BackupError);
      expect(await isEmpty(empty.db)).toBe(true);
    } finally {
      await empty.drop();
    }
  });

  it("los comandos npm run backup y npm run restore funcionan de punta a punta", async () => {
    const empty = await createTestDatabase();
    try {
      const output = path.join(scratch, "por-comando.json");
      const backup = await cli("backup", [output], source.url);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toContain(`Respaldo escrito en ${output}`);
      expect(backup.stderr).toContain("iniciativas: 114");

      const restore = await cli("restore", [output], empty.url);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain("Respaldo restaurado");
      expect(restore.stdout).toMatch(/Las cuentas restauradas \(4\) no tienen contraseña utilizable.*Restablecer contraseña/s);
      expect(withoutDate(await createBackup(empty.db))).toEqual(withoutDate(JSON.parse(readFileSync(output, "utf8"))));

      const refused = await cli("restore", [output], source.url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/no está vacía/);

      const spare = await createTestDatabase();
      try {
        const broken = path.join(scratch, "roto.json");
        const copy = JSON.parse(readFileSync(output, "utf8"));
        copy.tables.progressUpdates[0].progress = 250;
        writeFileSync(broken, JSON.stringify(copy));
        const rejected = await cli("restore", [broken], spare.url);
        expect(rejected.code).toBe(1);
        expect(rejected.stderr).toMatch(/tables\.progressUpdates\[0\]\.progress: /);
        expect(await isEmpty(spare.db)).toBe(true);
      } finally {
        await spare.drop();
      }
    } finally {
      await empty.drop();
    }
  });
});
