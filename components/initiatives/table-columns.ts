import { initiatives } from "@/lib/i18n/es/initiatives";
import { tracking } from "@/lib/i18n/es/tracking";

// Only the namespaces used here: this module reaches the browser with the rows. The column model
// (headers, sorting, visibility) is TanStack Table's, on the server: table-model.ts.
const t = { initiatives, tracking } as const;

/** The initiatives table's columns, in order; every one but the name can be hidden (`ocultar`). */
export const COLUMN_IDS = ["iniciativa", "objetivo", "mecanismos", "objetivos", "estado", "responsable", "actualizacion"] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Each column's header; on a phone, the label the card writes before each value (data-label). */
export const COLUMN_LABELS: Record<ColumnId, string> = {
  iniciativa: t.initiatives.colInitiative,
  objetivo: t.initiatives.colObjective,
  mecanismos: t.initiatives.colMechanisms,
  objetivos: t.initiatives.colObjectiveCount,
  estado: t.tracking.colStatus,
  responsable: t.tracking.colLead,
  actualizacion: t.tracking.colLastUpdate,
};
