/**
 * How long each edited text may be: the schemas enforce these and the forms announce them (maxLength). One number
 * for both, in a module without zod so that client forms can import it.
 */
export const FIELD_LIMITS = {
  initiativeName: 1_000,
  articulationObjective: 5_000,
  objectiveTitle: 1_000,
  mechanismName: 200,
  mechanismDescription: 2_000,
  catalogueName: 200,
  password: 128,
} as const;
