import { Link } from "@/components/ui/link";
import { t } from "@/lib/i18n";
import type { SearchSuggestions as Suggestions } from "@/lib/initiatives/suggest-searches";

/** Shown with an empty result: the corrected search and the closest initiatives, as links. */
export function SearchSuggestions({ suggestions, searchHref }: { suggestions: Suggestions; searchHref: (q: string) => string }) {
  if (!suggestions.query && suggestions.initiatives.length === 0) return null;
  return (
    <section
      aria-labelledby="sugerencias"
      className="rounded-lg border border-brand-200 bg-brand-50 p-4 text-sm"
      data-testid="search-suggestions"
    >
      <h3 id="sugerencias" className="font-semibold text-slate-900">
        {t.planner.suggestionsTitle}
      </h3>
      {suggestions.query && (
        <p className="mt-1">
          <Link href={searchHref(suggestions.query)} className="font-semibold text-brand-800 underline underline-offset-2">
            {t.planner.suggestedSearch(suggestions.query)}
          </Link>
        </p>
      )}
      {suggestions.initiatives.length > 0 && (
        <>
          <p className="mt-2 text-slate-800">{t.planner.suggestedInitiatives}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {suggestions.initiatives.map((initiative) => (
              <li key={initiative.id}>
                <Link href={`/iniciativas/${initiative.id}`} className="text-brand-800 underline underline-offset-2">
                  {initiative.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
