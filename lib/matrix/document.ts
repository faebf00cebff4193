import { z } from "zod";
import { COUNTERPART_TYPE_CODES } from "@/lib/tracking/counterpart-types";
import { day, progressSchema, statusSchema } from "@/lib/tracking/tracking-schemas";
import type { ParsedMatrix } from "./source-parser";

/**
 * The matrix as exchanged on disk (`npm run matrix:export` / `matrix:import`):
 * open data, backup, and the contract of the import. Key order is the output order.
 */
const source = z.object({ line: z.number().int().positive(), page: z.number().int().positive() }).strict();
const text = (label: string, max = 5_000) =>
  z
    .string({ error: `${label}: se esperaba un texto.` })
    .trim()
    .min(1, `${label}: no puede estar vacío.`)
    .max(max, `${label}: supera ${max} caracteres.`);

/**
 * Tracking travels with the matrix. Every tracking key is optional on import:
 * a document without it (the source document, an older export) leaves the
 * stored tracking as it is; the export always writes it.
 */
const instrument = z
  .object({
    type: text("Tipo de instrumento", 200),
    counterpart: text("Contraparte", 200),
    title: text("Título del instrumento", 500),
    signedOn: day("Fecha de firma"),
    endsOn: day("Fecha de fin").nullable(),
    reference: z.string().max(500).nullable(),
  })
  .strict()
  .refine((i) => i.endsOn === null || i.endsOn >= i.signedOn, { path: ["endsOn"], message: "La fecha de fin es anterior a la firma." });

const tracking = z
  .object({
    status: statusSchema,
    progress: progressSchema.nullable(),
    leadSecretariat: text("Secretaría responsable", 200).nullable(),
    supportingSecretariats: z.array(text("Secretaría de apoyo", 200)),
    updates: z.array(
      z
        .object({
          date: day("Fecha del avance"),
          note: text("Nota de avance"),
          status: statusSchema.nullable(),
          progress: progressSchema.nullable(),
          authorName: text("Autor", 200),
          authorEmail: text("Correo del autor", 320),
          recordedAt: z.iso.datetime({ error: "recordedAt: se esperaba una fecha y hora ISO 8601." }),
        })
        .strict(),
    ),
  })
  .strict();

const email = (label: string) => text(label, 320).pipe(z.email(`${label}: no es un correo válido.`));
const optionalText = (max: number) => z.string().max(max, `supera ${max} caracteres.`).nullable();
const recordedAt = (label: string) => z.iso.datetime({ error: `${label}: se esperaba una fecha y hora ISO 8601.` });

/**
 * Accountability and indicators (issues #18 and #20) travel like the rest of
 * the tracking: every key below is optional on import, so an older document
 * leaves them as they are; the export always writes them. People are named by
 * e-mail, never by the database's ids.
 */
const reportingPeriod = z
  .object({
    name: text("Nombre del periodo", 120),
    startsOn: day("Inicio del periodo"),
    endsOn: day("Fin del periodo"),
    dueOn: day("Fecha límite del periodo"),
    open: z.boolean(),
  })
  .strict()
  .refine((p) => p.endsOn >= p.startsOn, { path: ["endsOn"], message: "El fin del periodo es anterior a su inicio." })
  .refine((p) => p.dueOn >= p.startsOn, { path: ["dueOn"], message: "La fecha límite es anterior al inicio del periodo." });

const person = z
  .object({
    email: email("Correo de la persona"),
    /** The secretariats the account belongs to: what a REPORTER may report on. */
    secretariats: z.array(text("Secretaría", 200)),
    /** The weekly digest as the person chose it; null when they never chose (the default applies). */
    weeklyDigest: z.boolean().nullable(),
  })
  .strict();

const periodReport = z
  .object({
    period: text("Periodo del reporte", 120),
    status: z.enum(["SUBMITTED", "RETURNED", "APPROVED"], { error: "Estado de reporte desconocido." }),
    progressStatus: statusSchema,
    progress: progressSchema.nullable(),
    note: text("Nota del reporte"),
    evidenceUrl: optionalText(2_000),
    returnReason: optionalText(2_000),
    authorName: text("Autor del reporte", 200),
    authorEmail: text("Correo del autor del reporte", 320),
    reviewerName: optionalText(200),
    reviewerEmail: optionalText(320),
    submittedAt: recordedAt("submittedAt"),
    reviewedAt: recordedAt("reviewedAt").nullable(),
    recordedAt: recordedAt("recordedAt"),
  })
  .strict()
  .refine((r) => (r.reviewerEmail === null) === (r.reviewerName === null), {
    path: ["reviewerEmail"],
    message: "El revisor necesita nombre y correo, o ninguno de los dos.",
  });

