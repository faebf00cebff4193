import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeriod, updatePeriod } from "@/lib/accountability/periods";
import { approveReports, returnReport, submitReport } from "@/lib/accountability/reports";
import type { Db } from "@/lib/db/client";
import { createIndicatorSchema } from "@/lib/indicators/indicator-schemas";
import { updateIndicatorThresholds } from "@/lib/indicators/indicator-settings";
import { recordMeasurement } from "@/lib/indicators/record-measurement";
import { createIndicator } from "@/lib/indicators/save-indicator";
import { createMilestone } from "@/lib/indicators/save-milestone";
import { serializeDocument, type MatrixDocument } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import { importMatrix, MatrixImportError } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { PROJECT_ROOT } from "@/lib/project-root";
import { saveNotificationPreferences } from "@/lib/notifications/user-notifications";
import { addDays, todayInQuito } from "@/lib/tracking/days";
import { setOwnership } from "@/lib/tracking/set-ownership";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

const PEOPLE = [
  { email: "admin@quito.gob.ec", name: "Ana Administradora", role: "ADMIN" },
  { email: "planifica@quito.gob.ec", name: "Pedro Planificador", role: "PLANNER" },
  { email: "reporta.salud@quito.gob.ec", name: "Rosa Reportera", role: "REPORTER" },
  { email: "reporta.movilidad@quito.gob.ec", name: "Mario Movilidad", role: "REPORTER" },
] as const;

/** The same accounts in any database: the matrix document names people, the accounts come from user:create. */
async function createPeople(db: Db) {
  const create = async (person: (typeof PEOPLE)[number]) =>
    (await createUser(db, { ...person, password: "montaña nevada del cotopaxi" }, null)).user;
  const [admin, planner, saludReporter, movilidadReporter] = PEOPLE;
  return {
    admin: await create(admin),
    planner: await create(planner),
    saludReporter: await create(saludReporter),
    movilidadReporter: await create(movilidadReporter),
  };
}

