/** Secretariat names as the UI and the URLs use them; no zod or database here, so the browser can load it. */

/** The `responsable` filter value for initiatives without a lead secretariat. */
export const NO_OWNER = "ninguna";

/** "Secretaría de Salud" → "Salud": the shared prefix says nothing in a narrow column or a URL. */
export const shortSecretariatName = (name: string) => name.replace(/^Secretar[ií]a\s+(de\s+(la\s+|los\s+)?)?/i, "") || name;
