import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { matrixDocumentSchema } from "@/lib/matrix/document";
import { COUNTERPART_TYPE_CODES } from "@/lib/tracking/counterpart-types";
import { dateToDay, dayToDate } from "@/lib/tracking/days";
import { STATUSES } from "@/lib/tracking/statuses";

/**
 * The backup file (`npm run backup` / `npm run restore`): the only definition
 * of its shape. Decoding a file yields what the restore writes (dates as Date);
 * encoding the rows read from the database yields the file, so a backup that
 * the restore would refuse fails when it is written, not when it is needed.
 *
 * Rows are objects with every column, strictly: a column added to the
 * database without being added here makes the backup fail rather than be
 * silently dropped (and a test fails for a new model). Left out on purpose:
 * password hashes and `mustChangePassword` (a restored account gets a fresh
 * unknown password instead), `Initiative.searchText` / `mechanismSetId` (search
 * columns the restore recomputes), and the models in EXCLUDED_MODELS.
 */

export const BACKUP_FORMAT = "matriz-pmdot/respaldo";
export const BACKUP_FORMAT_VERSION = 1;

export const BACKUP_DESCRIPTION =
  "Respaldo de la Matriz PMDOT. «matrix» es la matriz con su seguimiento tal como la entrega `npm run matrix:export`; " +
  "«tables» son las filas de cada tabla con sus identificadores (usuarios sin contraseña, vistas guardadas, avances con su autor, auditoría completa), " +
  "que `npm run restore -- archivo` escribe en una base vacía; «nextIds» es el próximo identificador de cada tabla. " +
  "No contiene contraseñas, verificación en dos pasos (secretos ni códigos de recuperación), sesiones ni bloqueos de ingreso.";

const id = z.number().int().positive();
const integer = z.number().int();
const timestamp = z.codec(z.iso.datetime({ error: "se esperaba una fecha y hora ISO 8601 en UTC." }), z.date(), {
  decode: (value) => new Date(value),
  encode: (date) => date.toISOString(),
});
const calendarDay = z.codec(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "se esperaba una fecha AAAA-MM-DD.")
    .refine((value) => dateToDay(dayToDate(value)) === value, "no es una fecha válida."),
  z.date(),
  { decode: dayToDate, encode: dateToDay },
);
const status = z.enum(STATUSES);
const progress = integer.min(0).max(100);
const stamps = { createdAt: timestamp, updatedAt: timestamp, version: integer.min(1) };
const source = { sourceLine: integer.nullable(), sourcePage: integer.nullable() };

