import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/job-workers";
import { createNotifications } from "@/lib/notifications/create-notifications";
import type { NotificationDraft } from "@/lib/notifications/notification-data";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort, startTestSmtpServer } from "../support/smtp-server";
import { until } from "../support/until";

const PORTAL = "https://pmdot.example.test";
const FROM = "Matriz PMDOT <pmdot@example.test>";
let database: TestDatabase;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});
afterAll(async () => {
  await database.drop();
});

async function smtp(port = 0) {
  const server = await startTestSmtpServer(port);
  running.push(server);
  return server;
}

async function workers(smtpUrl: string, options: { retryLimit?: number } = {}): Promise<JobWorkers> {
  const instance = await startJobWorkers({
    databaseUrl: database.url,
    db: database.db,
    mail: { smtpUrl, from: FROM, portalUrl: PORTAL },
    retryDelaySeconds: 1,
    retryLimit: options.retryLimit,
    pollingIntervalSeconds: 0.5,
    reminderDaysBefore: 7,
  });
  running.push({ close: () => instance.stop() });
  return instance;
}

let userSeq = 0;
async function user(name: string) {
  userSeq++;
  return database.db.user.create({ data: { email: `persona${userSeq}@example.test`, name, role: "VIEWER", passwordHash: "x" } });
}

function returned(userId: number, reportId: number, initiativeName = "Red de ciclovías"): NotificationDraft {
  return {
    kind: "REPORT_RETURNED",
    userId,
    eventKey: `report-returned:${reportId}:1:${userId}`,
    link: `/mis-iniciativas`,
    data: {
      reportId,
      periodName: "2027-T1",
      initiativeId: 1,
      initiativeName,
      reason: "Falta la evidencia.",
      reviewerName: "Ana Planificación",
    },
  };
}

const deliveries = () => database.db.emailDelivery.findMany({ orderBy: { id: "asc" } });

describe("el envío de correos por la cola", () => {
  it("entrega a cada destinatario su mensaje en español con el enlace, una sola vez aunque dos instancias trabajen", async () => {
    const server = await smtp();
    const people = await Promise.all(["Lucía Andrade", "Pedro Cevallos", "Rosa Tipán", "Jorge Muñoz"].map(user));
    const drafts = people.map((person, index) => returned(person.id, 100 + index));
    const { deliveryIds } = await createNotifications(database.db, drafts, { email: { portalUrl: PORTAL } });
    expect(deliveryIds).toHaveLength(4);
    // The same events again (another instance, a retried scan): nothing new.
    expect(await createNotifications(database.db, drafts, { email: { portalUrl: PORTAL } })).toEqual({
      notificationIds: [],
      deliveryIds: [],
    });

    const [a, b] = [await workers(server.url), await workers(server.url)];
    const [queuedA, queuedB] = await Promise.all([a!.dispatchEmails(), b!.dispatchEmails()]);
    expect(queuedA + queuedB).toBeGreaterThanOrEqual(4);
    // Extra jobs for the same messages, as a stale dispatcher could leave: the lease lets only one send each.
    for (const id of deliveryIds) await b!.boss.send("email-send", { deliveryId: id });

    await until("los cuatro correos enviados", deliveries, (rows) => rows.filter((row) => row.state === "SENT").length === 4);
    await until(
      "los trabajos extra terminados",
      () => a!.boss.getQueueSize("email-send"),
      (size) => size === 0,
    );
    expect(server.messages).toHaveLength(4);
    const byRecipient = new Map(
      server.messages.map((message) => [message.to && !Array.isArray(message.to) ? message.to.text : "", message]),
    );
    expect(byRecipient.size).toBe(4);
    const lucia = byRecipient.get(people[0]!.email)!;
    expect(lucia.subject).toBe("[Matriz PMDOT] Reporte devuelto: Red de ciclovías");
    expect(lucia.from?.text).toContain("pmdot@example.test");
    expect(lucia.text).toContain("Hola, Lucía Andrade:");
    expect(lucia.text).toContain("Ana Planificación devolvió para corrección el reporte de «Red de ciclovías» del periodo «2027-T1».");
    expect(lucia.text).toContain("Motivo: Falta la evidencia.");
    expect(lucia.text).toContain(`${PORTAL}/mis-iniciativas`);
    expect(lucia.headers.get("x-pmdot-event")).toBe(drafts[0]!.eventKey);
    const rows = await deliveries();
    expect(rows.every((row) => row.sentAt !== null && row.lastError === null && row.attempts === 1)).toBe(true);
  });

  it("con el servidor SMTP caído reintenta, y al volver entrega una vez aunque la instancia se haya reiniciado", async () => {
    await database.db.emailDelivery.deleteMany();
    const port = await freePort();
    const person = await user("Marta Quishpe");
    const { deliveryIds } = await createNotifications(database.db, [returned(person.id, 200)], { email: { portalUrl: PORTAL } });
    const first = await workers(`smtp://127.0.0.1:${port}`);
    await first.dispatchEmails();
    const failed = await until(
      "un intento fallido",
      () => database.db.emailDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } }),
      (row) => row.attempts >= 1 && row.lastError !== null && row.claimedUntil === null,
    );
    expect(failed.state).toBe("PENDING");
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    // This instance stops; the job stays in PostgreSQL for the next one.
    await running.pop()!.close();

    const server = await smtp(port);
    await workers(server.url);
    const sent = await until(
      "el correo enviado al volver el servidor",
      () => database.db.emailDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } }),
      (row) => row.state === "SENT",
    );
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.lastError).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]!.subject).toContain("Reporte devuelto");
  });

  it("deja el correo como fallido, con el error, cuando se agotan los reintentos", async () => {
    await database.db.emailDelivery.deleteMany();
    const person = await user("Diego Paredes");
    const { deliveryIds } = await createNotifications(database.db, [returned(person.id, 300)], { email: { portalUrl: PORTAL } });
    const instance = await workers(`smtp://127.0.0.1:${await freePort()}`, { retryLimit: 1 });
    await instance.dispatchEmails();
    const row = await until(
      "el correo fallido",
      () => database.db.emailDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } }),
      (value) => value.state === "FAILED",
    );
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(row.sentAt).toBeNull();
  });

  it("sin correo configurado solo crea la notificación en el portal", async () => {
    const person = await user("Inés Vaca");
    const created = await createNotifications(database.db, [returned(person.id, 400)], { email: null });
    expect(created.notificationIds).toHaveLength(1);
    expect(created.deliveryIds).toEqual([]);
  });

  it("no notifica a una cuenta desactivada", async () => {
    const person = await user("Raúl Salazar");
    await database.db.user.update({ where: { id: person.id }, data: { active: false } });
    const created = await createNotifications(database.db, [returned(person.id, 500)], { email: { portalUrl: PORTAL } });
    expect(created).toEqual({ notificationIds: [], deliveryIds: [] });
  });
});
