import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldText, searchTerms } from "@/lib/text/search-text";

/** How many initiatives an empty search proposes, and how many it reads words from. */
const SUGGESTED = 5;
const CANDIDATES = 50;
/** Below this trigram similarity a word is no longer a plausible spelling of the term. */
const MIN_WORD_SIMILARITY = 0.3;

export interface SearchSuggestions {
  /** The search with each misspelt word replaced by the closest word of the matrix («desnutricion»); null if none is closer. */
  query: string | null;
  /** Live initiatives whose text comes closest to the search, best first. */
  initiatives: { id: number; name: string }[];
}

/**
 * For a search that found nothing: the closest words and initiatives by trigram
 * similarity (pg_trgm, over the same folded search text and its trigram index),
 * across the whole live matrix, so a typo («desnutricon») leads somewhere.
 */
export async function suggestSearches(db: Db, q: string): Promise<SearchSuggestions> {
  const terms = searchTerms(q);
  if (terms.length === 0) return { query: null, initiatives: [] };
  // «<%»: the term is like some word of the text (word_similarity over pg_trgm's threshold), answered by the GIN trigram index.
  const close = Prisma.join(
    terms.map((term) => Prisma.sql`${term} <% i."searchText"`),
    " OR ",
  );
  const score = Prisma.sql`GREATEST(${Prisma.join(
    terms.map((term) => Prisma.sql`word_similarity(${term}, i."searchText")`),
    ", ",
  )})`;
  const candidates = await db.$queryRaw<{ id: number; name: string }[]>`
    SELECT i.id, i.name
    FROM "Initiative" i
    WHERE i."archivedAt" IS NULL AND (${close})
    ORDER BY ${score} DESC, i.position
    LIMIT ${CANDIDATES}`;
  if (candidates.length === 0) return { query: null, initiatives: [] };
  const words = await db.$queryRaw<{ term: string; word: string }[]>`
    SELECT DISTINCT ON (t.term) t.term, w.word
    FROM unnest(${terms}::text[]) AS t(term)
    CROSS JOIN (
      SELECT DISTINCT regexp_split_to_table(c."searchText", '[^[:alnum:]]+') AS word
      FROM "Initiative" c
      WHERE c.id = ANY(${candidates.map((c) => c.id)}::int[])
    ) w
    WHERE w.word <> '' AND similarity(t.term, w.word) >= ${MIN_WORD_SIMILARITY}
    ORDER BY t.term, similarity(t.term, w.word) DESC, w.word`;
  const best = new Map(words.map((w) => [w.term, w.word]));
  const corrected = terms.map((term) => best.get(term) ?? term).join(" ");
  return {
    query: corrected === foldText(q) || corrected === terms.join(" ") ? null : corrected,
    initiatives: candidates.slice(0, SUGGESTED),
  };
}