/** In insertion order: every table after the ones it references. */
const tableSchemas = {
  developmentObjectives: z.array(z.object({ id, code: z.string(), title: z.string(), position: integer, ...source, ...stamps }).strict()),
  managementObjectives: z.array(
    z.object({ id, code: z.string(), title: z.string(), position: integer, ...source, developmentObjectiveId: id, ...stamps }).strict(),
  ),
  mechanisms: z.array(z.object({ id, name: z.string(), slug: z.string(), description: z.string().nullable(), ...stamps }).strict()),
  secretariats: z.array(z.object({ id, name: z.string(), slug: z.string(), ...stamps }).strict()),
  counterparts: z.array(z.object({ id, name: z.string(), type: z.enum(COUNTERPART_TYPE_CODES), ...stamps }).strict()),
  users: z.array(
    z
      .object({
        id,
        email: z.string().min(1),
        name: z.string(),
        role: z.enum(ROLES),
        active: z.boolean(),
        isDemo: z.boolean(),
        sessionVersion: integer,
        lastSignInAt: timestamp.nullable(),
        passwordChangedAt: timestamp.nullable(),
        // The directory account it is linked to (OpenID Connect); files from before directory sign-in have none.
        oidcIssuer: z.string().nullable().default(null),
        oidcSubject: z.string().nullable().default(null),
        ...stamps,
      })
      .strict(),
  ),
  initiatives: z.array(
    z
      .object({
        id,
        name: z.string(),
        position: integer,
        managementObjectiveId: id,
        ...source,
        archivedAt: timestamp.nullable(),
        ...stamps,
        status,
        progress: progress.nullable(),
        lastUpdateOn: calendarDay.nullable(),
        leadSecretariatId: id.nullable(),
        trackingVersion: integer.min(1),
      })
      .strict(),
  ),
  articulationObjectives: z.array(z.object({ id, initiativeId: id, position: integer, text: z.string(), ...source, ...stamps }).strict()),
  articulationObjectiveMechanisms: z.array(z.object({ articulationObjectiveId: id, mechanismId: id, position: integer }).strict()),
  initiativeSupports: z.array(z.object({ initiativeId: id, secretariatId: id }).strict()),
  instruments: z.array(
    z
      .object({
        id,
        articulationObjectiveId: id,
        mechanismId: id,
        counterpartId: id,
        title: z.string(),
        signedOn: calendarDay,
        endsOn: calendarDay.nullable(),
        reference: z.string().nullable(),
        ...stamps,
      })
      .strict(),
  ),
  progressUpdates: z.array(
    z
      .object({
        id,
        initiativeId: id,
        occurredOn: calendarDay,
        note: z.string(),
        status: status.nullable(),
        progress: progress.nullable(),
        authorId: id.nullable(),
        authorName: z.string(),
        authorEmail: z.string(),
        createdAt: timestamp,
      })
      .strict(),
  ),
  // Files written before indicators existed have none of the five tables below.
  indicators: z
    .array(
      z
        .object({
          id,
          initiativeId: id,
          name: z.string(),
          unit: z.string(),
          direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]),
          baselineYear: integer.nullable(),
          baselineValue: z.number().nullable(),
          dataSource: z.string().nullable(),
          secretariatId: id.nullable(),
          position: integer,
          ...stamps,
        })
        .strict(),
    )
    .default([]),
  indicatorTargets: z.array(z.object({ indicatorId: id, year: integer, value: z.number() }).strict()).default([]),
  measurements: z
    .array(
      z
        .object({
          id,
          indicatorId: id,
          measuredOn: calendarDay,
          value: z.number(),
          note: z.string().nullable(),
          explanation: z.string().nullable(),
          evidenceUrl: z.string().nullable(),
          authorId: id.nullable(),
          authorName: z.string(),
          authorEmail: z.string(),
          ...stamps,
        })
        .strict(),
    )
    .default([]),
  milestones: z
    .array(
      z
        .object({
          id,
          initiativeId: id,
          title: z.string(),
          plannedOn: calendarDay,
          achievedOn: calendarDay.nullable(),
          state: z.enum(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"]),
          ...stamps,
        })
        .strict(),
    )
    .default([]),
  savedViews: z.array(z.object({ id, userId: id, name: z.string(), query: z.string(), createdAt: timestamp }).strict()),
  // Files written before accountability have no memberships, periods or reports.
  userSecretariats: z.array(z.object({ userId: id, secretariatId: id, createdAt: timestamp }).strict()).default([]),
  reportingPeriods: z
    .array(
      z
        .object({ id, name: z.string(), startsOn: calendarDay, endsOn: calendarDay, dueOn: calendarDay, open: z.boolean(), ...stamps })
        .strict(),
    )
    .default([]),
  periodReports: z
    .array(
      z
        .object({
          id,
          periodId: id,
          initiativeId: id,
          status: z.enum(["SUBMITTED", "RETURNED", "APPROVED"]),
          progressStatus: status,
          progress: progress.nullable(),
          note: z.string(),
          evidenceUrl: z.string().nullable(),
          returnReason: z.string().nullable(),
          authorId: id.nullable(),
          authorName: z.string(),
          authorEmail: z.string(),
          reviewerId: id.nullable(),
          reviewerName: z.string().nullable(),
          reviewerEmail: z.string().nullable(),
          submittedAt: timestamp,
          reviewedAt: timestamp.nullable(),
          ...stamps,
        })
        .strict(),
    )
    .default([]),
  // Files written before notifications existed have none; their event keys keep a restored portal from announcing an event twice.
  notificationPreferences: z.array(z.object({ userId: id, weeklyDigest: z.boolean(), updatedAt: timestamp }).strict()).default([]),
  notifications: z
    .array(
      z
        .object({
          id,
          eventKey: z.string().min(1),
          userId: id,
          kind: z.enum(["DUE_SOON", "OVERDUE", "REPORT_RETURNED", "WEEKLY_DIGEST"]),
          data: z.json(),
          link: z.string(),
          createdAt: timestamp,
          readAt: timestamp.nullable(),
        })
        .strict(),
    )
    .default([]),
  emailDeliveries: z
    .array(
      z
        .object({
          id,
          notificationId: id,
          toAddress: z.string(),
          subject: z.string(),
          body: z.string(),
          state: z.enum(["PENDING", "SENT", "FAILED"]),
          attempts: integer.min(0),
          lastError: z.string().nullable(),
          jobId: z.string().nullable(),
          claimedUntil: timestamp.nullable(),
          sentAt: timestamp.nullable(),
          createdAt: timestamp,
          updatedAt: timestamp,
        })
        .strict(),
    )
    .default([]),
  // Files written before the settings existed have none: the restored portal keeps the defaults.
  portalSettings: z
    .array(
      z
        .object({
          id,
          minRollupCoverage: z.number().int().min(0).max(100),
          // Files written before the setting existed: it was off.
          requireMfaForAll: z.boolean().default(false),
          version: id,
          updatedAt: timestamp,
        })
        .strict(),
    )
    .max(1)
    .default([]),
  indicatorSettings: z
    .array(z.object({ id, onTrackPercent: z.number(), atRiskPercent: z.number(), updatedAt: timestamp, version: id }).strict())
    .max(1)
    .default([]),
  auditEvents: z.array(
    z
      .object({
        id,
        occurredAt: timestamp,
        action: z.string().min(1),
        userId: id.nullable(),
        userEmail: z.string().nullable(),
        entityType: z.string().nullable(),
        entityId: z.string().nullable(),
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
        requestId: z.string().nullable(),
        data: z.json().nullable(),
      })
      .strict(),
  ),
  // Files written before tallies existed have none: each of their failures counts once.
  auditTallies: z.array(z.object({ auditEventId: id, bucket: z.string(), count: id, lastAt: timestamp }).strict()).default([]),
};

