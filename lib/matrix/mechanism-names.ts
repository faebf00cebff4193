/**
 * The articulation-mechanism vocabulary and how the source document's cells
 * spell it: commas, "y", "o", line breaks, <p> paragraphs or only spaces
 * between names, singular and plural, any casing, with or without accents.
 */
interface VocabularyEntry {
  name: string;
  /** Against the cell lowercased and without accents; longest spellings first. */
  pattern: RegExp;
}

// Order matters: "convenios de delegación" before "convenios", "alianzas público-privadas" before "alianzas".
const VOCABULARY: VocabularyEntry[] = [
  { name: "Alianzas público-privadas", pattern: /^alianzas? publico[\s-]*privadas?/ },
  { name: "Alianzas estratégicas", pattern: /^alianzas? estrategicas?/ },
  { name: "Convenios de delegación", pattern: /^convenios? de delegacion(es)?/ },
  { name: "Convenios", pattern: /^convenios?/ },
  { name: "Consorcios", pattern: /^consor[ct]ios?/ },
  { name: "Mancomunidades", pattern: /^mancomunidad(es)?( con gobiernos autonomos descentralizados circunvecinos)?/ },
  { name: "Acuerdos", pattern: /^acuerdos?/ },
  { name: "Reuniones bilaterales", pattern: /^reunion(es)? bilaterales?/ },
  { name: "Cartas de intención", pattern: /^cartas? de intencion/ },
  { name: "Mesas técnicas permanentes", pattern: /^mesas? tecnicas? permanentes?/ },
  { name: "Actas de reunión", pattern: /^actas? de reunion(es)?/ },
  { name: "Otros", pattern: /^otros?/ },
];

/** Lowercase without accents, one character for one character, so positions still match the original. */
function fold(text: string): string {
  return [...text].map((c) => c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().charAt(0) || c).join("");
}

const stem = (text: string) => fold(text).replace(/[\s-]+/g, " ").replace(/(es|s)\b/g, "");

const SEPARATOR = /^(?:[\s,;.:/]+|(?:y|o|e|u)(?=\s))/;

export function canonicalMechanismName(raw: string): string | null {
  const folded = fold(raw.trim().replace(/\s+/g, " "));
  const entry = VOCABULARY.find((v) => {
    const match = v.pattern.exec(folded);
    return match !== null && match[0].length === folded.replace(/[.\s]+$/, "").length;
  });
  return entry?.name ?? null;
}

/**
 * Splits a mechanism cell into canonical names, in order, without repeats.
 * Words outside the vocabulary are kept (first letter capitalised), never
 * dropped, and reported in `notes`.
 */
export function normalizeMechanismCell(cell: string): { names: string[]; notes: string[] } {
  const text = cell.replace(/<\/?p>/gi, " ").replace(/\s+/g, " ").trim();
  const folded = fold(text);
  const names: string[] = [];
  const notes: string[] = [];
  let unknownStart = -1;
  const flushUnknown = (end: number) => {
    if (unknownStart < 0) return;
    const raw = text.slice(unknownStart, end).trim().replace(/[.,;]+$/, "");
    unknownStart = -1;
    if (!raw) return;
    const name = raw.charAt(0).toLocaleUpperCase("es") + raw.slice(1);
    notes.push(`mecanismo fuera del vocabulario del documento, conservado tal cual: «${name}»`);
    if (!names.includes(name)) names.push(name);
  };

  let i = 0;
  while (i < folded.length) {
    const rest = folded.slice(i);
    const separator = SEPARATOR.exec(rest);
    if (separator && (unknownStart < 0 || /^[,;]/.test(separator[0]) || /^(y|o|e|u)$/.test(separator[0]))) {
      flushUnknown(i);
      i += separator[0].length;
      continue;
    }
    const entry = VOCABULARY.map((v) => ({ v, m: v.pattern.exec(rest) })).find(
      ({ m }) => m !== null && !/[a-z]/.test(rest.charAt(m[0].length)),
    );
    if (entry?.m) {
      flushUnknown(i);
      const spelled = text.slice(i, i + entry.m[0].length);
      // Casing, accents and singular/plural are the same word; anything else (a typo, a longer name) is reported.
      if (stem(spelled) !== stem(entry.v.name)) notes.push(`«${spelled}» se normalizó como «${entry.v.name}»`);
      if (!names.includes(entry.v.name)) names.push(entry.v.name);
      else if (!notes.some((n) => n.includes(`«${entry.v.name}» repetido`))) notes.push(`«${entry.v.name}» repetido en la celda; se cuenta una vez`);
      i += entry.m[0].length;
      continue;
    }
    if (unknownStart < 0) unknownStart = i;
    const word = /^\S+\s*/.exec(rest)!;
    i += word[0].length;
  }
  flushUnknown(text.length);
  return { names, notes };
}

/** "Alianzas público-privadas" → "alianzas-publico-privadas". */
export function slugifyMechanism(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
