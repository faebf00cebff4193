import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { checkProductionConfig } from "@/lib/config";
import { mailSettings } from "@/lib/mail/mail-settings";
import { renderEmail, renderNotification } from "@/lib/notifications/render-notification";

const base = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://portal@db/matriz",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
} as const;
const saved = { ...process.env };
afterEach(() => {
  for (const key of ["SMTP_URL", "MAIL_FROM", "NEXTAUTH_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("configuración del correo", () => {
  it("sin SMTP_URL el correo está desactivado; con ella lleva remitente y la URL del portal", () => {
    delete process.env.SMTP_URL;
    expect(mailSettings()).toBeNull();
    process.env.SMTP_URL = "smtp://usuario:clave@smtp.quito.gob.ec:587";
    process.env.MAIL_FROM = "Matriz PMDOT <pmdot@quito.gob.ec>";
    process.env.NEXTAUTH_URL = "https://pmdot.quito.gob.ec/";
    expect(mailSettings()).toEqual({
      smtpUrl: "smtp://usuario:clave@smtp.quito.gob.ec:587",
      from: "Matriz PMDOT <pmdot@quito.gob.ec>",
      portalUrl: "https://pmdot.quito.gob.ec",
    });
  });

  it("en producción rechaza una SMTP_URL que no es smtp:// ni smtps://, y un número de días que no es entero", () => {
    expect(checkProductionConfig({ ...base, SMTP_URL: "smtps://smtp.quito.gob.ec:465" })).toEqual([]);
    expect(checkProductionConfig({ ...base, SMTP_URL: "https://smtp.quito.gob.ec" }).join(" ")).toContain("SMTP_URL");
    expect(checkProductionConfig({ ...base, REMINDER_DAYS_BEFORE: "una semana" }).join(" ")).toContain("REMINDER_DAYS_BEFORE");
  });
});

describe("el texto de las notificaciones", () => {
  it("redacta el resumen semanal con la semana y las secretarías, y el correo con saludo, enlace y pie", () => {
    const rendered = renderNotification("WEEKLY_DIGEST", {
      week: "2027-04-12",
      total: 3,
      bySecretariat: [
        { name: "Secretaría de Salud", count: 2 },
        { name: null, count: 1 },
      ],
    });
    expect(rendered).toEqual({
      title: "Resumen semanal de reportes atrasados (semana del 12 de abril de 2027)",
      lines: ["Hay 3 reportes atrasados en los periodos abiertos:", "• Secretaría de Salud: 2", "• Sin secretaría responsable: 1"],
    });
    const email = renderEmail(rendered, { name: "Ana" }, "/iniciativas?reporte=atrasado", "https://pmdot.quito.gob.ec/");
    expect(email.subject).toBe("[Matriz PMDOT] Resumen semanal de reportes atrasados (semana del 12 de abril de 2027)");
    expect(email.body.split("\n")).toEqual(
      expect.arrayContaining(["Hola, Ana:", "Ábralo en el portal: https://pmdot.quito.gob.ec/iniciativas?reporte=atrasado"]),
    );
    expect(email.body).toContain("https://pmdot.quito.gob.ec/cuenta/notificaciones");
  });

  it("nombra a lo sumo 20 iniciativas y resume el resto", () => {
    const initiatives = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, name: `Iniciativa ${i + 1}` }));
    const { lines } = renderNotification("DUE_SOON", { periodId: 1, periodName: "2027-T1", dueOn: "2027-04-10", initiatives });
    expect(lines[0]).toBe(
      "Su secretaría tiene 23 iniciativas con el reporte pendiente en el periodo «2027-T1», que vence el 10 de abril de 2027:",
    );
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe("• … (+3)");
  });

  it("muestra por su tipo una notificación cuyos datos ya no se entienden", () => {
    expect(renderNotification("OVERDUE", { otra: "cosa" })).toEqual({ title: "Reporte atrasado", lines: [] });
  });
});
