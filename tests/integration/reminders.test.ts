import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/job-workers";
import {
  notifyReportReturned,
  reminderDrafts,
  sendReminders,
  sendWeeklyDigest,
  weekStart,
} from "@/lib/notifications/accountability-events";
import { dayToDate } from "@/lib/tracking/days";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { until } from "../support/until";

const PORTAL = "https://pmdot.example.test";
const email = { portalUrl: PORTAL };
let database: TestDatabase;
let smtp: TestSmtpServer;
const ids = {} as Record<"salud" | "movilidad" | "a" | "b" | "c" | "d" | "e" | "period" | "returnedReport", number>;
const people = {} as Record<
  "reporterSalud" | "reporterMovilidad" | "viewerSalud" | "formerReporter" | "planner" | "admin" | "quietPlanner",
  { id: number; email: string }
>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtpServer();
  const db = database.db;
  const salud = await db.secretariat.findUniqueOrThrow({ where: { slug: "salud" } });
  const movilidad = await db.secretariat.findUniqueOrThrow({ where: { slug: "movilidad" } });
  ids.salud = salud.id;
  ids.movilidad = movilidad.id;
  const development = await db.developmentObjective.create({ data: { code: "1", title: "Desarrollo", position: 1 } });
  const management = await db.managementObjective.create({
    data: { code: "1.1", title: "Gestión", position: 1, developmentObjectiveId: development.id },
  });
  const initiative = (position: number, name: string, leadSecretariatId: number, extra: object = {}) =>
    db.initiative.create({ data: { name, position, managementObjectiveId: management.id, leadSecretariatId, ...extra } });
  ids.a = (await initiative(1, "Centros de salud barriales", salud.id)).id;
  ids.b = (
    await initiative(2, "Rutas seguras a hospitales", movilidad.id, { supportingSecretariats: { create: { secretariatId: salud.id } } })
  ).id;
  ids.c = (await initiative(3, "Campaña de vacunación 2025", salud.id, { status: "CONCLUIDA" })).id;
  ids.d = (await initiative(4, "Carriles exclusivos de buses", movilidad.id)).id;
  ids.e = (await initiative(5, "Programa retirado", salud.id, { archivedAt: new Date() })).id;

  const person = async (
    key: keyof typeof people,
    name: string,
    role: "VIEWER" | "REPORTER" | "PLANNER" | "ADMIN",
    secretariatId?: number,
  ) => {
    const user = await db.user.create({
      data: {
        email: `${key.toLowerCase()}@example.test`,
        name,
        role,
        passwordHash: "x",
        ...(secretariatId ? { secretariats: { create: { secretariatId } } } : {}),
      },
    });
    people[key] = user;
  };
  await person("reporterSalud", "Lucía Andrade", "REPORTER", salud.id);
  await person("reporterMovilidad", "Pedro Cevallos", "REPORTER", movilidad.id);
  await person("viewerSalud", "Rosa Tipán", "VIEWER", salud.id);
  await person("formerReporter", "Jorge Muñoz", "REPORTER", salud.id);
  await db.user.update({ where: { id: people.formerReporter.id }, data: { active: false } });
  await person("planner", "Ana Planificación", "PLANNER");
  await person("admin", "Carlos Administración", "ADMIN");
  await person("quietPlanner", "Sofía Sin Resumen", "PLANNER");
  await db.notificationPreference.create({ data: { userId: people.quietPlanner.id, weeklyDigest: false } });

  const period = await db.reportingPeriod.create({
    data: { name: "2027-T1", startsOn: dayToDate("2027-01-01"), endsOn: dayToDate("2027-03-31"), dueOn: dayToDate("2027-04-10") },
  });
  ids.period = period.id;
  const report = (initiativeId: number, status: "SUBMITTED" | "RETURNED", authorId: number | null) =>
    db.periodReport.create({
      data: {
        periodId: period.id,
        initiativeId,
        status,
        progressStatus: "EN_EJECUCION",
        progress: 40,
        note: "Avance del trimestre.",
        authorId,
        authorName: "Lucía Andrade",
        authorEmail: "reportersalud@example.test",
        submittedAt: new Date(),
        ...(status === "RETURNED" ? { returnReason: "Adjunte el acta.", reviewerName: "Ana Planificación" } : {}),
      },
    });
  await report(ids.d, "SUBMITTED", people.reporterMovilidad.id);
  ids.returnedReport = (await report(ids.b, "RETURNED", people.reporterSalud.id)).id;
});
afterAll(async () => {
  await smtp?.close();
  await database?.drop();
});