/** A command as the operator runs it, against one test database. */
async function cli(script: string, args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const byName = <T extends { name: string }>(rows: T[]) => rows.map(({ name }) => name);

/**
 * Every row the accountability and indicator export carries, keyed by what the document names them by
 * (names, e-mails, dates) instead of ids, which an import into another database gives anew.
 */
async function rows(db: Db) {
  const email = (user: { email: string } | null) => user?.email ?? null;
  const [periods, reports, memberships, preferences, indicators, milestones, thresholds, initiatives] = await Promise.all([
    db.reportingPeriod.findMany({ orderBy: { name: "asc" } }),
    db.periodReport.findMany({
      include: { period: { select: { name: true } }, author: { select: { email: true } }, reviewer: { select: { email: true } } },
      orderBy: [{ initiativeId: "asc" }, { period: { name: "asc" } }],
    }),
    db.userSecretariat.findMany({
      include: { user: { select: { email: true } }, secretariat: { select: { name: true } } },
      orderBy: [{ user: { email: "asc" } }, { secretariat: { name: "asc" } }],
    }),
    db.notificationPreference.findMany({ include: { user: { select: { email: true } } }, orderBy: { user: { email: "asc" } } }),
    db.indicator.findMany({
      include: {
        secretariat: { select: { name: true } },
        targets: { orderBy: { year: "asc" } },
        measurements: { include: { author: { select: { email: true } } }, orderBy: [{ measuredOn: "asc" }, { createdAt: "asc" }] },
      },
      orderBy: [{ initiativeId: "asc" }, { position: "asc" }],
    }),
    db.milestone.findMany({ orderBy: [{ initiativeId: "asc" }, { plannedOn: "asc" }, { title: "asc" }] }),
    db.indicatorSettings.findMany(),
    db.initiative.findMany({
      where: { OR: [{ indicators: { some: {} } }, { periodReports: { some: {} } }] },
      select: { id: true, status: true, progress: true, lastUpdateOn: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    periods: periods.map(({ id: _, createdAt: __, updatedAt: ___, version: ____, ...p }) => p),
    reports: reports.map(({ id: _, periodId: __, authorId: ___, reviewerId: ____, updatedAt: _____, version: ______, ...r }) => ({
      ...r,
      period: r.period.name,
      author: email(r.author),
      reviewer: email(r.reviewer),
    })),
    memberships: memberships.map((m) => [m.user.email, m.secretariat.name]),
    preferences: preferences.map((p) => [p.user.email, p.weeklyDigest]),
    indicators: indicators.map(({ id: _, secretariatId: __, createdAt: ___, updatedAt: ____, version: _____, ...i }) => ({
      ...i,
      secretariat: i.secretariat?.name ?? null,
      targets: i.targets.map(({ year, value }) => ({ year, value })),
      measurements: i.measurements.map(({ id: _, indicatorId: __, authorId: ___, updatedAt: ____, version: _____, ...m }) => ({
        ...m,
        author: email(m.author),
      })),
    })),
    milestones: milestones.map(({ id: _, createdAt: __, updatedAt: ___, version: ____, ...m }) => m),
    thresholds: thresholds.map(({ onTrackPercent, atRiskPercent }) => ({ onTrackPercent, atRiskPercent })),
    initiatives,
  };
}

describe("matrix:export / matrix:import con rendición de cuentas e indicadores", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let first: string;
  let file: string;
  const today = todayInQuito();
  const scratch = mkdtempSync(path.join(tmpdir(), "matriz-cuentas-"));

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const db = source.db;
    await seedMatrixIfEmpty(db);
    const { admin, planner, saludReporter, movilidadReporter } = await createPeople(db);
    const secretariat = (slug: string) => db.secretariat.findUniqueOrThrow({ where: { slug } });
    const [salud, educacion, movilidad] = await Promise.all([secretariat("salud"), secretariat("educacion"), secretariat("movilidad")]);

    // Memberships: one reporter in two secretariats, another in one; notification choices both ways.
    await db.userSecretariat.createMany({
      data: [
        { userId: saludReporter.id, secretariatId: salud.id },
        { userId: saludReporter.id, secretariatId: educacion.id },
        { userId: movilidadReporter.id, secretariatId: movilidad.id },
      ],
    });
    await saveNotificationPreferences(db, planner.id, { weeklyDigest: false });
    await saveNotificationPreferences(db, admin.id, { weeklyDigest: true });

    const trackingVersion = async (id: number) => (await db.initiative.findUniqueOrThrow({ where: { id } })).trackingVersion;
    await setOwnership(
      db,
      { initiativeId: 2, trackingVersion: await trackingVersion(2), leadSecretariatId: salud.id, supportingSecretariatIds: [educacion.id] },
      admin,
    );

    // Three periods (one closed after its reports), reports approved, returned and still submitted.
    const q1 = await createPeriod(
      db,
      { name: "2026-T1", startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-10", open: true },
      admin,
    );
    const q2 = await createPeriod(
      db,
      { name: "2026-T2", startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2099-07-10", open: true },
      admin,
    );
    await createPeriod(db, { name: "2026-T3", startsOn: "2026-07-01", endsOn: "2026-09-30", dueOn: "2099-10-10", open: true }, admin);
    const approved = await submitReport(
      db,
      {
        periodId: q1.id,
        initiativeId: 2,
        version: 0,
        progressStatus: "EN_EJECUCION",
        progress: 20,
        note: "Primer trimestre",
        evidenceUrl: "https://quito.gob.ec/t1.pdf",
      },
      saludReporter,
    );
    await approveReports(db, [{ reportId: approved.id, version: approved.version }], planner);
    const sent = await submitReport(
      db,
      { periodId: q2.id, initiativeId: 2, version: 0, progressStatus: "EN_EJECUCION", progress: 40, note: "Segundo trimestre" },
      saludReporter,
    );
    await returnReport(db, { reportId: sent.id, version: sent.version, reason: "Falta el acta de la mesa técnica" }, planner);
    await submitReport(
      db,
      { periodId: q1.id, initiativeId: 3, version: 0, progressStatus: "POR_INICIAR", note: "Sin novedad" },
      movilidadReporter,
    );
    await updatePeriod(db, { ...q1, startsOn: q1.startsOn, open: false, periodId: q1.id, version: 1 }, admin);

    // Indicators with targets and measurements, one without baseline or secretariat; milestones in several states.
    const indicator = (initiativeId: number, fields: Record<string, string>) =>
      createIndicator(
        db,
        createIndicatorSchema.parse({ initiativeId: String(initiativeId), direction: "HIGHER_IS_BETTER", ...fields }),
        planner,
      );
    const water = await indicator(2, {
      name: "Hogares con agua potable",
      unit: "%",
      baselineYear: "2024",
      baselineValue: "61,5",
      dataSource: "EPMAPS",
      secretariatId: String(salud.id),
      target2025: "70",
      target2030: "88,25",
      target2033: "95",
    });
    const deaths = await indicator(2, {
      name: "Muertes en vías por 100 000 habitantes",
      unit: "tasa",
      direction: "LOWER_IS_BETTER",
      target2027: "6,4",
    });
    await recordMeasurement(
      db,
      {
        indicatorId: water.id,
        version: 1,
        measuredOn: addDays(today, -30),
        value: 60.125,
        explanation: "Obra en curso",
        note: "Dato preliminar",
      },
      saludReporter,
    );
    await recordMeasurement(
      db,
      {
        indicatorId: water.id,
        version: 2,
        measuredOn: today,
        value: 66,
        explanation: "Retraso en la licitación",
        evidenceUrl: "https://quito.gob.ec/agua.pdf",
      },
      planner,
    );
    await recordMeasurement(
      db,
      { indicatorId: deaths.id, version: 1, measuredOn: today, value: 7.1, explanation: "Sin operativos" },
      planner,
    );
    await indicator(5, { name: "Convenios firmados", unit: "convenios", baselineYear: "2023", baselineValue: "0", target2026: "3" });
    for (const milestone of [
      { initiativeId: 2, title: "Estudios aprobados", plannedOn: addDays(today, -10), state: "PLANNED" as const },
      {
        initiativeId: 2,
        title: "Licitación adjudicada",
        plannedOn: addDays(today, -60),
        achievedOn: addDays(today, -55),
        state: "DONE" as const,
      },
      { initiativeId: 2, title: "Obra iniciada", plannedOn: addDays(today, 90), state: "IN_PROGRESS" as const },
      { initiativeId: 5, title: "Mesa con la academia", plannedOn: addDays(today, -5), state: "CANCELLED" as const },
    ]) {
      await createMilestone(db, milestone, planner);
    }
    await updateIndicatorThresholds(db, { version: 0, onTrackPercent: 85, atRiskPercent: 60.5 }, admin);

    first = serializeDocument(await exportMatrix(db));
    file = path.join(scratch, "matriz.json");
    writeFileSync(file, first);
  });

  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
  });

  it("el documento lleva periodos, reportes, personas, indicadores, hitos y umbrales, con las personas por correo", () => {
    const doc = JSON.parse(first) as MatrixDocument;
    expect(doc.reportingPeriods).toEqual([
      { name: "2026-T1", startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-10", open: false },
      { name: "2026-T2", startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2099-07-10", open: true },
      { name: "2026-T3", startsOn: "2026-07-01", endsOn: "2026-09-30", dueOn: "2099-10-10", open: true },
    ]);
    expect(doc.people).toEqual([
      { email: "admin@quito.gob.ec", secretariats: [], weeklyDigest: true },
      { email: "planifica@quito.gob.ec", secretariats: [], weeklyDigest: false },
      { email: "reporta.movilidad@quito.gob.ec", secretariats: ["Secretaría de Movilidad"], weeklyDigest: null },
      { email: "reporta.salud@quito.gob.ec", secretariats: ["Secretaría de Educación", "Secretaría de Salud"], weeklyDigest: null },
    ]);
    expect(doc.indicatorThresholds).toEqual({ onTrackPercent: 85, atRiskPercent: 60.5 });
    const two = doc.initiatives.find((i) => i.id === 2)!;
    expect(two.reports).toMatchObject([
      { period: "2026-T1", status: "APPROVED", reviewerEmail: "planifica@quito.gob.ec", evidenceUrl: "https://quito.gob.ec/t1.pdf" },
      {
        period: "2026-T2",
        status: "RETURNED",
        returnReason: "Falta el acta de la mesa técnica",
        authorEmail: "reporta.salud@quito.gob.ec",
      },
    ]);
    expect(doc.initiatives.find((i) => i.id === 3)!.reports).toMatchObject([
      { period: "2026-T1", status: "SUBMITTED", reviewerEmail: null },
    ]);
    expect(two.indicators!.map((i) => i.name)).toEqual(["Hogares con agua potable", "Muertes en vías por 100 000 habitantes"]);
    expect(two.indicators![0]).toMatchObject({
      secretariat: "Secretaría de Salud",
      baselineValue: 61.5,
      targets: [
        { year: 2025, value: 70 },
        { year: 2030, value: 88.25 },
        { year: 2033, value: 95 },
      ],
    });
    expect(two.indicators![0]!.measurements.map((m) => [m.value, m.authorEmail])).toEqual([
      [60.125, "reporta.salud@quito.gob.ec"],
      [66, "planifica@quito.gob.ec"],
    ]);
    expect(two.indicators![1]).toMatchObject({ baselineYear: null, baselineValue: null, secretariat: null, direction: "LOWER_IS_BETTER" });
    expect(two.milestones!.map((m) => m.title)).toEqual(["Licitación adjudicada", "Estudios aprobados", "Obra iniciada"]);
    // No internal id of a person, period or indicator travels.
    expect(first).not.toMatch(/"(authorId|reviewerId|userId|periodId|indicatorId|secretariatId)"/);
  });

  it("exportar → importar en una base vacía → exportar da los mismos bytes y las mismas filas", async () => {
    await createPeople(target.db);
    await importMatrix(target.db, readMatrixFile(file).document);
    expect(serializeDocument(await exportMatrix(target.db))).toBe(first);
    expect(await rows(target.db)).toEqual(await rows(source.db));
    const restored = await rows(target.db);
    expect(restored.reports).toHaveLength(3);
    expect(restored.reports.map((r) => r.author)).toEqual([
      "reporta.salud@quito.gob.ec",
      "reporta.salud@quito.gob.ec",
      "reporta.movilidad@quito.gob.ec",
    ]);
    expect(restored.indicators.flatMap((i) => i.measurements)).toHaveLength(3);
    expect(byName(restored.periods)).toEqual(["2026-T1", "2026-T2", "2026-T3"]);

    // The same file again writes nothing.
    const again = await importMatrix(target.db, readMatrixFile(file).document);
    expect(again).toMatchObject({
      reportingPeriods: { created: 0, updated: 0, unchanged: 3 },
      peopleReplaced: 0,
      reportsReplaced: 0,
      indicatorsReplaced: 0,
      milestonesReplaced: 0,
      thresholdsReplaced: false,
      trackingReplaced: 0,
    });
  });

  it("un documento anterior, sin las claves nuevas, se importa y deja lo guardado intacto", async () => {
    const older = readMatrixFile(file).document;
    delete older.reportingPeriods;
    delete older.people;
    delete older.indicatorThresholds;
    for (const initiative of older.initiatives) {
      delete initiative.reports;
      delete initiative.indicators;
      delete initiative.milestones;
    }
    const name = path.join(scratch, "anterior.json");
    writeFileSync(name, serializeDocument(older));
    const report = await importMatrix(target.db, readMatrixFile(name).document);
    expect(report.reportsReplaced + report.indicatorsReplaced + report.milestonesReplaced + report.peopleReplaced).toBe(0);
    expect(serializeDocument(await exportMatrix(target.db))).toBe(first);
  });

  it("un correo sin cuenta se rechaza nombrando la fila, y no se escribe nada", async () => {
    const before = await rows(target.db);
    const exported = serializeDocument(await exportMatrix(target.db));
    const changed = readMatrixFile(file).document;
    // Changes that come before the bad row in the import, so the rollback is what keeps them out.
    changed.initiatives[0]!.name = "Nombre cambiado";
    changed.reportingPeriods!.push({ name: "2026-T4", startsOn: "2026-10-01", endsOn: "2026-12-31", dueOn: "2027-01-10", open: true });
    changed.indicatorThresholds = { onTrackPercent: 95, atRiskPercent: 50 };
    changed.people!.push({ email: "nadie@quito.gob.ec", secretariats: ["Secretaría de Salud"], weeklyDigest: false });

    const attempt = importMatrix(target.db, changed);
    await expect(attempt).rejects.toThrow(MatrixImportError);
    await expect(attempt).rejects.toThrow(
      "people[4]: no hay ninguna cuenta con el correo «nadie@quito.gob.ec»; créela con «npm run user:create» o quite la fila. No se importó nada.",
    );
    expect(serializeDocument(await exportMatrix(target.db))).toBe(exported);
    expect(await rows(target.db)).toEqual(before);
    expect(await target.db.reportingPeriod.count({ where: { name: "2026-T4" } })).toBe(0);
  });

  it("un periodo de reporte desconocido se rechaza nombrando la fila", async () => {
    const changed = readMatrixFile(file).document;
    delete changed.reportingPeriods;
    const index = changed.initiatives.findIndex((i) => i.id === 3);
    changed.initiatives[index]!.reports = [{ ...changed.initiatives[index]!.reports![0]!, period: "2030-T1" }];
    await expect(importMatrix(target.db, changed)).rejects.toThrow(
      `initiatives[${index}].reports[0]: el periodo «2030-T1» no está en la base ni en «reportingPeriods».`,
    );
    expect(serializeDocument(await exportMatrix(target.db))).toBe(first);
  });

  it("los comandos: matrix:export da el mismo documento y matrix:import rechaza el correo sin cuenta en español", async () => {
    const exported = await cli("matrix-export", [], source.url);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(first);

    const before = serializeDocument(await exportMatrix(target.db));
    const changed = readMatrixFile(file).document;
    changed.people = [{ email: "Desconocida@Quito.gob.ec", secretariats: [], weeklyDigest: true }];
    const name = path.join(scratch, "correo-desconocido.json");
    writeFileSync(name, serializeDocument(changed));
    const refused = await cli("matrix-import", [name], target.url);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("people[0]: no hay ninguna cuenta con el correo «Desconocida@Quito.gob.ec»");
    expect(serializeDocument(await exportMatrix(target.db))).toBe(before);
  });
});
