import type { Status } from "@/lib/tracking/statuses";

/**
 * Where an initiative stands for one period. Only SUBMITTED, RETURNED and
 * APPROVED are stored; the rest follow from the absence of a report, the due
 * date and the initiative itself (ADR 0100), so nothing has to run at midnight.
 */
export const REPORT_STATES = ["pendiente", "enviado", "devuelto", "aprobado", "atrasado", "excluido"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Initiatives in these statuses owe no report; the status itself is the reason shown. */
export const EXCLUDED_STATUSES: readonly Status[] = ["CONCLUIDA", "CANCELADA"];

export interface StateInput {
  report: { status: "SUBMITTED" | "RETURNED" | "APPROVED" } | null;
  initiative: { status: Status; archivedAt: Date | null };
  /** "YYYY-MM-DD" */
  dueOn: string;
  /** "YYYY-MM-DD", Quito's today */
  today: string;
}

export type Exclusion = { kind: "archived" } | { kind: "status"; status: Status };

/** Why an initiative owes no report, or null when it owes one. */
export function exclusionOf(initiative: StateInput["initiative"]): Exclusion | null {
  if (initiative.archivedAt) return { kind: "archived" };
  if (EXCLUDED_STATUSES.includes(initiative.status)) return { kind: "status", status: initiative.status };
  return null;
}

/** A report that was sent stays what it is; without one (or after a return) the due date decides between pending and overdue. */
export function reportState({ report, initiative, dueOn, today }: StateInput): ReportState {
  if (report?.status === "APPROVED") return "aprobado";
  if (report?.status === "SUBMITTED") return "enviado";
  if (!report && exclusionOf(initiative)) return "excluido";
  if (today > dueOn) return "atrasado";
  return report?.status === "RETURNED" ? "devuelto" : "pendiente";
}