const notificationsOf = (userId: number) => database.db.notification.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("los recordatorios de reporte", () => {
  it("no recuerda nada antes de los días configurados", async () => {
    expect(await reminderDrafts(database.db, { today: "2027-04-02", daysBefore: 7 })).toEqual([]);
  });

  it("recuerda a cada reportero lo que sus secretarías deben, sin lo excluido, lo archivado ni lo enviado", async () => {
    const drafts = await reminderDrafts(database.db, { today: "2027-04-03", daysBefore: 7 });
    const byUser = new Map(drafts.map((draft) => [draft.userId, draft]));
    expect([...byUser.keys()].sort()).toEqual([people.reporterSalud.id, people.reporterMovilidad.id].sort());
    const salud = byUser.get(people.reporterSalud.id)!;
    expect(salud.kind).toBe("DUE_SOON");
    expect(salud.eventKey).toBe(`due-reminder:${ids.period}:${people.reporterSalud.id}`);
    expect(salud.link).toBe("/mis-iniciativas");
    expect(salud.data).toMatchObject({ periodName: "2027-T1", dueOn: "2027-04-10" });
    // A (lead), B (supported, returned); not C (concluded), nor E (archived).
    expect((salud.data as { initiatives: { id: number }[] }).initiatives.map((row) => row.id)).toEqual([ids.a, ids.b]);
    // Movilidad leads B (returned) and D (submitted, not owed).
    expect((byUser.get(people.reporterMovilidad.id)!.data as { initiatives: { id: number }[] }).initiatives.map((row) => row.id)).toEqual([
      ids.b,
    ]);
  });

  it("envía por correo cada recordatorio una vez, aunque dos instancias ejecuten la tarea a la vez y otra vez después", async () => {
    const options = (today: string) => ({
      databaseUrl: database.url,
      db: database.db,
      mail: { smtpUrl: smtp.url, from: "Matriz PMDOT <pmdot@example.test>", portalUrl: PORTAL },
      retryDelaySeconds: 1,
      pollingIntervalSeconds: 0.5,
      reminderDaysBefore: 7,
      today: () => today,
    });
    const instances: JobWorkers[] = [await startJobWorkers(options("2027-04-05")), await startJobWorkers(options("2027-04-05"))];
    try {
      const [first, second] = await Promise.all(instances.map((instance) => instance.runReminders()));
      expect(first!.notificationIds.length + second!.notificationIds.length).toBe(2);
      expect((await instances[0]!.runReminders()).notificationIds).toEqual([]);
      await until(
        "los dos recordatorios enviados",
        async () => smtp.messages.length,
        (count) => count >= 2,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(smtp.messages).toHaveLength(2);
      const toSalud = smtp.messages.find((message) => JSON.stringify(message.to).includes(people.reporterSalud.email))!;
      expect(toSalud.subject).toBe("[Matriz PMDOT] El reporte del periodo «2027-T1» vence el 10 de abril de 2027");
      expect(toSalud.text).toContain("Hola, Lucía Andrade:");
      expect(toSalud.text).toContain(
        "Su secretaría tiene 2 iniciativas con el reporte pendiente en el periodo «2027-T1», que vence el 10 de abril de 2027:",
      );
      expect(toSalud.text).toContain("• Centros de salud barriales\n• Rutas seguras a hospitales");
      expect(toSalud.text).not.toContain("Campaña de vacunación");
      expect(toSalud.text).toContain(`${PORTAL}/mis-iniciativas`);
      expect(toSalud.text).toContain(`${PORTAL}/cuenta/notificaciones`);

      // The day after the due date: the «atrasado» reminder, once.
      smtp.messages.length = 0;
      const late = await sendReminders(database.db, { today: "2027-04-11", daysBefore: 7, email });
      expect(late.notificationIds).toHaveLength(2);
      expect((await sendReminders(database.db, { today: "2027-04-12", daysBefore: 7, email })).notificationIds).toEqual([]);
      await instances[1]!.dispatchEmails();
      await until(
        "los dos avisos de atraso enviados",
        async () => smtp.messages.length,
        (count) => count >= 2,
      );
      const lateSalud = smtp.messages.find((message) => JSON.stringify(message.to).includes(people.reporterSalud.email))!;
      expect(lateSalud.subject).toBe("[Matriz PMDOT] Reportes atrasados del periodo «2027-T1»");
      expect(lateSalud.text).toContain("El plazo del periodo «2027-T1» venció el 10 de abril de 2027");
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
    }
    const kinds = (await notificationsOf(people.reporterSalud.id)).map((row) => row.kind);
    expect(kinds).toEqual(["DUE_SOON", "OVERDUE"]);
    expect(await notificationsOf(people.viewerSalud.id)).toEqual([]);
    expect(await notificationsOf(people.formerReporter.id)).toEqual([]);
  });
});

describe("el resumen semanal", () => {
  it("cuenta los reportes atrasados por secretaría y llega a planificación y administración, salvo a quien lo desactivó", async () => {
    const created = await sendWeeklyDigest(database.db, { today: "2027-04-14", email: null });
    expect(created.notificationIds).toHaveLength(2);
    const [toPlanner] = await notificationsOf(people.planner.id);
    expect(toPlanner!.kind).toBe("WEEKLY_DIGEST");
    expect(toPlanner!.eventKey).toBe(`weekly-digest:2027-04-12:${people.planner.id}`);
    expect(toPlanner!.link).toBe("/iniciativas?reporte=atrasado");
    const salud = await database.db.secretariat.findUniqueOrThrow({ where: { id: ids.salud } });
    const movilidad = await database.db.secretariat.findUniqueOrThrow({ where: { id: ids.movilidad } });
    expect(toPlanner!.data).toEqual({
      week: "2027-04-12",
      total: 2,
      bySecretariat: [
        { name: movilidad.name, count: 1 },
        { name: salud.name, count: 1 },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    });
    expect(await notificationsOf(people.admin.id)).toHaveLength(1);
    expect(await notificationsOf(people.quietPlanner.id)).toEqual([]);
    // Later the same week: nothing new.
    expect((await sendWeeklyDigest(database.db, { today: "2027-04-16", email: null })).notificationIds).toEqual([]);
  });

  it("toma el lunes de la semana", () => {
    expect(weekStart("2027-04-12")).toBe("2027-04-12");
    expect(weekStart("2027-04-18")).toBe("2027-04-12");
    expect(weekStart("2027-04-19")).toBe("2027-04-19");
  });
});

describe("el aviso de reporte devuelto", () => {
  it("llega a quien lo envió, con el motivo y el enlace a la iniciativa, una vez por devolución", async () => {
    const first = await database.db.$transaction((tx) => notifyReportReturned(tx, ids.returnedReport, { email }));
    expect(first.notificationIds).toHaveLength(1);
    expect(first.deliveryIds).toHaveLength(1);
    expect((await database.db.$transaction((tx) => notifyReportReturned(tx, ids.returnedReport, { email }))).notificationIds).toEqual([]);
    const delivery = await database.db.emailDelivery.findUniqueOrThrow({
      where: { id: first.deliveryIds[0] },
      include: { notification: true },
    });
    expect(delivery.toAddress).toBe(people.reporterSalud.email);
    expect(delivery.subject).toBe("[Matriz PMDOT] Reporte devuelto: Rutas seguras a hospitales");
    expect(delivery.body).toContain(
      "Ana Planificación devolvió para corrección el reporte de «Rutas seguras a hospitales» del periodo «2027-T1».",
    );
    expect(delivery.body).toContain("Motivo: Adjunte el acta.");
    expect(delivery.body).toContain(`${PORTAL}/iniciativas/${ids.b}/seguimiento`);
    expect(delivery.notification.userId).toBe(people.reporterSalud.id);

    // Resubmitted and returned again: a new notice.
    await database.db.periodReport.update({
      where: { id: ids.returnedReport },
      data: { version: { increment: 2 }, returnReason: "Falta la firma." },
    });
    const second = await database.db.$transaction((tx) => notifyReportReturned(tx, ids.returnedReport, { email: null }));
    expect(second.notificationIds).toHaveLength(1);
  });

  it("sin autor, avisa a los reporteros de las secretarías de la iniciativa; un reporte no devuelto no avisa", async () => {
    const orphan = await database.db.periodReport.create({
      data: {
        periodId: ids.period,
        initiativeId: ids.a,
        status: "RETURNED",
        progressStatus: "EN_EJECUCION",
        note: "Sin autor.",
        authorId: null,
        authorName: "Persona que se fue",
        authorEmail: "fue@example.test",
        submittedAt: new Date(),
        returnReason: "Revise.",
      },
    });
    const created = await database.db.$transaction((tx) => notifyReportReturned(tx, orphan.id, { email: null }));
    const recipients = await database.db.notification.findMany({
      where: { id: { in: created.notificationIds } },
      select: { userId: true },
    });
    expect(recipients.map((row) => row.userId)).toEqual([people.reporterSalud.id]);
    await database.db.periodReport.update({ where: { id: orphan.id }, data: { status: "SUBMITTED" } });
    expect((await database.db.$transaction((tx) => notifyReportReturned(tx, orphan.id, { email: null }))).notificationIds).toEqual([]);
  });
});