const measurement = z
  .object({
    date: day("Fecha de la medición"),
    value: z.number({ error: "Valor de la medición: se esperaba un número." }),
    note: optionalText(5_000),
    explanation: optionalText(5_000),
    evidenceUrl: optionalText(2_000),
    authorName: text("Autor de la medición", 200),
    authorEmail: text("Correo del autor de la medición", 320),
    recordedAt: recordedAt("recordedAt"),
  })
  .strict();

const indicator = z
  .object({
    name: text("Nombre del indicador", 300),
    unit: text("Unidad del indicador", 50),
    direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"], { error: "Dirección del indicador desconocida." }),
    baselineYear: z.number().int().nullable(),
    baselineValue: z.number().nullable(),
    dataSource: optionalText(500),
    secretariat: text("Secretaría del indicador", 200).nullable(),
    targets: z.array(z.object({ year: z.number().int(), value: z.number() }).strict()),
    measurements: z.array(measurement),
  })
  .strict()
  .superRefine((i, ctx) => {
    const years = i.targets.map((target) => target.year);
    years.forEach((year, index) => {
      if (years.indexOf(year) !== index)
        ctx.addIssue({ code: "custom", path: ["targets", index, "year"], message: `Meta repetida: ${year}.` });
    });
  });

const milestone = z
  .object({
    title: text("Título del hito", 500),
    plannedOn: day("Fecha prevista del hito"),
    achievedOn: day("Fecha de cumplimiento del hito").nullable(),
    state: z.enum(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"], { error: "Estado de hito desconocido." }),
  })
  .strict();

const indicatorThresholds = z
  .object({ onTrackPercent: z.number().min(0).max(100), atRiskPercent: z.number().min(0).max(100) })
  .strict()
  .refine((s) => s.atRiskPercent < s.onTrackPercent, {
    path: ["atRiskPercent"],
    message: "El umbral «en riesgo» supera al de «en curso».",
  });

export const matrixDocumentSchema = z
  .object({
    developmentObjectives: z.array(
      z
        .object({
          code: z.string().regex(/^\d+$/, "Código de objetivo de desarrollo inválido (se esperaba p. ej. «1»)."),
          title: text("Título del objetivo de desarrollo"),
          source: source.optional(),
        })
        .strict(),
    ),
    managementObjectives: z.array(
      z
        .object({
          code: z.string().regex(/^\d+\.\d+$/, "Código de objetivo de gestión inválido (se esperaba p. ej. «1.1»)."),
          title: text("Título del objetivo de gestión"),
          developmentObjectiveCode: z.string(),
          source: source.optional(),
        })
        .strict(),
    ),
    initiatives: z.array(
      z
        .object({
          id: z.number().int().positive(),
          name: text("Nombre de la iniciativa", 1_000),
          managementObjectiveCode: z.string(),
          source: source.optional(),
          /** Present only for an archived initiative; without it, an import leaves the initiative as it is. */
          archived: z.literal(true).optional(),
          articulationObjectives: z
            .array(
              z
                .object({
                  text: text("Objetivo de articulación"),
                  mechanisms: z.array(text("Mecanismo", 200)),
                  source: source.optional(),
                  instruments: z.array(instrument).optional(),
                })
                .strict(),
            )
            .min(1, "Cada iniciativa necesita al menos un objetivo de articulación."),
          tracking: tracking.optional(),
          /** One per period at most, in the periods' order. */
          reports: z.array(periodReport).optional(),
          indicators: z.array(indicator).optional(),
          milestones: z.array(milestone).optional(),
        })
        .strict(),
    ),
    mechanisms: z.array(z.object({ name: text("Mecanismo", 200), description: z.string().max(2_000).nullable().optional() }).strict()),
    secretariats: z.array(z.object({ name: text("Secretaría", 200) }).strict()).optional(),
    counterparts: z
      .array(
        z
          .object({ name: text("Contraparte", 200), type: z.enum(COUNTERPART_TYPE_CODES, { error: "Tipo de actor desconocido." }) })
          .strict(),
      )
      .optional(),
    reportingPeriods: z.array(reportingPeriod).optional(),
    /** Accounts with secretariats or notification choices; the accounts themselves are created with `npm run user:create`. */
    people: z.array(person).optional(),
    /** The traffic-light thresholds; null means the defaults. */
    indicatorThresholds: indicatorThresholds.nullable().optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const duplicates = <T>(items: T[], key: (item: T) => string | number, label: string, path: string) => {
      const seen = new Set<string | number>();
      items.forEach((item, index) => {
        const k = key(item);
        if (seen.has(k)) ctx.addIssue({ code: "custom", path: [path, index], message: `${label} repetido: ${k}.` });
        seen.add(k);
      });
    };
    duplicates(doc.developmentObjectives, (o) => o.code, "Objetivo de desarrollo", "developmentObjectives");
    duplicates(doc.managementObjectives, (o) => o.code, "Objetivo de gestión", "managementObjectives");
    duplicates(doc.initiatives, (o) => o.id, "Id de iniciativa", "initiatives");
    duplicates(doc.mechanisms, (m) => m.name.toLocaleLowerCase("es"), "Mecanismo", "mechanisms");
    duplicates(doc.secretariats ?? [], (s) => s.name.toLocaleLowerCase("es"), "Secretaría", "secretariats");
    duplicates(doc.counterparts ?? [], (c) => c.name.toLocaleLowerCase("es"), "Contraparte", "counterparts");
    duplicates(doc.reportingPeriods ?? [], (p) => p.name, "Periodo de reporte", "reportingPeriods");
    duplicates(doc.people ?? [], (p) => p.email.toLowerCase(), "Correo", "people");

    const development = new Set(doc.developmentObjectives.map((o) => o.code));
    doc.managementObjectives.forEach((o, index) => {
      if (!development.has(o.developmentObjectiveCode) || !o.code.startsWith(`${o.developmentObjectiveCode}.`)) {
        ctx.addIssue({
          code: "custom",
          path: ["managementObjectives", index, "developmentObjectiveCode"],
          message: `El objetivo de gestión ${o.code} apunta a un objetivo de desarrollo inexistente o incoherente (${o.developmentObjectiveCode}).`,
        });
      }
    });
    const management = new Set(doc.managementObjectives.map((o) => o.code));
    const mechanisms = new Set(doc.mechanisms.map((m) => m.name));
    doc.initiatives.forEach((initiative, index) => {
      if (!management.has(initiative.managementObjectiveCode)) {
        ctx.addIssue({
          code: "custom",
          path: ["initiatives", index, "managementObjectiveCode"],
          message: `Código de objetivo de gestión desconocido: ${initiative.managementObjectiveCode}.`,
        });
      }
      const periods = new Set<string>();
      initiative.reports?.forEach((r, j) => {
        if (periods.has(r.period)) {
          ctx.addIssue({
            code: "custom",
            path: ["initiatives", index, "reports", j, "period"],
            message: `Dos reportes del periodo «${r.period}».`,
          });
        }
        periods.add(r.period);
      });
      initiative.articulationObjectives.forEach((objective, j) => {
        objective.instruments?.forEach((item, k) => {
          if (!objective.mechanisms.includes(item.type)) {
            ctx.addIssue({
              code: "custom",
              path: ["initiatives", index, "articulationObjectives", j, "instruments", k, "type"],
              message: `El tipo «${item.type}» no es uno de los mecanismos de este objetivo de articulación.`,
            });
          }
        });
        objective.mechanisms.forEach((name, k) => {
          if (!mechanisms.has(name)) {
            ctx.addIssue({
              code: "custom",
              path: ["initiatives", index, "articulationObjectives", j, "mechanisms", k],
              message: `Mecanismo no declarado en «mechanisms»: ${name}.`,
            });
          }
        });
      });
    });
  });

export type MatrixDocument = z.infer<typeof matrixDocumentSchema>;

/** Spanish, one line per problem, with the JSON path that holds it. */
export function describeDocumentErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where =
      issue.path.length > 0
        ? issue.path
            .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
            .join("")
            .replace(/^\./, "")
        : "(documento)";
    return `${where}: ${issue.message}`;
  });
}

/** The parsed source as an exchange document; initiatives are numbered in document order. */
export function documentFromSource(parsed: ParsedMatrix): MatrixDocument {
  return {
    developmentObjectives: parsed.developmentObjectives.map((o) => ({ code: o.code, title: o.title, source: o.source })),
    managementObjectives: parsed.managementObjectives.map((o) => ({
      code: o.code,
      title: o.title,
      developmentObjectiveCode: o.developmentObjectiveCode,
      source: o.source,
    })),
    initiatives: parsed.initiatives.map((initiative, index) => ({
      id: index + 1,
      name: initiative.name,
      managementObjectiveCode: initiative.managementObjectiveCode,
      source: initiative.source,
      articulationObjectives: initiative.articulationObjectives.map((objective) => ({
        text: objective.text,
        mechanisms: objective.mechanisms,
        source: objective.source,
      })),
    })),
    mechanisms: parsed.mechanisms.map((m) => ({ name: m.name, description: null })),
  };
}

export function serializeDocument(doc: MatrixDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
