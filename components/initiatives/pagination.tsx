import { Link } from "@/components/ui/link";
import type { InitiativePage } from "@/lib/initiatives/search-initiatives";
import { t } from "@/lib/i18n";

/** Page numbers around the current one, with the first and the last. */
function pagesToShow(current: number, total: number): (number | "…")[] {
  const pages = new Set([1, total, current - 1, current, current + 1].filter((p) => p >= 1 && p <= total));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? (["…", p] as const) : [p]));
}

/** Links to the pages around the current one; `pageHref` keeps the rest of the view (filters, columns, density). */
export function Pagination({ page, pageHref }: { page: InitiativePage; pageHref: (page: number) => string }) {
  if (page.totalPages <= 1) return null;
  // Land on the results, not above the filters (on a phone they are screens long).
  const href = (n: number) => `${pageHref(n)}#resultados`;
  // Its look is `.pager` in app/globals.css: a class per link would travel twice (markup and RSC payload).
  return (
    <nav aria-label={t.initiatives.pagination} className="pager">
      <span>{t.initiatives.pageOf(page.currentPage, page.totalPages)}</span>
      <ul>
        {page.currentPage > 1 && (
          <li>
            <Link href={href(page.currentPage - 1)} rel="prev">
              {t.initiatives.previous}
            </Link>
          </li>
        )}
        {pagesToShow(page.currentPage, page.totalPages).map((p, i) =>
          p === "…" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link href={href(p)} aria-label={t.initiatives.goToPage(p)} aria-current={p === page.currentPage ? "page" : undefined}>
                {p}
              </Link>
            </li>
          ),
        )}
        {page.currentPage < page.totalPages && (
          <li>
            <Link href={href(page.currentPage + 1)} rel="next">
              {t.initiatives.next}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
