/** The implementation statuses, in workflow order, with their URL slugs; no zod here so the browser can load it. */
export const STATUSES = ["POR_INICIAR", "EN_EJECUCION", "CONCLUIDA", "SUSPENDIDA", "CANCELADA"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_SLUGS: Record<Status, string> = {
  POR_INICIAR: "por-iniciar",
  EN_EJECUCION: "en-ejecucion",
  CONCLUIDA: "concluida",
  SUSPENDIDA: "suspendida",
  CANCELADA: "cancelada",
};

export const STATUS_BY_SLUG = Object.fromEntries(STATUSES.map((s) => [STATUS_SLUGS[s], s])) as Record<string, Status>;

/** Days without a progress update after which an initiative counts as stale, and the horizon for instruments ending soon. */
export const STALE_AFTER_DAYS = 90;
export const ENDING_SOON_DAYS = 90;