export type TableName = keyof typeof tableSchemas;
export const TABLE_NAMES = Object.keys(tableSchemas) as TableName[];

/** The tables with a serial id, by their PostgreSQL name; their sequences travel in `nextIds`. */
export const SERIAL_TABLES = {
  developmentObjectives: "DevelopmentObjective",
  managementObjectives: "ManagementObjective",
  mechanisms: "Mechanism",
  secretariats: "Secretariat",
  counterparts: "Counterpart",
  users: "User",
  initiatives: "Initiative",
  articulationObjectives: "ArticulationObjective",
  instruments: "Instrument",
  progressUpdates: "ProgressUpdate",
  indicators: "Indicator",
  measurements: "Measurement",
  milestones: "Milestone",
  savedViews: "SavedView",
  reportingPeriods: "ReportingPeriod",
  periodReports: "PeriodReport",
  notifications: "Notification",
  emailDeliveries: "EmailDelivery",
  auditEvents: "AuditEvent",
} as const satisfies Partial<Record<TableName, string>>;
export type SerialTable = keyof typeof SERIAL_TABLES;

/** Every table in the file by its PostgreSQL (and Prisma model) name. */
export const SQL_TABLES: Record<TableName, string> = {
  ...SERIAL_TABLES,
  articulationObjectiveMechanisms: "ArticulationObjectiveMechanism",
  initiativeSupports: "InitiativeSupport",
  userSecretariats: "UserSecretariat",
  portalSettings: "PortalSettings",
  notificationPreferences: "NotificationPreference",
  indicatorTargets: "IndicatorTarget",
  indicatorSettings: "IndicatorSettings",
  auditTallies: "AuditTally",
};

