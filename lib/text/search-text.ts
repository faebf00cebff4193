/**
 * Search folds case and accents in code, the same way for what is stored and
 * what is asked, so "articulacion" finds "articulación" and "MANCOMUNIDAD"
 * finds "Mancomunidades" on any PostgreSQL, with a plain trigram index.
 */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The stored search document: the name on the first line, then every articulation objective, then the mechanisms. */
export function initiativeSearchText(name: string, objectives: string[], mechanisms: string[]): string {
  return [name, ...objectives, [...new Set(mechanisms)].join(", ")].map(foldText).join("\n");
}

/** Anything but a letter or a digit: what a search term never contains, so a term found in a text lies inside one of its words. */
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The distinct words of a (folded) text, as the search index keeps them. */
export function searchWords(text: string): string[] {
  return [...new Set(text.split(WORD_SEPARATORS))].filter((w) => w.length > 0);
}

/** The words of a query, folded, without duplicates; at most 8, each at most 60 characters (whole ones, never half a surrogate pair). */
export function searchTerms(query: string): string[] {
  return searchWords(foldText(query))
    .slice(0, 8)
    .map((t) => [...t].slice(0, 60).join(""));
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Case and accents folded character for character (Á→a, ñ→n), so a position in the folded text is the same
 * position in the original: for finding terms in a text shown as it is. Give it composed text (NFC): a character
 * whose folding would change its length, such as a lone combining accent, stays as it is.
 */
export function foldChars(text: string): string {
  return text.replace(/[^\p{ASCII}]|[A-Z]/gu, (c) => {
    const folded = c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    return folded.length === c.length ? folded : c;
  });
}

/** Splits a text into plain and matching segments for highlighting, without any HTML. */
export function highlight(original: string, terms: string[]): TextSegment[] {
  // Composed (NFC), «ó» is one character, not «o» and an accent: it looks the same and folds to a letter.
  const text = original.normalize("NFC");
  if (terms.length === 0) return [{ text, match: false }];
  const folded = foldChars(text);
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      marks.fill(true, at, at + term.length);
    }
  }
  const segments: TextSegment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments.at(-1);
    if (last && last.match === marks[i]) last.text += text[i];
    else segments.push({ text: text[i]!, match: marks[i]! });
  }
  return segments;
}
