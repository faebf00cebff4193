import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { ActiveFilterChips } from "@/components/initiatives/active-filter-chips";
import { filterGroups } from "@/components/initiatives/filter-groups";
import { InitiativeFilters } from "@/components/initiatives/initiative-filters";
import { InitiativesTable } from "@/components/initiatives/initiatives-table";
import { ExportLinks, ExportScope } from "@/components/initiatives/export-links";
import { SavedViewsMenu } from "@/components/initiatives/saved-views-menu";
import { buttonClass } from "@/components/ui/button";
import { SearchSuggestions } from "@/components/initiatives/search-suggestions";
import { requirePageReader } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { listViews } from "@/lib/saved-views/saved-views";
import { deleteViewAction, saveViewAction } from "./actions";
import { formatNumber, t } from "@/lib/i18n";
import { initiativeQueryToParams, parseInitiativeQuery, type InitiativeQuery } from "@/lib/initiatives/initiative-query";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";
import { suggestSearches } from "@/lib/initiatives/suggest-searches";
import { withoutFilters } from "@/lib/initiatives/unmatched-filters";
import { activeFilters, withoutAnyFilter } from "@/lib/initiatives/active-filters";

export const metadata: Metadata = { title: t.initiatives.title };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InitiativesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { user, db, readDb } = await requirePageReader("/iniciativas");
  const { query, ignored } = parseInitiativeQuery(params);
  const canSaveViews = can(user.role, "views:manage");
  const [{ page, facets, options, unmatched }, views] = await Promise.all([
    listInitiatives(readDb, query),
    canSaveViews ? listViews(db, user.id) : [],
  ]);
  // A search that finds nothing offers the closest spellings and initiatives (a typo such as «desnutricon»).
  const suggestions = page.count === 0 && query.q.trim() ? await suggestSearches(readDb, query.q) : null;
  const hidden = typeof params.ocultar === "string" ? params.ocultar.split(",") : [];
  // How the rows are shown, not which: kept by every link of the page, left out of exports and the API.
  const compact = params.densidad === "compacta";
  const href = (changes: Partial<InitiativeQuery>, density = compact) => {
    const next = initiativeQueryToParams({ ...query, ...changes });
    if (hidden.length > 0) next.set("ocultar", hidden.join(","));
    if (density) next.set("densidad", "compacta");
    return `/iniciativas${next.size > 0 ? `?${next}` : ""}`;
  };
  // Past the last page (an old link, a filter that now matches less), the last page is what was meant.
  if (page.count > 0 && query.pagina > page.totalPages) redirect(href({ pagina: page.totalPages }));
  const filters = activeFilters(query, options);
  const chips = filters.map((filter) => ({ key: filter.key, label: filter.label, href: href(filter.without) }));

  return (
    <div className="print-wide space-y-6 print:space-y-2">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-bold text-brand-900 print:text-xl">{t.initiatives.title}</h1>
          {can(user.role, "matrix:edit") && (
            <Link href="/iniciativas/nueva" className={`${buttonClass()} print:hidden`}>
              {t.editing.newTitle}
            </Link>
          )}
        </div>
        <p className="max-w-3xl text-slate-700 print:hidden">{t.initiatives.intro}</p>
      </header>
      {ignored.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t.initiatives.ignoredParams(ignored.join(", "))}
        </p>
      )}
      {unmatched.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="unmatched-filters">
          {t.initiatives.unmatchedFilters(
            unmatched.map(({ parameter, value }) => `${t.initiatives.filterNames[parameter]} «${value}»`).join(", "),
          )}{" "}
          <Link className="font-semibold underline underline-offset-2" href={href({ ...withoutFilters(query, unmatched), pagina: 1 })}>
            {t.initiatives.removeUnmatched}
          </Link>
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[15rem_1fr] print:block">
        <InitiativeFilters query={query} {...filterGroups(facets, options)} activeCount={filters.length} />
        <section aria-labelledby="resultados" className="min-w-0 space-y-3 print:space-y-1">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2
              id="resultados"
              tabIndex={-1}
              className="text-lg font-semibold text-slate-900 print:text-sm"
              aria-live="polite"
              data-testid="result-count"
            >
              {t.initiatives.resultCount(formatNumber(page.count), formatNumber(page.total))}
            </h2>
            <div className="flex flex-wrap items-center gap-2 print:hidden">
              {canSaveViews && <SavedViewsMenu views={views} save={saveViewAction} remove={deleteViewAction} />}
              <ExportLinks params={initiativeQueryToParams({ ...query, pagina: 1 }).toString()} />
            </div>
          </div>
          <ActiveFilterChips chips={chips} clearHref={href(withoutAnyFilter(query))} />
          <div className="print:hidden">
            <ExportScope count={page.count} />
          </div>
          {suggestions && <SearchSuggestions suggestions={suggestions} searchHref={(q) => href({ q, pagina: 1 })} />}
          <InitiativesTable
            page={page}
            query={query}
            hidden={hidden}
            compact={compact}
            densityHrefs={{ normal: href({}, false), compact: href({}, true) }}
            pageHref={(pagina) => href({ pagina })}
          />
        </section>
      </div>
    </div>
  );
}
