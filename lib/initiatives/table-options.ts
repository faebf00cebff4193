/** Shared by the query schema and the table UI; kept apart so the browser does not load zod for two constants. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const SORTS = [
  "documento",
  "nombre",
  "objetivo",
  "objetivos",
  "relevancia",
  "estado",
  "avance",
  "responsable",
  "actualizacion",
] as const;
export type InitiativeSort = (typeof SORTS)[number];