/**
 * Never backed up: sessions would end on a restore anyway, sign-in throttles
 * expire, and the mechanism sets are derived: the restore numbers them again
 * as it recomputes each initiative's search columns.
 * Second factors stay out like passwords: a file must never carry what lets
 * someone sign in (the TOTP secret is encrypted under NEXTAUTH_SECRET, which
 * the restoring portal may not share), and a restored account has a new
 * unknown password anyway; administration enrols again at its next sign-in.
 */
export const EXCLUDED_MODELS = ["UserSession", "LoginThrottle", "MfaCredential", "MfaRecoveryCode", "MechanismSet"];

/** Spanish names of the sections, for the commands' reports. */
export const TABLE_LABELS: Record<TableName, string> = {
  developmentObjectives: "objetivos de desarrollo",
  managementObjectives: "objetivos de gestión",
  mechanisms: "mecanismos",
  secretariats: "secretarías",
  counterparts: "contrapartes",
  users: "usuarios",
  initiatives: "iniciativas",
  articulationObjectives: "objetivos de articulación",
  articulationObjectiveMechanisms: "mecanismos por objetivo de articulación",
  initiativeSupports: "secretarías de apoyo",
  instruments: "instrumentos",
  progressUpdates: "avances",
  indicators: "indicadores",
  indicatorTargets: "metas de indicadores",
  measurements: "mediciones",
  milestones: "hitos",
  savedViews: "vistas guardadas",
  userSecretariats: "secretarías de cada usuario",
  reportingPeriods: "periodos de reporte",
  periodReports: "reportes de periodo",
  portalSettings: "ajustes del portal",
  notificationPreferences: "preferencias de notificación",
  notifications: "notificaciones",
  emailDeliveries: "envíos de correo",
  indicatorSettings: "umbrales de indicadores",
  auditEvents: "eventos de auditoría",
  auditTallies: "recuentos de intentos fallidos",
};

export const describeCounts = (counts: Record<TableName, number>) =>
  TABLE_NAMES.map((table) => `${TABLE_LABELS[table]}: ${counts[table]}`).join(", ");

const count = integer.min(0);
/** Tables added after the format's first files: an older file has no rows, count or next id for them, and restores all the same. */
const ADDED_LATER: readonly TableName[] = [
  "userSecretariats",
  "reportingPeriods",
  "periodReports",
  "notificationPreferences",
  "notifications",
  "emailDeliveries",
  "indicators",
  "indicatorTargets",
  "measurements",
  "milestones",
  "indicatorSettings",
];

/** Foreign keys: [table, column, referenced table]. Checked before the database is touched, to name the bad field. */
const REFERENCES: [TableName, string, TableName][] = [
  ["managementObjectives", "developmentObjectiveId", "developmentObjectives"],
  ["initiatives", "managementObjectiveId", "managementObjectives"],
  ["initiatives", "leadSecretariatId", "secretariats"],
  ["articulationObjectives", "initiativeId", "initiatives"],
  ["articulationObjectiveMechanisms", "articulationObjectiveId", "articulationObjectives"],
  ["articulationObjectiveMechanisms", "mechanismId", "mechanisms"],
  ["initiativeSupports", "initiativeId", "initiatives"],
  ["initiativeSupports", "secretariatId", "secretariats"],
  ["instruments", "articulationObjectiveId", "articulationObjectives"],
  ["instruments", "mechanismId", "mechanisms"],
  ["instruments", "counterpartId", "counterparts"],
  ["progressUpdates", "initiativeId", "initiatives"],
  ["progressUpdates", "authorId", "users"],
  ["indicators", "initiativeId", "initiatives"],
  ["indicators", "secretariatId", "secretariats"],
  ["indicatorTargets", "indicatorId", "indicators"],
  ["measurements", "indicatorId", "indicators"],
  ["measurements", "authorId", "users"],
  ["milestones", "initiativeId", "initiatives"],
  ["savedViews", "userId", "users"],
  ["userSecretariats", "userId", "users"],
  ["userSecretariats", "secretariatId", "secretariats"],
  ["periodReports", "periodId", "reportingPeriods"],
  ["periodReports", "initiativeId", "initiatives"],
  ["periodReports", "authorId", "users"],
  ["periodReports", "reviewerId", "users"],
  ["notificationPreferences", "userId", "users"],
  ["notifications", "userId", "users"],
  ["emailDeliveries", "notificationId", "notifications"],
  ["auditEvents", "userId", "users"],
  ["auditTallies", "auditEventId", "auditEvents"],
];

