import { foldText } from "./search-text";

/** ASCII, lowercase, hyphens, for addresses and filters: "Alianzas público-privadas" → "alianzas-publico-privadas". */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
