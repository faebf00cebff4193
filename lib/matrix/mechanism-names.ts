/**
 * The articulation mechanisms of Apéndice 12 and how the matrix cells spell
 * them: separated by commas, "y", "o", line breaks or only spaces; in any
 * casing, with or without accents, singular or plural; with a few typos.
 */
interface Mechanism {
  /** Canonical display name: sentence case, plural as in the document's footnote ². */
  name: string;
  /** Against lowercase text without accents: casing and number variants, read silently. */
  spelling: RegExp;
  /** Typos and longer forms: read as this mechanism, and reported. */
  corrected?: RegExp;
  /** In the document's own lists (footnote ² and the introduction). */
  listed: boolean;
}

const MECHANISMS: Mechanism[] = [
  { name: "Alianzas estratégicas", spelling: /alianzas? estrategicas?/, listed: true },
  { name: "Convenios", spelling: /convenios?/, listed: true },
  { name: "Consorcios", spelling: /consorcios?/, corrected: /consortios?/, listed: true },
  {
    name: "Mancomunidades",
    spelling: /mancomunidad(?:es)?/,
    corrected: /mancomunidad(?:es)? con gobiernos autonomos descentralizados circunvecinos/,
    listed: true,
  },
  { name: "Convenios de delegación", spelling: /convenios? de delegacion(?:es)?/, listed: true },
  { name: "Acuerdos", spelling: /acuerdos?/, listed: true },
  // The document writes "público-privadas", "público–privadas" and "Público Privadas".
  { name: "Alianzas público-privadas", spelling: /alianzas? publico[ \-–]*privadas?/, listed: true },
  { name: "Reuniones bilaterales", spelling: /reunion(?:es)? bilaterales?/, listed: true },
  { name: "Cartas de intención", spelling: /cartas? de intencion(?:es)?/, listed: true },
  { name: "Mesas técnicas permanentes", spelling: /mesas? tecnicas? permanentes?/, listed: true },
  { name: "Otros", spelling: /otros?/, listed: true },
  { name: "Actas de reunión", spelling: /actas? de reunion(?:es)?/, listed: false },
  { name: "Consultorías", spelling: /consultorias?/, listed: false },
  { name: "Contrataciones", spelling: /contratacion(?:es)?/, listed: false },
  { name: "Contratos", spelling: /contratos?/, listed: false },
  { name: "Estrategias", spelling: /estrategias?/, listed: false },
  { name: "Capacitaciones", spelling: /capacitacion(?:es)?/, listed: false },
  { name: "Sociedades", spelling: /sociedad(?:es)?/, listed: false },
  { name: "Fideicomisos", spelling: /fideicomisos?/, listed: false },
];

/** Sticky, so that it matches exactly at a position; a name must end at a word boundary. */
const sticky = (pattern: RegExp) => new RegExp(`(?:${pattern.source})(?![a-z0-9])`, "y");
const MATCHERS = MECHANISMS.flatMap((mechanism) => [
  { mechanism, corrected: false, pattern: sticky(mechanism.spelling) },
  ...(mechanism.corrected ? [{ mechanism, corrected: true, pattern: sticky(mechanism.corrected) }] : []),
]);

/** Punctuation, or a conjunction standing alone as a word. */
const SEPARATOR = /(?:[\s,;.:/]|(?:y|e|o|u)(?![a-z0-9]))+/y;

/** Thrown for a word that names no known mechanism, so that none is silently dropped. */
export class UnknownMechanismError extends Error {
  constructor(
    readonly fragment: string,
    readonly cell: string,
  ) {
    super(`mecanismo de articulación desconocido «${fragment}» en la celda «${cell}».`);
    this.name = "UnknownMechanismError";
  }
}

/** Lowercase without accents, one UTF-16 unit for one, so that positions still point into the original. */
function fold(text: string): string {
  return text
    .split("")
    .map((unit) => {
      const folded = unit.normalize("NFD").charAt(0).toLowerCase();
      return folded.length === 1 ? folded : unit;
    })
    .join("");
}

const tidy = (text: string) =>
  text
    .replace(/<\/?p>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The longest mechanism spelled at `position`, if any. */
function matchAt(folded: string, position: number) {
  let best: { mechanism: Mechanism; corrected: boolean; end: number } | undefined;
  for (const { mechanism, corrected, pattern } of MATCHERS) {
    pattern.lastIndex = position;
    if (pattern.test(folded) && (!best || pattern.lastIndex > best.end)) best = { mechanism, corrected, end: pattern.lastIndex };
  }
  return best;
}

/** The canonical name of one mechanism as written anywhere ("convenio", "ALIANZAS PÚBLICO-PRIVADAS"), or null. */
export function canonicalMechanismName(raw: string): string | null {
  const folded = fold(tidy(raw).replace(/[.,;:]+$/, ""));
  const match = folded ? matchAt(folded, 0) : undefined;
  return match && match.end === folded.length ? match.mechanism.name : null;
}

/**
 * Splits a mechanism cell into canonical names, in order of appearance and
 * without repeats. `notes` (Spanish) report what was more than casing or
 * number: a typo or longer form, a repeat, a name outside the document's lists.
 * Throws UnknownMechanismError for anything else.
 */
export function normalizeMechanismCell(cell: string): { names: string[]; notes: string[] } {
  const text = tidy(cell);
  const folded = fold(text);
  const names: string[] = [];
  const notes: string[] = [];
  let position = 0;
  while (position < folded.length) {
    SEPARATOR.lastIndex = position;
    if (SEPARATOR.test(folded)) {
      position = SEPARATOR.lastIndex;
      continue;
    }
    const match = matchAt(folded, position);
    if (!match) throw new UnknownMechanismError(/^\S+/.exec(text.slice(position))![0].replace(/[,;.:]+$/, ""), text);
    const written = text.slice(position, match.end);
    const { name, listed } = match.mechanism;
    if (names.includes(name)) {
      notes.push(`«${name}» aparece más de una vez en la celda; se cuenta una vez.`);
    } else {
      names.push(name);
      if (match.corrected) notes.push(`«${written}» se lee como «${name}».`);
      if (!listed) notes.push(`«${written}» no figura en la lista de mecanismos del documento (nota ²); se conserva como «${name}».`);
    }
    position = match.end;
  }
  return { names, notes };
}

/** What a mechanism's slug looks like: what slugify makes, and what an address or a filter may name. */
export const MECHANISM_SLUG = /^[a-z0-9-]{1,80}$/;

/** Whether the document itself lists this mechanism (footnote ² or the introduction), as opposed to one only found in the table or added later. */
export function isListedInDocument(name: string): boolean {
  return MECHANISMS.some((mechanism) => mechanism.name === name && mechanism.listed);
}