/** What a file must say first; checked on its own so that another kind of JSON gets one clear message. */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `no es un respaldo de Matriz PMDOT (se esperaba «${BACKUP_FORMAT}»).` }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, {
    error: `versión de formato no admitida (este programa lee la ${BACKUP_FORMAT_VERSION}).`,
  }),
});

export const backupSchema = backupHeaderSchema
  .extend({
    description: z.string(),
    createdAt: timestamp,
    /** `version` of package.json of the portal that wrote it. */
    appVersion: z.string().min(1),
    /** Migrations applied to the database it came from: the schema of its rows. */
    migrations: z.array(z.string().min(1)).min(1, "falta la lista de migraciones."),
    counts: z
      .object(
        Object.fromEntries(TABLE_NAMES.map((table) => [table, ADDED_LATER.includes(table) ? count.default(0) : count])) as Record<
          TableName,
          typeof count
        >,
      )
      .strict(),
    /** Next value of each id sequence, so that ids of deleted rows (which the audit log may name) are never reused. */
    nextIds: z
      .object(
        Object.fromEntries(
          (Object.keys(SERIAL_TABLES) as SerialTable[]).map((table) => [table, ADDED_LATER.includes(table) ? id.default(1) : id]),
        ) as Record<SerialTable, typeof id>,
      )
      .strict(),
    matrix: matrixDocumentSchema,
    tables: z.object(tableSchemas).strict(),
  })
  .strict()
  .superRefine((backup, ctx) => {
    const rows = (table: TableName) => backup.tables[table] as Record<string, unknown>[];
    const ids = new Map<TableName, Set<unknown>>();
    for (const table of TABLE_NAMES) {
      if (backup.counts[table] !== rows(table).length) {
        ctx.addIssue({
          code: "custom",
          path: ["counts", table],
          message: `dice ${backup.counts[table]} pero «tables.${table}» tiene ${rows(table).length} filas.`,
        });
      }
    }
    for (const table of Object.keys(SERIAL_TABLES) as SerialTable[]) {
      const seen = new Set<unknown>();
      rows(table).forEach((row, index) => {
        if (seen.has(row.id)) ctx.addIssue({ code: "custom", path: ["tables", table, index, "id"], message: `id repetido: ${row.id}.` });
        seen.add(row.id);
      });
      ids.set(table, seen);
      const highest = rows(table).reduce((max, row) => Math.max(max, row.id as number), 0);
      if (backup.nextIds[table] <= highest) {
        ctx.addIssue({
          code: "custom",
          path: ["nextIds", table],
          message: `debe ser mayor que el id más alto de «tables.${table}» (${highest}).`,
        });
      }
    }
    for (const [table, column, target] of REFERENCES) {
      rows(table).forEach((row, index) => {
        const value = row[column];
        if (value !== null && !ids.get(target)!.has(value)) {
          ctx.addIssue({
            code: "custom",
            path: ["tables", table, index, column],
            message: `no hay fila ${String(value)} en «tables.${target}».`,
          });
        }
      });
    }
  });

/** Zod's own messages in Spanish; the schema's custom ones take precedence. */
export const SPANISH_ERRORS = { error: z.locales.es().localeError };

/** The file as written (JSON). */
export type BackupFile = z.input<typeof backupSchema>;
/** The file as the restore reads it. */
export type Backup = z.output<typeof backupSchema>;
/** The rows as read from the database. */
export type BackupTables = Backup["tables"];

/** Raised for a backup that cannot be written or restored as it is; nothing was changed. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}
