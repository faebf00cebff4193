import { Link } from "@/components/ui/link";
import { t } from "@/lib/i18n";

export interface FilterChip {
  key: string;
  label: string;
  href: string;
}

/**
 * The filters in force above the results, on every screen size: each chip is a
 * link to the same view without it, so it works without JavaScript. On paper
 * the chips become one written line.
 */
export function ActiveFilterChips({ chips, clearHref }: { chips: FilterChip[]; clearHref: string }) {
  return (
    <>
      <p className="hidden text-sm text-slate-900 print:block" data-testid="print-filters">
        {t.tableLayout.printFilters(chips.length > 0 ? chips.map((c) => c.label).join("; ") : t.tableLayout.noFilters)}
      </p>
      {chips.length > 0 && (
        <ul aria-label={t.tableLayout.activeFilters} className="flex flex-wrap items-center gap-2 text-sm print:hidden">
          {chips.map((chip) => (
            <li key={chip.key} className="min-w-0 max-w-full">
              <Link
                href={chip.href}
                aria-label={t.tableLayout.removeFilter(chip.label)}
                className="inline-flex max-w-full items-center gap-1 rounded-full border border-brand-200 bg-brand-50 py-1 pl-3 pr-2 text-brand-900 hover:bg-brand-100"
              >
                <span className="truncate">{chip.label}</span>
                <span aria-hidden="true" className="text-base leading-none">
                  ×
                </span>
              </Link>
            </li>
          ))}
          <li>
            <Link href={clearHref} className="font-medium text-brand-700 underline underline-offset-2">
              {t.tableLayout.removeAll}
            </Link>
          </li>
        </ul>
      )}
    </>
  );
}
