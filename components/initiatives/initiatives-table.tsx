import { Link } from "@/components/ui/link";
import type { InitiativeQuery } from "@/lib/initiatives/initiative-query";
import type { InitiativePage, InitiativeRow } from "@/lib/initiatives/search-initiatives";
import { formatShortDay, t } from "@/lib/i18n";
import { shortSecretariatName } from "@/lib/tracking/secretariats";
import { foldChars, foldText } from "@/lib/text/search-text";
import { InitiativeHeaders, type HeaderTuple } from "./initiative-headers";
import { InitiativeRows, type RowView } from "./initiative-rows";
import { Pagination } from "./pagination";
import { ColumnsMenu, PageSizeSelect } from "./table-controls";
import { initiativesTableModel } from "./table-model";

/**
 * What a row shows, and nothing more: the RSC payload carries this to the rows' client component,
 * so a field without a value is left out rather than sent as undefined.
 */
function rowView(row: InitiativeRow, terms: string[], compact: boolean): RowView {
  const view: RowView = {
    id: row.id,
    name: row.name,
    code: row.managementObjective.code,
    mechanisms: row.mechanisms.map((m) => m.name),
    count: row.objectiveCount,
    status: row.status,
  };
  if (!compact && row.matchingObjective && !foldText(row.name).includes(terms[0] ?? "\u0000")) {
    view.why = excerpt(row.matchingObjective, terms);
  }
  if (row.leadSecretariat) {
    view.lead = shortSecretariatName(row.leadSecretariat.name);
    if (view.lead !== row.leadSecretariat.name) view.leadName = row.leadSecretariat.name;
  }
  if (row.progress !== null) view.progress = row.progress;
  if (row.lastUpdateOn) view.day = formatShortDay(row.lastUpdateOn);
  return view;
}

interface Props {
  page: InitiativePage;
  query: InitiativeQuery;
  hidden: string[];
  /** One-line rows (`densidad=compacta`), and the links that switch density, built by the page with the rest of the view. */
  compact: boolean;
  densityHrefs: { normal: string; compact: string };
  /** The address of another page of the same view. */
  pageHref: (page: number) => string;
}

/**
 * One page of initiatives: a real table (caption, headers, aria-sort) that the
 * stylesheet lays out as one card per row on a phone, so the rows are sent once.
 * The column model is a TanStack Table instance built here, on the server; the
 * headers and the rows are client components fed only its tuples, the fields the
 * rows show and the visible columns' ids (ADR 0016).
 */
export function InitiativesTable({ page, query, hidden, compact, densityHrefs, pageHref }: Props) {
  const rows = page.data.map((row) => rowView(row, page.terms, compact));
  const objectives = Object.fromEntries(
    page.data.map(({ managementObjective: { code, title } }) => [code, compact ? title : shorten(title, 45)]),
  );
  const model = initiativesTableModel(query, hidden);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm print:hidden">
        <ColumnsMenu columns={model.hideable} hidden={hidden} />
        {/* Links, not buttons: the density is part of the address and switches without JavaScript. */}
        <div className="flex items-center gap-2">
          <span id="densidad-filas">{t.tableLayout.density}</span>
          <span className="density">
            {(
              [
                [densityHrefs.normal, t.tableLayout.densityNormal, !compact],
                [densityHrefs.compact, t.tableLayout.densityCompact, compact],
              ] as const
            ).map(([href, label, current]) => (
              <Link key={label} href={href} scroll={false} aria-current={current ? "true" : undefined} aria-describedby="densidad-filas">
                {label}
              </Link>
            ))}
          </span>
        </div>
        <PageSizeSelect value={query.por} />
      </div>

      {page.data.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="empty-state">
          <p className="font-semibold text-slate-900">{t.initiatives.empty}</p>
          <p className="mt-1 text-sm text-slate-700">{t.initiatives.emptyHint}</p>
          <Link href="/iniciativas" className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
            {t.initiatives.clearFilters}
          </Link>
        </div>
      ) : (
        // The page scrolls, not a box in it, so the sticky header follows the page; below the wide layout a box scrolls sideways.
        <div className="scroll-cue itable-frame">
          <table className={compact ? "itable compact" : "itable"} data-testid="initiatives-table">
            <caption className="sr-only">
              {t.initiatives.title}, {t.initiatives.pageOf(page.currentPage, page.totalPages)}
            </caption>
            <InitiativeHeaders
              groups={model.headerGroups.map(({ headers }) => headers.map((h): HeaderTuple => [h.id, h.sort ?? null, h.direction]))}
            />
            <InitiativeRows rows={rows} columns={model.visible} terms={page.terms} compact={compact} objectives={objectives} />
          </table>
        </div>
      )}
      <div className="print:hidden">
        <Pagination page={page} pageHref={pageHref} />
      </div>
    </div>
  );
}

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Around the first match, so a long articulation objective still shows why it matched. */
function excerpt(original: string, terms: string[], radius = 90) {
  const text = original.normalize("NFC");
  const folded = foldChars(text);
  const at = Math.max(
    0,
    ...terms
      .map((term) => folded.indexOf(term))
      .filter((i) => i >= 0)
      .slice(0, 1),
  );
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + radius);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
